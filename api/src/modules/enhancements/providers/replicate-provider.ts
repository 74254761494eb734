import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_REPLICATE_BASE_URL } from '../../../config.js';
import type { Logger } from '../../../logger.js';
import { canceledError, ProviderHttp, sniffImageType, type ProviderResponse } from './provider-http.js';
import { isProviderError, isTaskHandover, ProviderError, type EnhancementParams, type EnhancementProvider, type ProviderRequest, type ProviderResult } from './provider.js';

/**
 * Replicate's predictions API: create a prediction (or resume the one an earlier try of the task
 * created), wait for it (a signed webhook when we have a public URL, polling always as the
 * fallback), cancel it when the task is canceled, and fetch the output — only from Replicate's own
 * hosts. Inputs above 1 MB go through Replicate's files API and are deleted there afterwards.
 */

export interface ReplicateProviderOptions {
  apiToken: string;
  /** The API root, e.g. https://api.replicate.com/v1 (a local fake in tests). */
  baseUrl?: string;
  /** Longest a single HTTP call may take. */
  timeoutMs: number;
  /** Between two status polls; webhooks, when configured, usually answer first. Default 2000. */
  pollIntervalMs?: number;
  /** Public URL of POST /webhooks/replicate; without it the provider only polls. */
  webhookUrl?: string;
  /** Longest a prediction may take from creation to a final status before we give up on it. Default 15 minutes. */
  maxWaitMs?: number;
  /** Largest output we download. Default 256 MB. */
  maxOutputBytes?: number;
  logger?: Logger;
}

/** The fields of Replicate's prediction object we read (the API returns more). */
export interface ReplicatePrediction {
  id: string;
  status: string;
  output?: unknown;
  error?: unknown;
}

/** A finished prediction arriving through a verified webhook; implemented by ReplicateProvider. */
export interface ReplicateWebhookReceiver {
  /** True when a task was waiting for this prediction (false for unknown ones or another process's). */
  acceptWebhook(payload: unknown): boolean;
}

const FINAL_STATUSES = new Set(['succeeded', 'failed', 'canceled', 'aborted']);
/** Polling survives a few hiccups; a prediction must not be given up (and paid twice) over one 502. */
const MAX_FAILED_POLLS_IN_A_ROW = 3;
const MAX_OUTPUT_REDIRECTS = 3;
/** Replicate takes data: URIs only for files under about 1 MB; larger inputs go through its files API (up to 100 MB). */
export const MAX_INLINE_INPUT_BYTES = 1024 * 1024;
/** Failure texts that say the input cannot work, so a retry would only cost money again. */
const INPUT_PROBLEM = /invalid|validation|unsupported|cannot identify|not a valid|too (large|big|small)|exceeds|no face|dimension|out of memory/i;

type InputMapping = (image: string, params: EnhancementParams) => Record<string, unknown>;

/** Our camelCase parameters → each model's own input names, keyed by the model's owner/name. */
const MODEL_INPUTS: Record<string, InputMapping> = {
  'nightmareai/real-esrgan': (image, params) => withoutUndefined({ image, scale: params.scale, face_enhance: params.faceEnhance }),
  'tencentarc/gfpgan': (img, params) => withoutUndefined({ img, scale: params.scale, version: 'v1.4' }),
  'sczhou/codeformer': (image, params) =>
    withoutUndefined({
      image,
      codeformer_fidelity: params.fidelity,
      upscale: params.scale,
      face_upsample: params.faceUpsample,
      background_enhance: params.backgroundEnhance,
    }),
};

/** `owner/name` or `owner/name:version`. */
export function parseReplicateModelRef(modelRef: string): { model: string; version?: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?::([A-Za-z0-9_.-]+))?$/.exec(modelRef);
  return match ? { model: match[1]!, version: match[2] } : undefined;
}

/** For the model registry to check its Replicate entries when it loads. */
export function isSupportedReplicateModel(modelRef: string): boolean {
  const parsed = parseReplicateModelRef(modelRef);
  return parsed !== undefined && parsed.model.toLowerCase() in MODEL_INPUTS;
}

export class ReplicateProvider implements EnhancementProvider, ReplicateWebhookReceiver {
  readonly name = 'replicate';
  /** A #private field: util.inspect and JSON.stringify of the provider never show it. */
  readonly #apiToken: string;
  private readonly http: ProviderHttp;
  private readonly webhookUrl: string | undefined;
  private readonly logger: Logger | undefined;
  private readonly baseUrl: string;
  private readonly baseOrigin: string;
  private readonly pollIntervalMs: number;
  private readonly maxWaitMs: number;
  private readonly maxOutputBytes: number;
  /** Predictions a task in this process is waiting for, by id. */
  private readonly waiting = new Map<string, (prediction: ReplicatePrediction) => void>();
  private readonly closing = new AbortController();

