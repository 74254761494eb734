import type { Response } from 'express';

/** GraphQL's error shape, so a client reads `errors[0].extensions.code` whichever route answered. */
export interface ErrorBody {
  errors: [{ message: string; extensions: { code: string; [detail: string]: unknown } }];
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { code, ...details } }] };
}

/** Plain HTTP routes answer with the same error shape GraphQL uses: a message, a code and details. */
export function sendError(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).type('application/json').send(JSON.stringify(errorBody(code, message, details)));
}
