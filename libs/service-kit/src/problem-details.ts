import { HttpException } from '@nestjs/common';
import { DomainError, IllegalTransition, InvalidCommand } from '@hypercare/domain-kit';

/** An RFC 9457 problem document, the one error shape every service answers with. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** For 400s: every field that is wrong. */
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

const PROBLEMS = 'https://hypercare.dev/problems/';

/**
 * The event store's and the contracts' errors, recognised by their stable `code` rather than
 * their classes: the service kit sits below those libraries and must not import them.
 */
type Coded = Error & { code: string };
const hasCode = (error: unknown, code: string): error is Coded =>
  error instanceof Error && (error as Partial<Coded>).code === code;
const concurrentChange = (error: unknown): error is Coded & { actualVersion: number } =>
  hasCode(error, 'EVENT_STORE.WRONG_EXPECTED_VERSION');
const contractViolation = (
  error: unknown,
): error is Coded & { issues: Array<{ path: string; message: string }> } =>
  hasCode(error, 'CONTRACT.VIOLATION');
const invalidArgument = (error: unknown): error is Coded & { field: string; problem: string } =>
  hasCode(error, 'EVENT_STORE.INVALID_ARGUMENT');

/** What Express's body parser fails with (http-errors): a client error with a `type` saying which. */
type BodyParserError = Error & { status: number; expose: true; type: string; limit?: number };
const bodyParserError = (error: unknown): error is BodyParserError =>
  error instanceof Error &&
  (error as Partial<BodyParserError>).expose === true &&
  typeof (error as Partial<BodyParserError>).status === 'number' &&
  typeof (error as Partial<BodyParserError>).type === 'string';

const problem = (
  slug: string,
  title: string,
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails => ({
  type: `${PROBLEMS}${slug}`,
  title,
  status,
  detail,
  ...extensions,
});

const fromBodyParser = (error: BodyParserError): ProblemDetails => {
  if (error.type === 'entity.too.large')
    return problem(
      'http-413',
      'Payload Too Large',
      413,
      `The body is larger than any operation accepts: at most ${error.limit} bytes`,
    );
  if (error.type === 'entity.parse.failed')
    return problem(
      'invalid-request',
      'The request is invalid',
      400,
      `The body is not valid JSON: ${error.message}`,
      {
        errors: [{ field: '', message: `not valid JSON: ${error.message}` }],
      },
    );
  const titles: Record<number, string> = { 413: 'Payload Too Large', 415: 'Unsupported Media Type' };
  return problem(`http-${error.status}`, titles[error.status] ?? 'Bad Request', error.status, error.message);
};

const fromDomain = (error: DomainError): ProblemDetails => {
  if (error instanceof InvalidCommand)
    return problem('invalid-request', 'The request is invalid', 400, error.message, { errors: error.issues });
  if (error instanceof IllegalTransition) {
    return problem('illegal-transition', 'Not allowed in the current state', 409, error.message, {
      currentState: error.currentState,
      allowed: error.allowed,
    });
  }
  const slug = error.code.toLowerCase().replace(/_/g, '-');
  const titles: Record<number, string> = {
    404: 'Not found',
    409: 'Conflict',
    410: 'Gone',
    422: 'Unprocessable request',
  };
  return problem(slug, titles[error.status] ?? 'Request failed', error.status, error.message);
};

/**
 * Maps what a request can fail with to a problem document: domain errors keep their status
 * (400 naming fields, 404, 409 with the state and the allowed commands), concurrent writes
 * are 409, contract and argument errors 400, Nest's own HTTP errors keep theirs, and
 * anything else is a 500 that does not leak internals. `internal` tells the caller to log.
 */
export const toProblem = (
  error: unknown,
  instance?: string,
): { problem: ProblemDetails; internal: boolean } => {
  const at = instance ? { instance } : {};
  if (error instanceof DomainError) return { problem: { ...fromDomain(error), ...at }, internal: false };
  if (concurrentChange(error)) {
    const detail = `Someone else changed it first (now at version ${error.actualVersion}); reload and retry.`;
    return {
      problem: {
        ...problem('concurrent-change', 'Concurrent change', 409, detail, {
          actualVersion: error.actualVersion,
        }),
        ...at,
      },
      internal: false,
    };
  }
  if (contractViolation(error)) {
    const errors = error.issues.map((issue) => ({ field: issue.path, message: issue.message }));
    return {
      problem: {
        ...problem('invalid-request', 'The request is invalid', 400, error.message, { errors }),
        ...at,
      },
      internal: false,
    };
  }
  if (invalidArgument(error)) {
    return {
      problem: {
        ...problem('invalid-request', 'The request is invalid', 400, error.message, {
          errors: [{ field: error.field, message: error.problem }],
        }),
        ...at,
      },
      internal: false,
    };
  }
  if (bodyParserError(error)) return { problem: { ...fromBodyParser(error), ...at }, internal: false };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return {
      problem: {
        ...problem(
          `http-${status}`,
          error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
          status,
          error.message,
        ),
        ...at,
      },
      internal: status >= 500,
    };
  }
  return {
    problem: {
      ...problem(
        'internal-error',
        'Internal error',
        500,
        'The request failed on our side; it has been logged.',
      ),
      ...at,
    },
    internal: true,
  };
};
