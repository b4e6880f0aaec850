import { z } from 'zod';
import { isoDateTime } from './iso-date-time';

describe('isoDateTime', () => {
  const zods = z.string().datetime({ offset: true });
  const ours = isoDateTime();

  it.each([
    '2026-11-05T10:00:00Z',
    '2026-11-05T10:00:00.123Z',
    '2026-11-05T10:00Z',
    '2026-11-05T10:00:00+01:00',
    '2026-11-05T10:00:00-0530',
    '2028-02-29T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-11-31T00:00:00Z',
    '2026-11-05 10:00:00Z',
    '2026-11-05T24:00:00Z',
    '2026-11-05T10:00:00',
    '2026-11-05',
    'yesterday',
  ])('judges %s as zod does', (text) => {
    expect(ours.safeParse(text).success).toBe(zods.safeParse(text).success);
  });

  it('says what zod says of a bad one', () => {
    expect(ours.safeParse('yesterday').error?.issues[0]?.message).toBe('Invalid datetime');
  });
});
