/**
 * What dropping a card on a column asks of triage: the command that takes a ticket there when
 * it needs nothing more; columns whose command needs a form (triage, workaround, resolve)
 * open the ticket instead, and `new` is where tickets start.
 */
export type Move =
  { kind: 'command'; command: string } | { kind: 'form'; command: string } | { kind: 'none' };

export const moveTo = (status: string): Move => {
  switch (status) {
    case 'acknowledged':
      return { kind: 'command', command: 'acknowledge' };
    case 'in-progress':
      return { kind: 'command', command: 'start' };
    case 'closed':
      return { kind: 'command', command: 'close' };
    case 'triaged':
      return { kind: 'form', command: 'triage' };
    case 'workaround-available':
      return { kind: 'form', command: 'workaround' };
    case 'resolved':
      return { kind: 'form', command: 'resolve' };
    default:
      return { kind: 'none' };
  }
};
