import type { Request, Response } from 'express';
import { sendError } from './http-errors.js';

/** 405 with the `Allow` header a client needs to correct itself. */
export const methodNotAllowed = (allowed: string[]) => (_req: Request, res: Response) => {
  res.setHeader('Allow', allowed.join(', '));
  sendError(res, 405, 'METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}.`);
};
