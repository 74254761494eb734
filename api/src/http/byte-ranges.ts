import type { Request } from 'express';

/** What to send of a representation of `size` bytes whose strong ETag is `etag` (RFC 9110, 14.2–14.4 and 13.1.5). */
export type RangeDecision = { status: 200; start: number; end: number } | { status: 206; start: number; end: number } | { status: 416 };

/**
 * One range is served as 206; several ranges, a malformed header, or an `If-Range` that does not
 * match the current ETag get the whole representation (200), as the RFC allows; a range that starts
 * past the end is 416.
 */
export function decideRange(req: Request, size: number, etag: string): RangeDecision {
  const whole = { status: 200 as const, start: 0, end: size - 1 };
  const header = req.headers.range;
  if (!header) return whole;
  const ifRange = req.headers['if-range'];
  // Only a strong ETag validates If-Range; a date or another tag means "send it all".
  if (ifRange !== undefined && ifRange !== etag) return whole;
  const ranges = req.range(size, { combine: true });
  if (ranges === -2 || ranges === undefined) return whole;
  if (ranges === -1) return { status: 416 };
  if (ranges.type !== 'bytes' || ranges.length !== 1) return whole;
  const [range] = ranges;
  return { status: 206, start: range!.start, end: range!.end };
}

/** Whether the request asks to resume a representation it holds a validator for. */
export const isResumption = (req: Request): boolean => Boolean(req.headers.range && req.headers['if-range']);
