import { DerivedImageRejectedError } from '../images/derived-image.service.js';
import { EnhancementErrorCode } from './enhancement.entity.js';
import { isProviderError } from './providers/provider.js';

/** Why a worker stopped a running task from its side. */
/** `lost`: another try owns the task (or will); `settled`: it ended elsewhere (given up, canceled). */
export type StopReason = 'canceled' | 'shutdown' | 'lost' | 'settled';

export type FailureDecision =
  | { action: 'cancel' }
  /** This worker no longer owns the task (shutting down, or the queue gave it to another try): leave it to the queue. */
  | { action: 'abandon' }
  | { action: 'retry'; reason: string }
  | { action: 'fail'; code: EnhancementErrorCode; message: string };

const INTERNAL_MESSAGE = 'The enhancement failed because of an internal error.';
const UNUSABLE_MESSAGE = 'The provider returned an image that could not be used.';

/**
 * Seed 000's error mapping for a failed try: provider 401/403 → FORBIDDEN, another 4xx →
 * BAD_USER_INPUT, 5xx/timeouts → retried with backoff and FAILED (PROVIDER_ERROR) after the last
 * try; anything unexpected → INTERNAL with a generic message (the details go to the log only).
 * Provider messages are short and safe by contract (provider.ts).
 */
export function decideFailure(error: unknown, context: { stopped: StopReason | null; finalAttempt: boolean }): FailureDecision {
  if (context.stopped === 'canceled') return { action: 'cancel' };
  if (context.stopped) return { action: 'abandon' };
  if (error instanceof DerivedImageRejectedError) return { action: 'fail', code: EnhancementErrorCode.PROVIDER_ERROR, message: UNUSABLE_MESSAGE };
  if (!isProviderError(error)) return { action: 'fail', code: EnhancementErrorCode.INTERNAL, message: INTERNAL_MESSAGE };
  switch (error.kind) {
    case 'forbidden':
      return { action: 'fail', code: EnhancementErrorCode.FORBIDDEN, message: error.message };
    case 'invalid-input':
      return { action: 'fail', code: EnhancementErrorCode.BAD_USER_INPUT, message: error.message };
    case 'transient':
    // A provider that reports "canceled" when we did not cancel (it shut down, or canceled the job itself) may do better next time.
    case 'canceled':
      return context.finalAttempt ? { action: 'fail', code: EnhancementErrorCode.PROVIDER_ERROR, message: error.message } : { action: 'retry', reason: error.message };
  }
}
