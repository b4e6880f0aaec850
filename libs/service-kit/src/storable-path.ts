import { InvalidCommand, unstorableStrings } from '@hypercare/domain-kit';
import type { NextFunction, Request, Response } from 'express';
import { toProblem } from './problem-details';

const refuse = (request: Request, response: Response, message: string): void => {
  const { problem } = toProblem(new InvalidCommand([{ field: 'path', message }]), request.originalUrl);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
};

/**
 * Refuses a path no resource can be at (a segment that does not decode, or decodes to a NUL
 * or half a surrogate pair, which PostgreSQL cannot compare) with 400 before any route,
 * guard or lookup sees it.
 */
export const refuseUnstorablePaths = (request: Request, response: Response, next: NextFunction): void => {
  for (const segment of request.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse(request, response, `"${segment}" is not a valid percent-encoded path segment`);
    }
    const [issue] = unstorableStrings(decoded);
    if (issue) return refuse(request, response, `a path segment ${issue.message}`);
  }
  next();
};
