/**
 * Typed errors with stable codes; the error handler answers { code, message, details } in Vietnamese. Every code, its
 * status and its message live in the catalogue (domain/errors/catalogue.ts): a service throws `fail(code, params)`.
 */
import { errorMessage, errorStatus, type ErrorCode, type ErrorParams } from '../domain/errors/catalogue.ts';

export type { ErrorCode } from '../domain/errors/catalogue.ts';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The arguments after the code: its message's parameters (optional when it has none), then the response's details. */
export type FailArgs<C extends ErrorCode> =
  undefined extends ErrorParams<C> ? [params?: ErrorParams<C>, details?: unknown] : [params: ErrorParams<C>, details?: unknown];

/** The error of a catalogue code: its status, its message with `params`, and `details` for the page. */
export function fail<C extends ErrorCode>(code: C, ...[params, details]: FailArgs<C>): AppError {
  const message = (errorMessage as (code: ErrorCode, params?: unknown) => string)(code, params);
  return new AppError(errorStatus(code), code, message, details);
}

/** The body of an error response, for replies sent without throwing (NDJSON streams, the 404 handler). */
export function errorBody<C extends ErrorCode>(code: C, ...[params, details]: FailArgs<C>) {
  const error = fail(code, ...([params, details] as FailArgs<C>));
  return { code: error.code, message: error.message, ...(details === undefined ? {} : { details }) };
}