  constructor(options: ReplicateProviderOptions) {
    this.#apiToken = options.apiToken;
    this.webhookUrl = options.webhookUrl;
    this.logger = options.logger;
    this.http = new ProviderHttp({ label: 'Replicate', timeoutMs: options.timeoutMs });
    this.baseUrl = (options.baseUrl ?? DEFAULT_REPLICATE_BASE_URL).replace(/\/+$/, '');
    this.baseOrigin = new URL(this.baseUrl).origin;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
    this.maxOutputBytes = options.maxOutputBytes ?? 256 * 1024 * 1024;
  }

  async enhance(request: ProviderRequest): Promise<ProviderResult> {
    const signal = AbortSignal.any([request.signal, this.closing.signal]);
    if (signal.aborted) throw canceledError();
    // Before anything is sent: a model we cannot map is refused without calling Replicate.
    const model = modelInputs(request.modelRef);
    let resumed = request.remoteTaskId ? await this.findResumable(request.remoteTaskId, signal) : undefined;
    if (resumed && FINAL_STATUSES.has(resumed.status)) {
      const output = await this.downloadUnlessExpired(outputUrlOf(resumed), signal);
      if (output) return output;
      // Replicate keeps outputs for about an hour: a task whose earlier try finished longer ago runs again.
      this.logger?.info({ taskId: request.taskId, predictionId: resumed.id }, 'replicate output expired; running the prediction again');
      resumed = undefined;
    }
    const input = resumed ? undefined : await this.inputFor(request, signal);
    // A handed-over task may resume its prediction in another try, which still needs the input file.
    let keepInputFile = false;
    try {
      const prediction = resumed ?? (await this.create(model, request.params, input!.image));
      this.logger?.debug({ taskId: request.taskId, predictionId: prediction.id }, resumed ? 'replicate prediction resumed' : 'replicate prediction created');
      let finished = FINAL_STATUSES.has(prediction.status) ? prediction : undefined;
      let recorded = resumed !== undefined;
      try {
        // Durable before we wait: a try that dies from here on is resumed by the next, not paid for twice.
        if (!resumed) await request.onRemoteTaskStarted?.(prediction.id);
        recorded = true;
        finished ??= await this.waitUntilFinished(prediction.id, signal);
        return await this.download(outputUrlOf(finished), signal);
      } catch (error) {
        // A prediction we stop waiting for would keep running (and billing) at Replicate, unless the
        // task goes on in another try that resumes this very prediction.
        const handedOver = recorded && request.signal.aborted && isTaskHandover(request.signal.reason);
        keepInputFile = handedOver && !finished;
        if (!finished && !handedOver) await this.cancelRemoteTask(prediction.id, request.taskId);
        if (signal.aborted) throw canceledError(error);
        throw error;
      }
    } finally {
      if (input?.fileId && !keepInputFile) await this.deleteFile(input.fileId, request.taskId);
    }
  }

  /** Best effort: a prediction that cannot be canceled (already finished, say) is only logged. */
  async cancelRemoteTask(predictionId: string, taskId: string): Promise<void> {
    try {
      const response = await this.http.request(`${this.predictionUrl(predictionId)}/cancel`, { method: 'POST', headers: this.authorization() });
      await response.discard();
    } catch (error) {
      const reason = isProviderError(error) ? error.message : 'unexpected error';
      this.logger?.warn({ taskId, predictionId, reason }, 'could not cancel a replicate prediction');
    }
  }

  acceptWebhook(payload: unknown): boolean {
    const prediction = asPrediction(payload);
    if (!prediction || !FINAL_STATUSES.has(prediction.status)) return false;
    const resolve = this.waiting.get(prediction.id);
    resolve?.(prediction);
    return resolve !== undefined;
  }

  async close(): Promise<void> {
    this.closing.abort();
  }

