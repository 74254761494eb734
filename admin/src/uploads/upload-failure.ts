/**
 * Why one file's upload failed, in the terms the screens explain it: the step it failed in, the
 * API's code and reason (or a local one when no answer came), and the API's details (maxBytes,
 * retryAfterSeconds, …). Pure: no react-admin, no DOM.
 */
export type UploadStep = 'hash' | 'request' | 'send' | 'complete' | 'render';

/** Failures that happen before or without an answer from the API. */
export const LOCAL_FAILURE_CODES = ['NETWORK', 'FILE_UNREADABLE', 'UNKNOWN'] as const;
export type LocalFailureCode = (typeof LOCAL_FAILURE_CODES)[number];

export interface UploadFailure {
  step: UploadStep;
  /** The API's `extensions.code`, or a local code. */
  code: string;
  /** The API's `extensions.reason` (or an image's `failureReason`), when it gave one. */
  reason?: string;
  details: Record<string, unknown>;
  /** The API's own (English) message, for the console and a bug report. */
  serverMessage?: string;
}

/** What went wrong, as the transport knows it; the queue adds the step it was in. */
export type UploadProblem = Omit<UploadFailure, 'step'>;

/** A problem as something the transport throws. */
export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.serverMessage ?? `${problem.code}${problem.reason ? ` (${problem.reason})` : ''}`);
  }
}

/** Any error thrown during `step` as a failure of that step. */
export function failureOf(step: UploadStep, error: unknown): UploadFailure {
  if (error instanceof UploadError) return { ...error.problem, step };
  return { step, code: 'UNKNOWN', details: {}, serverMessage: error instanceof Error ? error.message : String(error) };
}

/** Codes after which the same request may well succeed a little later. */
const TRANSIENT_CODES = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'RATE_LIMITED']);

export const isTransient = (failure: UploadFailure): boolean => TRANSIENT_CODES.has(failure.code);

/** Seconds the API asked us to wait (RATE_LIMITED answers carry them), if it did. */
export function retryAfterSeconds(failure: UploadFailure): number | undefined {
  const seconds = failure.details.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

/** The step a retry starts from, given where and how the last attempt failed. */
export type ResumePoint = 'hash' | 'request' | 'send' | 'complete' | 'render';

/**
 * Where a retry resumes. Transient failures repeat the step that failed (a PUT only while its URL
 * is still good for a while); definitive ones start over with a fresh checksum and a new upload
 * (the API has failed that image for good, or its URL is spent). A render that failed for reasons
 * outside the image (RENDER_FAILED) is rendered again rather than uploaded again.
 */
export function resumePoint(failure: UploadFailure, ticketStillGood: boolean): ResumePoint {
  switch (failure.step) {
    case 'hash':
      return 'hash';
    case 'request':
      return 'request';
    case 'send':
      return isTransient(failure) && ticketStillGood ? 'send' : 'request';
    case 'complete':
      return isTransient(failure) ? 'complete' : 'hash';
    case 'render':
      return failure.reason === 'RENDER_FAILED' ? 'render' : 'hash';
  }
}
