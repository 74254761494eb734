import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';
import { routeOf } from './loggable-route.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * One line per request: request id, method, route, status and duration, nothing else. Headers
 * carry credentials, and URLs do too: `/downloads/…/<ticket>`, `/uploads/<token>` and
 * `/media/<token>` are bearer credentials until they expire, and a query string may hold anything.
 * Lines logged through `req.log` carry the request id (requestId) only.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    // A caller's request id is kept when it looks like one, so traces join up across services.
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // The name every other log line (security events, enhancement tasks) gives the request id.
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    quietResLogger: true,
    // The logger's own serializers stay in force (pino-http would otherwise add ones that log headers).
    wrapSerializers: false,
    customSuccessObject: (req, res, fields: { responseTime: number }) => summary(req, res, fields.responseTime),
    // `res.err` is set by the JSON error handler for failures of our own; client errors never set it.
    customErrorObject: (req, res, _error, fields: { responseTime: number }) => ({ ...summary(req, res, fields.responseTime), err: res.err }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // Probes come every few seconds and thumbnails by the hundred per gallery.
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url?.startsWith('/media/') === true },
  });
}

function summary(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  return { method: req.method, route: routeOf(req), statusCode: res.statusCode, responseTime };
}