  /**
   * The prediction an earlier try created, when it can still deliver: running, or succeeded with an
   * output. Undefined when a new one is needed: it failed or was canceled, or Replicate does not know
   * it (404). Any other error is the try's failure, so an unclear answer never starts a second paid
   * prediction beside a running one.
   */
  private async findResumable(predictionId: string, signal: AbortSignal): Promise<ReplicatePrediction | undefined> {
    const response = await this.http.send(this.predictionUrl(predictionId), { headers: this.authorization() }, signal);
    if (response.status === 404) {
      await response.discard();
      return undefined;
    }
    if (!response.ok) throw await response.failure();
    const prediction = await this.readPrediction(response);
    if (!FINAL_STATUSES.has(prediction.status)) return prediction;
    return prediction.status === 'succeeded' && outputOf(prediction) !== undefined ? prediction : undefined;
  }

  /**
   * The image as the prediction's input: inline as a data: URI when small, otherwise uploaded to
   * Replicate's files API (the URL it answers is only readable with our token, and by Replicate).
   */
  private async inputFor(request: ProviderRequest, signal: AbortSignal): Promise<{ image: string; fileId?: string }> {
    const { bytes, contentType } = request.image;
    if (bytes.length <= MAX_INLINE_INPUT_BYTES) return { image: `data:${contentType};base64,${bytes.toString('base64')}` };
    const form = new FormData();
    form.set('content', new Blob([bytes], { type: contentType }), `input.${contentType.split('/')[1] ?? 'bin'}`);
    const response = await this.http.request(`${this.baseUrl}/files`, { method: 'POST', headers: this.authorization(), body: form }, signal);
    const file = asUploadedFile(await response.json());
    if (!file) throw new ProviderError('transient', 'Replicate sent an answer we could not read');
    return { image: file.url, fileId: file.id };
  }

  /** Best effort, like cancel: an input left behind is logged, not the task's failure. */
  private async deleteFile(fileId: string, taskId: string): Promise<void> {
    try {
      const response = await this.http.request(`${this.baseUrl}/files/${encodeURIComponent(fileId)}`, { method: 'DELETE', headers: this.authorization() });
      await response.discard();
    } catch (error) {
      const reason = isProviderError(error) ? error.message : 'unexpected error';
      this.logger?.warn({ taskId, fileId, reason }, 'could not delete an input file at replicate');
    }
  }

