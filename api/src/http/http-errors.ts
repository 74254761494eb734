import type { Response } from 'express';

/** Plain HTTP routes answer with the same error shape GraphQL uses: a message and a code. */
export function sendError(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).type('application/json').send(JSON.stringify({ error: { message, code, ...details } }));
}
