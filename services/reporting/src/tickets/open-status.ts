import { OPEN_TICKET_STATUSES } from '@hypercare/contracts';

/** The SQL condition that a ticket is open as the published workflow says (fixed words, safe to inline). */
export const openStatus = (column = 'status'): string =>
  `${column} in (${OPEN_TICKET_STATUSES.map((status) => `'${status}'`).join(', ')})`;
