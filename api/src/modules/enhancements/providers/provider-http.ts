import { ProviderError } from './provider.js';

/**
 * HTTP for the remote providers: every call is bounded by a timeout and by the task's signal, and
 * every way it can go wrong becomes a ProviderError whose message is safe to show a customer. A
 * provider's response body is never put into an error: it may echo our input or carry details we
 * do not want in logs.
 */

export interface ProviderHttpOptions {
  /** The provider's name as a customer reads it in a message: "Replicate", "Hugging Face". */
  label: string;
  /** Longest a single call (request and reading its body) may take. */
  timeoutMs: number;
}

/** Answers read in full for their JSON (predictions, error bodies) are small; anything bigger is not what we asked for. */
const MAX_JSON_BYTES = 1024 * 1024;

export class ProviderHttp {
  constructor(private readonly options: ProviderHttpOptions) {}

  get label(): string {
    return this.options.label;
  }

  /**
   * One call, whatever its status. Pass the task's signal to stop on cancel; leave it out for calls
   * that must finish even then (creating a paid prediction whose id we need in order to cancel it).
   */
  async send(url: string | URL, init: Omit<RequestInit, 'signal'>, taskSignal?: AbortSignal): Promise<ProviderResponse> {
    if (taskSignal?.aborted) throw canceledError();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = taskSignal ? AbortSignal.any([taskSignal, timeout]) : timeout;
    const failure = (cause: unknown) => this.transportFailure(cause, taskSignal, timeout);
    try {
      return new ProviderResponse(await fetch(url, { ...init, signal }), this.options.label, failure);
    } catch (error) {
      throw failure(error);
    }
  }

  /** Like send, but a non-2xx answer becomes its ProviderError. */
  async request(url: string | URL, init: Omit<RequestInit, 'signal'>, taskSignal?: AbortSignal): Promise<ProviderResponse> {
    const response = await this.send(url, init, taskSignal);
    if (!response.ok) throw await response.failure();
    return response;
  }

  private transportFailure(cause: unknown, taskSignal: AbortSignal | undefined, timeout: AbortSignal): ProviderError {
    if (cause instanceof ProviderError) return cause;
    if (taskSignal?.aborted) return canceledError(cause);
    const { label, timeoutMs } = this.options;
    if (timeout.aborted) return new ProviderError('transient', `${label} did not answer within ${Math.ceil(timeoutMs / 1000)} s`, { cause });
    return new ProviderError('transient', `Could not reach ${label}`, { cause });
  }
}

export class ProviderResponse {
  constructor(
    private readonly response: Response,
    private readonly label: string,
    private readonly transportFailure: (cause: unknown) => ProviderError,
  ) {}

  get ok(): boolean {
    return this.response.ok;
  }

  get status(): number {
    return this.response.status;
  }

  get headers(): Headers {
    return this.response.headers;
  }

  /** The body, refused when it grows beyond maxBytes (checked while streaming, not only by Content-Length). */
  async bytes(maxBytes: number): Promise<Buffer> {
    const tooLarge = () => new ProviderError('invalid-input', `The result from ${this.label} is larger than ${formatBytes(maxBytes)}`);
    const declared = Number(this.response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await this.discard();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of this.response.body ?? []) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          await this.discard();
          throw tooLarge();
        }
        chunks.push(Buffer.from(chunk));
      }
    } catch (error) {
      throw this.transportFailure(error);
    }
    return Buffer.concat(chunks, total);
  }

  /** The body as JSON; undefined when it is not JSON (an error page from a proxy, say). */
  async json<T>(): Promise<T | undefined> {
    const text = (await this.bytes(MAX_JSON_BYTES)).toString('utf8');
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }

  /** Drops the body unread so the connection is freed. */
  async discard(): Promise<void> {
    await this.response.body?.cancel().catch(() => undefined);
  }

  /** The ProviderError for this non-2xx answer; the body is discarded, never quoted. */
  async failure(): Promise<ProviderError> {
    await this.discard();
    return errorForStatus(this.label, this.status, this.headers.get('retry-after'));
  }
}

/** Seed 000's mapping: credentials refused → forbidden, other 4xx → the input, 429 and 5xx → try again later. */
export function errorForStatus(label: string, status: number, retryAfter?: string | null): ProviderError {
  if (status === 401 || status === 403) return new ProviderError('forbidden', `${label} refused the credentials (HTTP ${status})`, { status });
  if (status === 429) {
    return new ProviderError('transient', `${label} is rate limiting requests (HTTP 429)`, { status, retryAfterSeconds: parseRetryAfter(retryAfter) });
  }
  if (status >= 400 && status < 500) return new ProviderError('invalid-input', `${label} rejected the input (HTTP ${status})`, { status });
  return new ProviderError('transient', `${label} failed (HTTP ${status})`, { status, retryAfterSeconds: parseRetryAfter(retryAfter) });
}

export const canceledError = (cause?: unknown) => new ProviderError('canceled', 'The enhancement was canceled', { cause });

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The image type by its leading bytes, for the types the rest of the pipeline accepts. Bytes win
 * over a Content-Type header: a provider's header is often `application/octet-stream`.
 */
export function sniffImageType(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
