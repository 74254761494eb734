import type { NextFunction, Request, Response } from 'express';
import { sendError } from './http-errors.js';

/**
 * POST takes JSON only: anything else (no Content-Type, text/plain, a form) is a 415 here rather
 * than a parser's guess further on. Simple cross-site POSTs, which CSRF prevention refuses, are
 * among them.
 */
export const requireJsonBody = (req: Request, res: Response, next: NextFunction): void => {
  const essence = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  if (req.method !== 'POST' || essence === 'application/json') return next();
  sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json in UTF-8.');
};
