import { grantText } from './grants';
import { allows, type Permission, reportsOnlyAsSelf, type ResourcePlace, visibleTo } from './policy';
import type { Principal } from './principal';

const holding = (grants: string[], email?: string): Principal => ({
  subject: 's',
  name: 'n',
  kind: email ? 'person' : 'machine',
  ...(email ? { email } : {}),
  grants: grants.map((grant) => grantText.parse(grant)),
});

const P1 = { periodId: 'p-1', reporter: 'ana@example.com' };
const P2 = { periodId: 'p-2', reporter: 'ana@example.com' };
/** Period 1 as the guard places it for a programme grant: in programme `fin`. */
const P1_IN_FIN = { ...P1, programmeId: 'fin' };
const FIN = { programmeId: 'fin' };
const HR = { programmeId: 'hr' };

describe('the access policy, as a table', () => {
  it.each<[string, string[], Permission, ResourcePlace | undefined, boolean]>([
    ['an agent works tickets of its period', ['agent@period:p-1'], 'ticket.work', P1, true],
    ["an agent does not reach another period's tickets", ['agent@period:p-1'], 'ticket.work', P2, false],
    ['an agent does not manage its period', ['agent@period:p-1'], 'period.manage', P1, false],
    ['a lead manages its period', ['lead@period:p-1'], 'period.manage', P1, true],
    ['a lead of a period plans none', ['lead@period:p-1'], 'period.plan', FIN, false],
    ['a lead of a programme plans its periods', ['lead@programme:fin'], 'period.plan', FIN, true],
    ["a lead of a programme plans none in another's", ['lead@programme:fin'], 'period.plan', HR, false],
    [
      "a lead of a programme manages the programme's periods",
      ['lead@programme:fin'],
      'period.manage',
      P1_IN_FIN,
      true,
    ],
    [
      'a programme grant reaches no period not placed in it',
      ['lead@programme:fin'],
      'period.read',
      P1,
      false,
    ],
    [
      "an agent of a programme works its periods' tickets",
      ['agent@programme:fin'],
      'ticket.work',
      P1_IN_FIN,
      true,
    ],
    ['a lead of a programme does not rename it', ['lead@programme:fin'], 'programme.manage', FIN, false],
    ['an admin of a programme renames it', ['admin@programme:fin'], 'programme.manage', FIN, true],
    [
      'an admin of a programme does not rename another',
      ['admin@programme:fin'],
      'programme.manage',
      HR,
      false,
    ],
    [
      'an admin of a programme is no platform admin',
      ['admin@programme:fin'],
      'platform.admin',
      undefined,
      false,
    ],
    [
      'an agent of a period reads a programme only where granted',
      ['agent@period:p-1'],
      'programme.read',
      FIN,
      false,
    ],
    ['a reporter does not read programmes', ['reporter@programme:fin'], 'programme.read', FIN, false],
    ['an analyst reads the dashboards', ['analyst@period:p-1'], 'reporting.read', P1, true],
    ['an analyst does not work tickets', ['analyst@period:p-1'], 'ticket.work', P1, false],
    ['an analyst explores the history of its period', ['analyst@period:p-1'], 'history.read', P1, true],
    ['a lead explores the history of its period', ['lead@period:p-1'], 'history.read', P1, true],
    ["an agent does not audit the team's history", ['agent@period:p-1'], 'history.read', P1, false],
    ['a BAU consumer reads its period', ['bau-consumer@period:p-1'], 'period.read', P1, true],
    ['a BAU consumer reads no tickets', ['bau-consumer@period:p-1'], 'ticket.read', P1, false],
    ['a platform admin does anything anywhere', ['admin'], 'platform.admin', undefined, true],
    ['a platform admin reaches every period', ['admin'], 'ticket.work', P2, true],
    ['a period admin is no platform admin', ['admin@period:p-1'], 'platform.admin', undefined, false],
    ['a platform-wide agent works every period', ['agent'], 'ticket.work', P2, true],
    [
      'a monitoring source sends alerts to its period',
      ['monitoring-source@period:p-1'],
      'alert.send',
      P1,
      true,
    ],
    ['a monitoring source reads nothing', ['monitoring-source@period:p-1'], 'ticket.read', P1, false],
    ['an agent sends no alerts', ['agent@period:p-1'], 'alert.send', P1, false],
    ['a channel relays mail to its period', ['channel@period:p-1'], 'report.relay', P1, true],
    ['a channel reads nothing', ['channel@period:p-1'], 'report.read', P1, false],
    ['a channel relays nothing elsewhere', ['channel@period:p-1'], 'report.relay', P2, false],
    ['an agent relays no mail', ['agent@period:p-1'], 'report.relay', P1, false],
    ['grants add up', ['analyst@period:p-1', 'agent@period:p-2'], 'ticket.work', P2, true],
    ['no grant, no access', [], 'period.read', P1, false],
  ])('%s', (_, grants, permission, place, expected) => {
    expect(allows(holding(grants), permission, place)).toBe(expected);
  });

  it.each<[string, string | undefined, Permission, boolean]>([
    ['reads their own report', 'ana@example.com', 'report.read', true],
    ['reads their own report whatever the case of the email', 'ANA@example.com', 'ticket.read', true],
    ["does not read someone else's report", 'bob@example.com', 'report.read', false],
    ['does not read when the token carries no email', undefined, 'ticket.read', false],
    ['comments on their own ticket', 'ana@example.com', 'ticket.comment', true],
    ['submits reports to the period, whoever they are', 'bob@example.com', 'report.submit', true],
    ['does not work tickets, even their own', 'ana@example.com', 'ticket.work', false],
  ])('a reporter %s', (_, email, permission, expected) => {
    expect(allows(holding(['reporter@period:p-1'], email), permission, P1)).toBe(expected);
  });

  it('lists what a principal may see: all for a platform grant, else the periods and programmes named', () => {
    expect(visibleTo(holding(['analyst']), 'reporting.read')).toBe('all');
    expect(
      visibleTo(
        holding(['agent@period:p-1', 'lead@period:p-2', 'agent@period:p-1', 'analyst@programme:fin']),
        'reporting.read',
      ),
    ).toEqual({ periods: ['p-1', 'p-2'], programmes: ['fin'] });
    expect(
      visibleTo(holding(['reporter@period:p-1', 'bau-consumer@programme:fin']), 'reporting.read'),
    ).toEqual({ periods: [], programmes: [] });
  });
});

describe('who reports as themselves', () => {
  it('is a principal whose only way to submit to the period is the reporter role', () => {
    expect(reportsOnlyAsSelf(holding(['reporter@period:p-1'], 'ana@example.com'), P1)).toBe(true);
    expect(reportsOnlyAsSelf(holding(['reporter@period:p-1', 'agent@period:p-2']), P1)).toBe(true);
    expect(reportsOnlyAsSelf(holding(['reporter@period:p-1', 'agent@period:p-1']), P1)).toBe(false);
    expect(reportsOnlyAsSelf(holding(['reporter@period:p-1', 'agent@programme:fin']), P1_IN_FIN)).toBe(false);
    expect(reportsOnlyAsSelf(holding(['analyst@period:p-1']), P1)).toBe(true);
    expect(reportsOnlyAsSelf(holding(['admin']), P1)).toBe(false);
  });
});
