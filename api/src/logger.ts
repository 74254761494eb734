import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { routeOf } from './http/loggable-route.js';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'pixgate-api' },
    // Secrets must never reach log files, whatever a caller passes in. `err.body` is the raw
    // request body that body-parser attaches to its errors.
    redact: {
      paths: ['req.headers.authorization', 'password', '*.password', 'refreshToken', '*.refreshToken', 'accessToken', '*.accessToken', 'err.body'],
      censor: '[redacted]',
    },
    // Whoever logs a request or a response gets these fields: never headers, never the URL (tickets and tokens).
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, route: routeOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  }, destination);
}
