import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody } from '../errors.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { FIELD_LABELS } from './field-labels.ts';

/** The field in the page's words; '' when there is none (an internal name never reaches the user). */
export function fieldLabel(error: Pick<FastifyError, 'validation'>): string {
  const first = error.validation?.[0];
  // A missing property is named by the rule; "/stemRich/0/rows/3" names the field "rows"; an index alone says nothing.
  const pathName =
    (first?.params as { missingProperty?: string } | undefined)?.missingProperty
    ?? first?.instancePath
      ?.split('/')
      .filter((part) => part && !/^\d+$/.test(part))
      .pop();
  return pathName && Object.hasOwn(FIELD_LABELS, pathName) ? FIELD_LABELS[pathName]! : '';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (error.validation) {
      const field = fieldLabel(error);
      return reply.status(400).send(
        errorBody(
          'invalid_request',
          { field: field || undefined },
          error.validation.map((v) => ({ field: v.instancePath, rule: v.keyword })),
        ),
      );
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send(errorBody('file_too_large', { maxMb: 20 }));
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('bad_request'));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(errorBody('database_unavailable'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal_error'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('route_not_found'));
  });
}