  /** Sent without the task's signal: once Replicate has the prediction we need its id to cancel it. */
  private async create({ ref, mapInput }: ModelInputs, params: EnhancementParams, image: string): Promise<ReplicatePrediction> {
    const body = {
      ...(ref.version ? { version: ref.version } : {}),
      input: mapInput(image, params),
      ...(this.webhookUrl ? { webhook: this.webhookUrl, webhook_events_filter: ['completed'] } : {}),
    };
    // Official models run by name; any other model needs its version id.
    const url = ref.version ? `${this.baseUrl}/predictions` : `${this.baseUrl}/models/${ref.model}/predictions`;
    const response = await this.http.request(url, { method: 'POST', headers: { ...this.authorization(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return this.readPrediction(response);
  }

  private async waitUntilFinished(id: string, signal: AbortSignal): Promise<ReplicatePrediction> {
    const deadline = Date.now() + this.maxWaitMs;
    const delivered = new Promise<ReplicatePrediction>((resolve) => this.waiting.set(id, resolve));
    let failedPolls = 0;
    try {
      for (;;) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new ProviderError('transient', `Replicate did not finish within ${Math.round(this.maxWaitMs / 60_000)} min`);
        const fromWebhook = await raceWithSleep(delivered, Math.min(this.pollIntervalMs, remaining), signal);
        if (fromWebhook) return fromWebhook;
        try {
          const response = await this.http.request(this.predictionUrl(id), { headers: this.authorization() }, signal);
          const current = await this.readPrediction(response);
          failedPolls = 0;
          if (FINAL_STATUSES.has(current.status)) return current;
        } catch (error) {
          if (signal.aborted || !isProviderError(error) || error.kind !== 'transient' || ++failedPolls >= MAX_FAILED_POLLS_IN_A_ROW) throw error;
        }
      }
    } finally {
      this.waiting.delete(id);
    }
  }

  /** The output, or undefined when Replicate has deleted it (404 or 410). */
  private async downloadUnlessExpired(outputUrl: string, signal: AbortSignal): Promise<ProviderResult | undefined> {
    try {
      return await this.download(outputUrl, signal);
    } catch (error) {
      if (isProviderError(error) && (error.details.status === 404 || error.details.status === 410)) return undefined;
      throw error;
    }
  }

  private async download(outputUrl: string, signal: AbortSignal): Promise<ProviderResult> {
    let url = this.allowedOutputUrl(outputUrl);
    for (let hop = 0; hop <= MAX_OUTPUT_REDIRECTS; hop++) {
      // Only our own API origin gets the token; file hosts get nothing they could misuse.
      const headers = url.origin === this.baseOrigin ? this.authorization() : {};
      const response = await this.http.send(url, { headers, redirect: 'manual' }, signal);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.discard();
        url = this.allowedOutputUrl(new URL(location, url).href);
        continue;
      }
      if (!response.ok) {
        await response.discard();
        throw new ProviderError('transient', `Could not download the result from Replicate (HTTP ${response.status})`, { status: response.status });
      }
      const bytes = await response.bytes(this.maxOutputBytes);
      const contentType = sniffImageType(bytes);
      if (!contentType) throw new ProviderError('transient', 'Replicate returned a result that is not an image');
      return { bytes, contentType };
    }
    throw new ProviderError('transient', 'Replicate redirected the result too often');
  }

  /** SSRF guard: output comes from replicate.delivery (and its subdomains) or the configured API origin, nowhere else. */
  private allowedOutputUrl(raw: string): URL {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    const onDelivery = url?.protocol === 'https:' && (url.hostname === 'replicate.delivery' || url.hostname.endsWith('.replicate.delivery'));
    if (!url || url.username || url.password || !(onDelivery || url.origin === this.baseOrigin)) {
      this.logger?.warn({ host: url?.host }, 'refused a replicate output url outside the allowed hosts');
      throw new ProviderError('transient', 'Replicate returned a result from a host we do not download from');
    }
    return url;
  }

  private async readPrediction(response: ProviderResponse): Promise<ReplicatePrediction> {
    const prediction = asPrediction(await response.json());
    if (!prediction) throw new ProviderError('transient', 'Replicate sent an answer we could not read');
    return prediction;
  }

  private predictionUrl(id: string): string {
    return `${this.baseUrl}/predictions/${encodeURIComponent(id)}`;
  }

  private authorization(): Record<string, string> {
    return { authorization: `Bearer ${this.#apiToken}` };
  }
}

/** The model's reference and input mapping; a model we cannot map is refused before anything is sent. */
interface ModelInputs {
  ref: { model: string; version?: string };
  mapInput: InputMapping;
}

function modelInputs(modelRef: string): ModelInputs {
  const ref = parseReplicateModelRef(modelRef);
  const mapInput = ref && MODEL_INPUTS[ref.model.toLowerCase()];
  if (!ref || !mapInput) throw new ProviderError('invalid-input', 'This model is not available from Replicate');
  return { ref, mapInput };
}

/** The id and URL of a file Replicate's files API stored. */
function asUploadedFile(value: unknown): { id: string; url: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, urls } = value as { id?: unknown; urls?: { get?: unknown } };
  return typeof id === 'string' && id !== '' && typeof urls?.get === 'string' ? { id, url: urls.get } : undefined;
}

/** The output URL of a finished prediction, or the error its final status stands for. */
function outputUrlOf(prediction: ReplicatePrediction): string {
  if (prediction.status === 'failed') {
    // Replicate's error text is a provider payload: it decides the kind but is never shown.
    return typeof prediction.error === 'string' && INPUT_PROBLEM.test(prediction.error)
      ? fail('invalid-input', 'Replicate could not process this image')
      : fail('transient', 'The Replicate prediction failed');
  }
  if (prediction.status !== 'succeeded') return fail('transient', `The Replicate prediction was ${prediction.status} at Replicate`);
  return outputOf(prediction) ?? fail('transient', 'Replicate returned no result');
}

/** A prediction's output URL: a string, or the first of a list. */
function outputOf(prediction: ReplicatePrediction): string | undefined {
  const output = Array.isArray(prediction.output) ? prediction.output[0] : prediction.output;
  return typeof output === 'string' ? output : undefined;
}

function fail(kind: 'invalid-input' | 'transient', message: string): never {
  throw new ProviderError(kind, message);
}

function asPrediction(value: unknown): ReplicatePrediction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, status } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof status === 'string' ? (value as ReplicatePrediction) : undefined;
}

/** Waits for the webhook's promise or the poll interval, whichever is first; undefined means "poll now". */
async function raceWithSleep<T>(delivered: Promise<T>, ms: number, signal: AbortSignal): Promise<T | undefined> {
  const stopSleeping = new AbortController();
  try {
    return await Promise.race([delivered, delay(ms, undefined, { signal: AbortSignal.any([signal, stopSleeping.signal]) })]);
  } finally {
    stopSleeping.abort();
  }
}

function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
