/**
 * The contract every enhancement provider (local, replicate, huggingface) implements. The worker
 * that runs a task knows nothing about a provider beyond this file.
 */

import type { ProviderName } from '../../../shared/domain/model-catalogue.js';

/** Parameters after validation against the model registry (our camelCase names, not the provider's). */
export type EnhancementParams = Record<string, number | boolean>;

export interface ProviderImage {
  /** The encoded source image (JPEG, PNG or WebP), as stored. */
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface ProviderRequest {
  /** Our task id: for logs and for idempotency keys at the provider. */
  taskId: string;
  /** The provider's own model reference, from the registry (e.g. `nightmareai/real-esrgan:<version>`). */
  modelRef: string;
  params: EnhancementParams;
  image: ProviderImage;
  /**
   * Aborted when the task is canceled or the worker shuts down: stop work. Cancel the provider's
   * remote job too, unless the reason is a TaskHandover (the task goes on in another try, which
   * resumes that job).
   */
  signal: AbortSignal;
  /** Progress between 0 and 1, when the provider can tell. */
  onProgress?: (fraction: number) => void;
  /**
   * The provider's own job id that an earlier try of this task started (reported through
   * onRemoteTaskStarted). A provider that can resume picks that job up while it runs or once it has
   * succeeded, instead of starting (and paying for) another; when the job failed, was canceled or is
   * unknown, it starts a new one as usual. Providers that answer synchronously ignore it.
   */
  remoteTaskId?: string;
  /**
   * Called as soon as the provider has started a job that runs (and bills) on its side, and awaited
   * before waiting for it, so the caller can make the id durable for a later try to resume. When it
   * throws, the provider cancels that job and fails. Providers that answer synchronously never call it.
   */
  onRemoteTaskStarted?: (remoteTaskId: string) => Promise<void> | void;
}

export interface ProviderResult {
  bytes: Buffer;
  contentType: string;
}

export interface EnhancementProvider {
  readonly name: ProviderName;
  enhance(request: ProviderRequest): Promise<ProviderResult>;
  /**
   * Stops a job an earlier try started when no try will resume it (the task was canceled in
   * between). Best effort: a failure is logged, never thrown. Only providers with remote jobs have it.
   */
  cancelRemoteTask?(remoteTaskId: string, taskId: string): Promise<void>;
  /** Frees workers, timers and sockets. */
  close(): Promise<void>;
}

/**
 * How a provider failure is treated (seed 000's error mapping):
 * - `forbidden`: the provider refused our credentials (401/403) → FORBIDDEN, not retried;
 * - `invalid-input`: the provider rejected the input (other 4xx) → BAD_USER_INPUT, not retried;
 * - `transient`: 5xx, 429, timeouts, connection errors → retried with backoff, then FAILED;
 * - `canceled`: the signal was aborted.
 */
export type ProviderFailureKind = 'forbidden' | 'invalid-input' | 'transient' | 'canceled';

export class ProviderError extends Error {
  /** A brand, not instanceof: worker threads and bundlers may see another copy of this class. */
  readonly isProviderError = true;

  /**
   * @param message short and safe to show a customer: never a token, a URL with credentials or
   * the provider's response body.
   */
  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ProviderError';
  }
}

/**
 * Abort reason for a try that stops while its task goes on elsewhere (worker shutdown, message handed
 * to another worker): a remote job the caller already recorded is left running for the next try.
 */
export class TaskHandover extends Error {
  readonly isTaskHandover = true;
}

export const isTaskHandover = (reason: unknown): reason is TaskHandover =>
  typeof reason === 'object' && reason !== null && (reason as { isTaskHandover?: unknown }).isTaskHandover === true;

export const isProviderError = (error: unknown): error is ProviderError =>
  typeof error === 'object' && error !== null && (error as { isProviderError?: unknown }).isProviderError === true;
