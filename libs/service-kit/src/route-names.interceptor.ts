import { type CallHandler, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { IllegalTransition } from '@hypercare/domain-kit';
import { catchError, throwError } from 'rxjs';

class RouteNamesInterceptor implements NestInterceptor {
  constructor(private readonly names: Readonly<Record<string, string>>) {}

  intercept(_: unknown, next: CallHandler) {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() => (error instanceof IllegalTransition ? error.renamed(this.names) : error)),
        ),
      );
  }
}

/**
 * A 409's `allowed` list names what a client can call: a decider's command whose route is
 * named otherwise (`provide-workaround` is `POST …/workaround`) is named by its route.
 */
export const RouteNames = (names: Readonly<Record<string, string>>) =>
  UseInterceptors(new RouteNamesInterceptor(names));
