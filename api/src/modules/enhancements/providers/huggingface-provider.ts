import { DEFAULT_HUGGINGFACE_BASE_URL } from '../../../config.js';
import { canceledError, errorForStatus, ProviderHttp, sniffImageType } from './provider-http.js';
import { ProviderError, type EnhancementProvider, type ProviderRequest, type ProviderResult } from './provider.js';

/**
 * Hugging Face's Inference API, image-to-image (Swin2SR and the like): one synchronous call that
 * sends the image bytes and answers with the result's bytes. There is no job at the provider to
 * cancel: aborting the call is the cancel.
 */

export interface HuggingFaceProviderOptions {
  apiToken: string;
  /** Where model routes start, e.g. https://router.huggingface.co/hf-inference/models (a local fake in tests). */
  baseUrl?: string;
  /** Longest the call may take, upload and inference included. */
  timeoutMs: number;
  /** Largest result we accept. Default 256 MB. */
  maxOutputBytes?: number;
}

/** A Hub model id: `owner/name`, nothing that could walk to another route. */
const MODEL_REF = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export class HuggingFaceProvider implements EnhancementProvider {
  readonly name = 'huggingface';
  /** A #private field: util.inspect and JSON.stringify of the provider never show it. */
  readonly #apiToken: string;
  private readonly http: ProviderHttp;
  private readonly baseUrl: string;
  private readonly maxOutputBytes: number;

  constructor(options: HuggingFaceProviderOptions) {
    this.#apiToken = options.apiToken;
    this.http = new ProviderHttp({ label: 'Hugging Face', timeoutMs: options.timeoutMs });
    this.baseUrl = (options.baseUrl ?? DEFAULT_HUGGINGFACE_BASE_URL).replace(/\/+$/, '');
    this.maxOutputBytes = options.maxOutputBytes ?? 256 * 1024 * 1024;
  }

  async enhance(request: ProviderRequest): Promise<ProviderResult> {
    if (request.signal.aborted) throw canceledError();
    if (!MODEL_REF.test(request.modelRef) || request.modelRef.split('/').some((part) => /^\.+$/.test(part))) {
      throw new ProviderError('invalid-input', 'This model is not available from Hugging Face');
    }
    const response = await this.http.send(
      `${this.baseUrl}/${request.modelRef}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#apiToken}`, 'content-type': request.image.contentType },
        body: request.image.bytes,
      },
      request.signal,
    );
    if (response.status === 503) {
      // While a model loads, the API answers 503 with {"error": …, "estimated_time": seconds}.
      const body = await response.json<{ estimated_time?: unknown }>();
      const estimate = body?.estimated_time;
      if (typeof estimate === 'number' && Number.isFinite(estimate) && estimate >= 0) {
        throw new ProviderError('transient', 'The Hugging Face model is loading', { status: 503, retryAfterSeconds: Math.ceil(estimate) });
      }
      throw errorForStatus(this.http.label, 503, response.headers.get('retry-after'));
    }
    if (!response.ok) throw await response.failure();
    if (!response.headers.get('content-type')?.toLowerCase().startsWith('image/')) {
      await response.discard();
      throw new ProviderError('transient', 'Hugging Face returned a result that is not an image');
    }
    const bytes = await response.bytes(this.maxOutputBytes);
    const contentType = sniffImageType(bytes);
    if (!contentType) throw new ProviderError('transient', 'Hugging Face returned a result that is not an image');
    return { bytes, contentType };
  }

  async close(): Promise<void> {
    // Nothing held between calls: each call's socket goes back to fetch's pool.
  }
}
