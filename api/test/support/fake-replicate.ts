import { createHmac, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { PROVIDER_BODY_MARKER, sendJson, startFakeHttpServer, type RecordedRequest } from './fake-http-server.js';

/**
 * A local stand-in for Replicate's predictions API (https://api.replicate.com/v1), speaking its
 * protocol: bearer-token auth, POST /predictions and /models/{owner}/{name}/predictions, GET
 * /predictions/{id}, POST /predictions/{id}/cancel, signed completion webhooks, and the files API
 * for inputs (POST /files as multipart/form-data, DELETE /files/{id}). A succeeded prediction's
 * output is the input image (a data: URI or an uploaded file) really resized by `scale` with sharp,
 * served from the fake's own /files/ URL (or from `outputUrl`, to test the host allow-list).
 */
export type ReplicateBehaviour =
  /** Finishes after this many status polls (0: already at the first poll); the output is a string or a one-item array. */
  | { kind: 'succeed'; pollsBeforeDone?: number; outputAs?: 'string' | 'array'; outputUrl?: string }
  /** Creation answers with this status and an error body. */
  | { kind: 'http-error'; status: number; retryAfter?: string }
  /** The prediction ends `failed` with this error text at the first poll. */
  | { kind: 'fail'; error: string }
  /** Creation answers only after this long. */
  | { kind: 'slow'; delayMs: number }
  /** The prediction stays `processing` until it is canceled or the test calls complete() or release(). */
  | { kind: 'hold' };

export interface FakePrediction {
  id: string;
  status: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  input: Record<string, unknown>;
  webhook?: string;
  polls: number;
  behaviour: ReplicateBehaviour;
  output: unknown;
  error: string | null;
}

export const FAKE_REPLICATE_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

export async function startFakeReplicate(options: { token: string; webhookSecret?: string }) {
  const webhookSecret = options.webhookSecret ?? FAKE_REPLICATE_WEBHOOK_SECRET;
  const predictions = new Map<string, FakePrediction>();
  const outputs = new Map<string, Buffer>();
  /** Input files uploaded through the files API and not deleted yet, by id. */
  const files = new Map<string, { bytes: Buffer; contentType: string; name: string }>();
  let behaviour: ReplicateBehaviour = { kind: 'succeed' };

  const http = await startFakeHttpServer(async (request, res) => {
    const url = new URL(request.path, 'http://fake');
    if (request.method === 'GET' && url.pathname.startsWith('/v1/files/')) {
      const file = outputs.get(url.pathname.slice('/v1/files/'.length));
      if (!file) return sendJson(res, 404, { detail: 'Not found' });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(file.length) }).end(file);
      return;
    }
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return sendJson(res, 401, { title: 'Unauthenticated', detail: `You did not pass a valid authentication token ${PROVIDER_BODY_MARKER}`, status: 401 });
    }
    if (request.method === 'POST' && /^\/v1\/(predictions|models\/[^/]+\/[^/]+\/predictions)$/.test(url.pathname)) {
      return create(request, res);
    }
    if (request.method === 'POST' && url.pathname === '/v1/files') return upload(request, res);
    const file = /^\/v1\/files\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'DELETE' && file) {
      if (!files.delete(file[1]!)) return sendJson(res, 404, { detail: 'Not found' });
      res.writeHead(204).end();
      return;
    }
    const match = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    const prediction = match && predictions.get(match[1]!);
    if (!prediction) return sendJson(res, 404, { detail: 'Not found' });
    if (request.method === 'POST' && match[2]) {
      if (prediction.status === 'starting' || prediction.status === 'processing') prediction.status = 'canceled';
      return sendJson(res, 200, view(prediction));
    }
    if (request.method === 'GET' && !match[2]) {
      await advance(prediction);
      return sendJson(res, 200, view(prediction));
    }
    return sendJson(res, 405, { detail: 'Method not allowed' });
  });

  const base = `${http.origin}/v1`;

  async function create(request: RecordedRequest, res: import('node:http').ServerResponse) {
    const current = behaviour;
    if (current.kind === 'http-error') {
      const headers: Record<string, string> = current.retryAfter ? { 'retry-after': current.retryAfter } : {};
      return sendJson(res, current.status, { title: 'Error', detail: `The request failed ${PROVIDER_BODY_MARKER}`, status: current.status }, headers);
    }
    if (current.kind === 'slow') await http.later(current.delayMs);
    const body = JSON.parse(request.body.toString('utf8')) as { input: Record<string, unknown>; webhook?: string };
    const prediction: FakePrediction = {
      id: randomBytes(10).toString('hex'),
      status: 'starting',
      input: body.input,
      webhook: body.webhook,
      polls: 0,
      behaviour: current,
      output: null,
      error: null,
    };
    predictions.set(prediction.id, prediction);
    sendJson(res, 201, view(prediction));
  }

  /** The files API: multipart/form-data with the file in `content`, answered with the file object. */
  async function upload(request: RecordedRequest, res: import('node:http').ServerResponse) {
    const form = await new Response(request.body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
    const content = form.get('content');
    if (!(content instanceof Blob)) return sendJson(res, 400, { detail: 'content is required' });
    const id = randomBytes(12).toString('hex');
    const bytes = Buffer.from(await content.arrayBuffer());
    files.set(id, { bytes, contentType: content.type, name: content instanceof File ? content.name : 'file' });
    sendJson(res, 201, { id, name: files.get(id)!.name, content_type: content.type, size: bytes.length, urls: { get: `${base}/files/${id}` } });
  }

  /** One status poll moves the prediction along its scripted path. */
  async function advance(prediction: FakePrediction) {
    if (prediction.status !== 'starting' && prediction.status !== 'processing') return;
    const script = prediction.behaviour;
    prediction.polls += 1;
    prediction.status = 'processing';
    if (script.kind === 'fail') {
      prediction.status = 'failed';
      prediction.error = script.error;
    } else if (script.kind === 'succeed' && prediction.polls > (script.pollsBeforeDone ?? 0)) {
      await succeed(prediction);
    }
  }

  async function succeed(prediction: FakePrediction) {
    const script = prediction.behaviour;
    const outputUrl = script.kind === 'succeed' && script.outputUrl ? script.outputUrl : await storeOutput(prediction);
    prediction.status = 'succeeded';
    prediction.output = script.kind === 'succeed' && script.outputAs === 'array' ? [outputUrl] : outputUrl;
  }

  async function storeOutput(prediction: FakePrediction): Promise<string> {
    const input = String(prediction.input.image ?? prediction.input.img);
    const uploaded = input.startsWith(`${base}/files/`) ? files.get(input.slice(`${base}/files/`.length)) : undefined;
    if (input.startsWith('http') && !uploaded) throw new Error(`input file ${input} does not exist (deleted too early?)`);
    const source = uploaded?.bytes ?? Buffer.from(input.slice(input.indexOf(',') + 1), 'base64');
    const scale = Number(prediction.input.scale ?? prediction.input.upscale ?? 2);
    const { width, height } = await sharp(source).metadata();
    const png = await sharp(source).resize(width * scale, height * scale).png().toBuffer();
    outputs.set(`${prediction.id}.png`, png);
    return `${base}/files/${prediction.id}.png`;
  }

  function view(prediction: FakePrediction) {
    return {
      id: prediction.id,
      model: 'fake/model',
      version: 'fake-version',
      status: prediction.status,
      input: { ...prediction.input, image: undefined, img: undefined },
      output: prediction.output,
      error: prediction.error,
      logs: '',
      urls: { get: `${base}/predictions/${prediction.id}`, cancel: `${base}/predictions/${prediction.id}/cancel` },
    };
  }

  return {
    /** Use as REPLICATE_BASE_URL. */
    url: base,
    webhookSecret,
    requests: http.requests,
    predictions,
    files,
    /** How the predictions created from now on behave. */
    behave(next: ReplicateBehaviour) {
      behaviour = next;
    },
    /** Deletes a succeeded prediction's output file, as Replicate does about an hour later. */
    expireOutput(id: string): void {
      if (!outputs.delete(`${id}.png`)) throw new Error(`prediction ${id} has no stored output`);
    },
    /** Lets a held prediction succeed at its next status poll (for tests without a webhook). */
    release(id: string): void {
      const prediction = predictions.get(id);
      if (!prediction) throw new Error(`no prediction ${id}`);
      prediction.behaviour = { kind: 'succeed' };
    },
    /**
     * Finishes a held prediction and delivers its completion webhook, signed with the fake's secret
     * (`forged`: with another one); answers the status our endpoint replied with.
     */
    async complete(id: string, signature: 'valid' | 'forged' = 'valid'): Promise<number> {
      const prediction = predictions.get(id);
      if (!prediction?.webhook) throw new Error(`prediction ${id} has no webhook`);
      await succeed(prediction);
      const body = JSON.stringify(view(prediction));
      const secret = signature === 'valid' ? webhookSecret : `whsec_${randomBytes(24).toString('base64')}`;
      const response = await fetch(prediction.webhook, { method: 'POST', headers: { 'content-type': 'application/json', ...signedWebhookHeaders(secret, body) }, body });
      await response.body?.cancel();
      return response.status;
    },
    close: http.close,
  };
}

export type FakeReplicate = Awaited<ReturnType<typeof startFakeReplicate>>;

/** Headers of a Replicate webhook delivery, signed the way Replicate documents it. */
export function signedWebhookHeaders(secret: string, body: string, options: { id?: string; timestamp?: number } = {}) {
  const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
