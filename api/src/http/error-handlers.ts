import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import type { ErrorCode } from '../shared/errors.js';
import { sendError } from './http-errors.js';
import { routeOf } from './loggable-route.js';

/**
 * The last two handlers of the app, so that Express's own (an HTML page, with the stack outside
 * production, and the error printed to stderr) never answers. A fallback that serves the front
 * ends' index.html to HTML GETs belongs before `notFound`.
 */
export const notFound = (_req: Request, res: Response): void => {
  sendError(res, 404, 'NOT_FOUND', 'There is nothing at this address.');
};

/** Errors from middleware and routes: a 4xx keeps its status with a typed code; anything else is a masked 500. */
export function jsonErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = clientErrorStatus(error);
    if (res.headersSent) {
      // Part of an answer is out: all that is left is to cut it off.
      logger.error({ err: status ? undefined : error, status, requestId: String(req.id), route: routeOf(req) }, 'request failed after the response started');
      res.destroy();
      return;
    }
    if (status) {
      // Body-parser's and the router's errors quote the request in their message and `body` (a
      // password, a ticket), so only their type is logged; the request line gives the status.
      logger.debug({ requestId: String(req.id), errorType: (error as { type?: unknown }).type, status }, 'request refused');
      const { code, message } = describeClientError(status, (error as { type?: unknown }).type);
      sendError(res, status, code, message);
      return;
    }
    // Logged once, with the request's line (see request-logging.ts).
    res.err = error instanceof Error ? error : new Error(String(error));
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
  };
}

/** The status of an error made for the client (http-errors' convention, used by body-parser and Express's router). */
function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500 ? status : undefined;
}

function describeClientError(status: number, type: unknown): { code: ErrorCode; message: string } {
  switch (status) {
    case 400:
      return type === 'entity.parse.failed'
        ? { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' }
        : { code: 'BAD_REQUEST', message: 'The request is malformed.' };
    case 413:
      return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
    case 415:
      return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json in UTF-8.' };
    case 401:
      return { code: 'UNAUTHENTICATED', message: 'Sign in first.' };
    case 403:
      return { code: 'FORBIDDEN', message: 'You may not do this.' };
    case 404:
      return { code: 'NOT_FOUND', message: 'There is nothing at this address.' };
    default:
      return { code: 'BAD_REQUEST', message: 'The request cannot be served.' };
  }
}
