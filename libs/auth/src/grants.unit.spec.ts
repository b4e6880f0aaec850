import { formatGrant, grantsAmong, grantText } from './grants';

describe('grants as text', () => {
  it.each([
    ['admin', { role: 'admin', scope: { kind: 'platform' } }],
    ['lead@programme:finance-2026', { role: 'lead', scope: { kind: 'programme', id: 'finance-2026' } }],
    ['agent@period:p-1', { role: 'agent', scope: { kind: 'period', id: 'p-1' } }],
    ['bau-consumer@period:7f3c', { role: 'bau-consumer', scope: { kind: 'period', id: '7f3c' } }],
  ])('reads %s', (text, grant) => {
    expect(grantText.parse(text)).toEqual(grant);
    expect(formatGrant(grantText.parse(text))).toBe(text);
  });

  it.each([
    ['superuser', 'not a grant'],
    ['agent@team:x', 'programme:<id> or period:<id>'],
    ['agent@period:', 'programme:<id> or period:<id>'],
    ['agent@period:a b', 'programme:<id> or period:<id>'],
    ['agent@period:p@q', 'not a grant'],
  ])('refuses %s, saying what a grant is', (text, message) => {
    const parsed = grantText.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });

  it('keeps the grants among the groups an identity provider sends and leaves the rest out', () => {
    expect(grantsAmong(['offline_access', 'agent@period:p-1', 42, 'uma_authorization', 'admin'])).toEqual([
      { role: 'agent', scope: { kind: 'period', id: 'p-1' } },
      { role: 'admin', scope: { kind: 'platform' } },
    ]);
  });
});
