/**
 * The caller could not be identified: no credentials, or credentials that do not prove who
 * it is. Answered 401 with a `WWW-Authenticate` challenge; the message says which.
 */
export class Unauthenticated extends Error {
  readonly code = 'AUTH.UNAUTHENTICATED';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unauthenticated';
  }
}
