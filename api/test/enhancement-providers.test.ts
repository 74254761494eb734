import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { replicateWebhookRoute } from '../src/http/replicate-webhook-route.js';
import { createLogger } from '../src/logger.js';
import { HuggingFaceProvider } from '../src/modules/enhancements/providers/huggingface-provider.js';
import { isProviderError, TaskHandover, type EnhancementParams, type ProviderError, type ProviderFailureKind, type ProviderRequest } from '../src/modules/enhancements/providers/provider.js';
import { ReplicateProvider, type ReplicateProviderOptions } from '../src/modules/enhancements/providers/replicate-provider.js';
import { verifyReplicateWebhook } from '../src/modules/enhancements/providers/replicate-webhook.js';
import { PROVIDER_BODY_MARKER, startFakeHttpServer } from './support/fake-http-server.js';
import { startFakeHuggingFace, type FakeHuggingFace } from './support/fake-huggingface.js';
import { FAKE_REPLICATE_WEBHOOK_SECRET, signedWebhookHeaders, startFakeReplicate, type FakeReplicate, type ReplicateBehaviour } from './support/fake-replicate.js';

const REPLICATE_TOKEN = 'r8_fake-token-5d1c0e9b';
const HF_TOKEN = 'hf_fake-token-a42e77c1';
const REAL_ESRGAN = 'nightmareai/real-esrgan:f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa';
const SWIN2SR_X2 = 'caidas/swin2SR-classical-sr-x2-64';
const SWIN2SR_X4 = 'caidas/swin2SR-classical-sr-x4-64';

let replicate: FakeReplicate;
let huggingface: FakeHuggingFace;
let source: Buffer;

beforeAll(async () => {
  [replicate, huggingface] = await Promise.all([startFakeReplicate({ token: REPLICATE_TOKEN }), startFakeHuggingFace({ token: HF_TOKEN })]);
  source = await sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
});
afterAll(async () => {
  await Promise.all([replicate?.close(), huggingface?.close()]);
});

function requestFor(modelRef: string, params: EnhancementParams = {}, signal = new AbortController().signal): ProviderRequest {
  return { taskId: 'task-1', modelRef, params, signal, image: { bytes: source, contentType: 'image/png', width: 16, height: 12 } };
}

/**
 * Per-call timeout for calls meant to succeed: generous, so a loaded machine does not turn a slow
 * loopback answer into a failure. Tests about the timeout itself pass their own.
 */
const CALL_TIMEOUT_MS = 10_000;
const replicateProvider = (options: Partial<ReplicateProviderOptions> = {}) =>
  new ReplicateProvider({ apiToken: REPLICATE_TOKEN, baseUrl: replicate.url, timeoutMs: CALL_TIMEOUT_MS, pollIntervalMs: 20, ...options });
const huggingfaceProvider = (options: { apiToken?: string; timeoutMs?: number } = {}) =>
  new HuggingFaceProvider({ apiToken: options.apiToken ?? HF_TOKEN, baseUrl: huggingface.url, timeoutMs: options.timeoutMs ?? CALL_TIMEOUT_MS });

/** The failure, checked to be a ProviderError of this kind that shows neither a token nor a provider body. */
async function failure(promise: Promise<unknown>, kind: ProviderFailureKind): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${inspect(error)}`);
  expect(error.kind, error.message).toBe(kind);
  const everything = `${error.message} ${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`;
  for (const secret of [REPLICATE_TOKEN, HF_TOKEN, PROVIDER_BODY_MARKER]) expect(everything).not.toContain(secret);
  return error;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const createBodies = () =>
  replicate.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/predictions')).map((request) => JSON.parse(request.body.toString()) as Record<string, unknown>);

describe('Replicate provider', () => {
  it('creates a prediction, polls it and returns the output image fetched from the provider', async () => {
    replicate.behave({ kind: 'succeed', pollsBeforeDone: 1, outputAs: 'array' });
    const result = await replicateProvider().enhance(requestFor(REAL_ESRGAN, { scale: 2, faceEnhance: true }));

    expect(result.contentType).toBe('image/png');
    expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24, format: 'png' });
    const create = replicate.requests.findLast((request) => request.path === '/v1/predictions')!;
    expect(create.headers.authorization).toBe(`Bearer ${REPLICATE_TOKEN}`);
    const body = JSON.parse(create.body.toString()) as { version: string; input: Record<string, unknown>; webhook?: string };
    expect(body.version).toBe(REAL_ESRGAN.split(':')[1]);
    expect(body.webhook).toBeUndefined();
    expect(body.input).toEqual({ image: `data:image/png;base64,${source.toString('base64')}`, scale: 2, face_enhance: true });
    const polls = replicate.requests.filter((request) => request.method === 'GET' && request.path.startsWith('/v1/predictions/'));
    expect(polls.length).toBeGreaterThanOrEqual(2);
  });

  it('maps our parameters to each model’s input names; a model without a version runs by name', async () => {
    replicate.behave({ kind: 'succeed' });
    const provider = replicateProvider();
    await provider.enhance(requestFor('tencentarc/gfpgan:0fbacf7afc6c144e5be9767cff80f25aff23e52b0708f17e20f9879b2f21516c', { scale: 2 }));
    await provider.enhance(requestFor('sczhou/codeformer', { fidelity: 0.7, scale: 2, faceUpsample: true, backgroundEnhance: false }));

    const [gfpgan, codeformer] = createBodies().slice(-2);
    expect(gfpgan!.input).toEqual({ img: expect.stringMatching(/^data:image\/png;base64,/), scale: 2, version: 'v1.4' });
    expect(codeformer!.version).toBeUndefined();
    expect(codeformer!.input).toEqual({ image: expect.stringMatching(/^data:image\/png;base64,/), codeformer_fidelity: 0.7, upscale: 2, face_upsample: true, background_enhance: false });
    expect(replicate.requests.some((request) => request.method === 'POST' && request.path === '/v1/models/sczhou/codeformer/predictions')).toBe(true);
  });

  it('refuses a model it has no input mapping for, without calling Replicate', async () => {
    const before = replicate.requests.length;
    await failure(replicateProvider().enhance(requestFor('someone/else:abc')), 'invalid-input');
    expect(replicate.requests.length).toBe(before);
  });

  it('maps 401, 403, 422, 429 and 500 as seed 000 says, without the token or the body in the error', async () => {
    const refused = await failure(replicateProvider({ apiToken: 'r8_wrong-token' }).enhance(requestFor(REAL_ESRGAN)), 'forbidden');
    expect(refused.message).toBe('Replicate refused the credentials (HTTP 401)');
    expect(refused.details.status).toBe(401);

    const cases: [number, ProviderFailureKind][] = [[403, 'forbidden'], [422, 'invalid-input'], [404, 'invalid-input'], [500, 'transient'], [502, 'transient']];
    for (const [status, kind] of cases) {
      replicate.behave({ kind: 'http-error', status });
      const error = await failure(replicateProvider().enhance(requestFor(REAL_ESRGAN)), kind);
      expect(error.details.status).toBe(status);
      expect(error.message).toContain(`HTTP ${status}`);
    }
    replicate.behave({ kind: 'http-error', status: 429, retryAfter: '7' });
    const limited = await failure(replicateProvider().enhance(requestFor(REAL_ESRGAN)), 'transient');
    expect(limited.details.retryAfterSeconds).toBe(7);
  });

  it('gives up on a call slower than the timeout as a transient failure', async () => {
    // The fake would answer after 30 s (cut short when it closes); giving up after 200 ms must end
    // the call well before that, with plenty of room for a loaded machine.
    replicate.behave({ kind: 'slow', delayMs: 30_000 });
    const started = Date.now();
    const error = await failure(replicateProvider({ timeoutMs: 200 }).enhance(requestFor(REAL_ESRGAN)), 'transient');
    expect(error.message).toBe('Replicate did not answer within 1 s');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('maps a failed prediction by what went wrong, never quoting Replicate’s error text', async () => {
    replicate.behave({ kind: 'fail', error: `CUDA out of memory: image too large ${PROVIDER_BODY_MARKER}` });
    const tooLarge = await failure(replicateProvider().enhance(requestFor(REAL_ESRGAN)), 'invalid-input');
    expect(tooLarge.message).toBe('Replicate could not process this image');

    replicate.behave({ kind: 'fail', error: `worker crashed ${PROVIDER_BODY_MARKER}` });
    const crashed = await failure(replicateProvider().enhance(requestFor(REAL_ESRGAN)), 'transient');
    expect(crashed.message).toBe('The Replicate prediction failed');
  });

  it('cancels the prediction at Replicate when the task is canceled while processing', async () => {
    replicate.behave({ kind: 'hold' });
    const controller = new AbortController();
    const running = replicateProvider().enhance(requestFor(REAL_ESRGAN, {}, controller.signal));
    await until(() => [...replicate.predictions.values()].some((prediction) => prediction.behaviour.kind === 'hold' && prediction.status === 'processing'));
    const held = [...replicate.predictions.values()].find((prediction) => prediction.behaviour.kind === 'hold' && prediction.status === 'processing')!;

    controller.abort();
    await failure(running, 'canceled');
    const cancel = replicate.requests.find((request) => request.method === 'POST' && request.path === `/v1/predictions/${held.id}/cancel`);
    expect(cancel?.headers.authorization).toBe(`Bearer ${REPLICATE_TOKEN}`);
    expect(held.status).toBe('canceled');
  });

  it('downloads output only from allowed hosts: a foreign host is never contacted', async () => {
    const foreign = await startFakeHttpServer((_request, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(source));
    try {
      for (const outputUrl of [`${foreign.origin}/steal.png`, 'https://replicate.delivery.evil.example/x.png', 'http://replicate.delivery/x.png']) {
        replicate.behave({ kind: 'succeed', outputUrl });
        const error = await failure(replicateProvider().enhance(requestFor(REAL_ESRGAN)), 'transient');
        expect(error.message).toBe('Replicate returned a result from a host we do not download from');
      }
      expect(foreign.requests).toHaveLength(0);
    } finally {
      await foreign.close();
    }
  });

  it('refuses an output larger than the cap', async () => {
    replicate.behave({ kind: 'succeed' });
    const error = await failure(replicateProvider({ maxOutputBytes: 50 }).enhance(requestFor(REAL_ESRGAN, { scale: 4 })), 'invalid-input');
    expect(error.message).toMatch(/larger than/);
  });
});

/** A prediction an earlier try created through the real protocol, moved along by one status read. */
async function earlierPrediction(behaviour: ReplicateBehaviour): Promise<string> {
  replicate.behave(behaviour);
  const headers = { authorization: `Bearer ${REPLICATE_TOKEN}`, 'content-type': 'application/json' };
  const input = { image: `data:image/png;base64,${source.toString('base64')}`, scale: 2 };
  const created = await fetch(`${replicate.url}/predictions`, { method: 'POST', headers, body: JSON.stringify({ version: REAL_ESRGAN.split(':')[1], input }) });
  const { id } = (await created.json()) as { id: string };
  await (await fetch(`${replicate.url}/predictions/${id}`, { headers })).body?.cancel();
  return id;
}

const requestsTo = (method: string, path: string) => replicate.requests.filter((request) => request.method === method && request.path === path);

describe('Replicate provider resuming the prediction of an earlier try', () => {
  it('waits for a prediction still processing instead of creating another, and returns its output', async () => {
    const earlier = await earlierPrediction({ kind: 'hold' });
    expect(replicate.predictions.get(earlier)!.status).toBe('processing');
    const creations = createBodies().length;
    const reported: string[] = [];

    const running = replicateProvider().enhance({ ...requestFor(REAL_ESRGAN, { scale: 2 }), remoteTaskId: earlier, onRemoteTaskStarted: (id) => void reported.push(id) });
    // Polled a few times while Replicate still works on it, then finished there.
    await until(() => replicate.predictions.get(earlier)!.polls >= 3);
    replicate.release(earlier);
    const result = await running;

    expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24, format: 'png' });
    expect(createBodies().length).toBe(creations);
    expect(reported).toEqual([]);
  });

  it('uses the output of a prediction that already succeeded, without creating another', async () => {
    const earlier = await earlierPrediction({ kind: 'succeed' });
    expect(replicate.predictions.get(earlier)!.status).toBe('succeeded');
    const creations = createBodies().length;
    const reads = requestsTo('GET', `/v1/predictions/${earlier}`).length;
    const reported: string[] = [];

    const result = await replicateProvider().enhance({ ...requestFor(REAL_ESRGAN, { scale: 2 }), remoteTaskId: earlier, onRemoteTaskStarted: (id) => void reported.push(id) });

    expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24, format: 'png' });
    expect(requestsTo('GET', `/v1/predictions/${earlier}`).length).toBe(reads + 1);
    expect(requestsTo('GET', `/v1/files/${earlier}.png`).length).toBeGreaterThanOrEqual(1);
    expect(createBodies().length).toBe(creations);
    expect(reported).toEqual([]);
  });

  it('creates a new prediction, reported through the callback before waiting, when the earlier one failed, was canceled or is unknown', async () => {
    const failed = await earlierPrediction({ kind: 'fail', error: 'worker crashed' });
    const canceled = await earlierPrediction({ kind: 'hold' });
    await replicateProvider().cancelRemoteTask(canceled, 'task-1');
    expect([replicate.predictions.get(failed)!.status, replicate.predictions.get(canceled)!.status]).toEqual(['failed', 'canceled']);

    for (const remoteTaskId of [failed, canceled, 'f0f0f0f0f0f0f0f0f0f0']) {
      replicate.behave({ kind: 'succeed', pollsBeforeDone: 1 });
      const creations = createBodies().length;
      const reported: { id: string; status: string; polls: number }[] = [];
      const result = await replicateProvider().enhance({
        ...requestFor(REAL_ESRGAN, { scale: 2 }),
        remoteTaskId,
        // What the fake knew of the prediction when it was reported: nothing polled yet.
        onRemoteTaskStarted: (id) => void reported.push({ id, status: replicate.predictions.get(id)!.status, polls: replicate.predictions.get(id)!.polls }),
      });

      expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24 });
      expect(createBodies().length).toBe(creations + 1);
      expect(reported).toEqual([{ id: expect.any(String), status: 'starting', polls: 0 }]);
      expect(reported[0]!.id).not.toBe(remoteTaskId);
      expect(replicate.predictions.get(reported[0]!.id)!.status).toBe('succeeded');
    }
  });

  it('cancels the resumed prediction when the task is canceled', async () => {
    const earlier = await earlierPrediction({ kind: 'hold' });
    const creations = createBodies().length;
    const controller = new AbortController();

    const running = replicateProvider().enhance({ ...requestFor(REAL_ESRGAN, {}, controller.signal), remoteTaskId: earlier });
    await until(() => replicate.predictions.get(earlier)!.polls >= 3);
    controller.abort();

    await failure(running, 'canceled');
    expect(requestsTo('POST', `/v1/predictions/${earlier}/cancel`)).toHaveLength(1);
    expect(replicate.predictions.get(earlier)!.status).toBe('canceled');
    expect(createBodies().length).toBe(creations);
  });

  it('leaves a recorded prediction running when the try is handed over (shutdown), for the next try to resume', async () => {
    replicate.behave({ kind: 'hold' });
    const controller = new AbortController();
    const recorded: string[] = [];
    const running = replicateProvider().enhance({ ...requestFor(REAL_ESRGAN, {}, controller.signal), onRemoteTaskStarted: (id) => void recorded.push(id) });
    await until(() => recorded.length === 1 && replicate.predictions.get(recorded[0]!)!.polls >= 2);
    controller.abort(new TaskHandover('task shutdown'));

    await failure(running, 'canceled');
    expect(requestsTo('POST', `/v1/predictions/${recorded[0]}/cancel`)).toHaveLength(0);
    expect(replicate.predictions.get(recorded[0]!)!.status).toBe('processing');
    await replicateProvider().cancelRemoteTask(recorded[0]!, 'clean-up');
  });

  it('cancels a new prediction whose id the caller could not record, and fails with the caller’s error', async () => {
    replicate.behave({ kind: 'hold' });
    const unrecorded = new Error('the database is gone');
    let created = '';
    const running = replicateProvider().enhance({
      ...requestFor(REAL_ESRGAN),
      onRemoteTaskStarted: (id) => {
        created = id;
        throw unrecorded;
      },
    });

    await expect(running).rejects.toBe(unrecorded);
    expect(replicate.predictions.get(created)!.status).toBe('canceled');
  });
});

describe('Replicate webhooks', () => {
  it('accept a correct signature and refuse a tampered body, a wrong secret and a stale or future timestamp', () => {
    const body = JSON.stringify({ id: 'p1', status: 'succeeded', output: 'https://replicate.delivery/x.png' });
    // One clock reading for signing and verifying, so ±301 s is exactly one second past the tolerance.
    const now = Math.floor(Date.now() / 1000);
    const verify = (rawBody: string, headers: Record<string, string>, secret = FAKE_REPLICATE_WEBHOOK_SECRET) =>
      verifyReplicateWebhook({
        secret,
        rawBody: Buffer.from(rawBody),
        headers: { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'] },
        nowSeconds: now,
      });

    const signed = signedWebhookHeaders(FAKE_REPLICATE_WEBHOOK_SECRET, body, { timestamp: now });
    expect(verify(body, signed)).toEqual({ valid: true });
    expect(verify(body.replace('succeeded', 'failed'), signed)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verify(body, signed, `whsec_${Buffer.from('another secret key').toString('base64')}`)).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verify(body, { ...signed, 'webhook-id': 'msg_other' })).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    expect(verify(body, signedWebhookHeaders(FAKE_REPLICATE_WEBHOOK_SECRET, body, { timestamp: now - 301 }))).toEqual({ valid: false, reason: 'STALE_TIMESTAMP' });
    expect(verify(body, signedWebhookHeaders(FAKE_REPLICATE_WEBHOOK_SECRET, body, { timestamp: now + 301 }))).toEqual({ valid: false, reason: 'STALE_TIMESTAMP' });
    expect(verify(body, { ...signed, 'webhook-signature': '' })).toEqual({ valid: false, reason: 'MISSING_HEADERS' });
    // While a secret rotates, Replicate sends several signatures; one matching is enough.
    expect(verify(body, { ...signed, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} ${signed['webhook-signature']}` })).toEqual({ valid: true });
  });

  describe('through POST /webhooks/replicate', () => {
    let server: Server;
    let webhookUrl: string;
    let provider: ReplicateProvider;

    beforeAll(async () => {
      // The provider needs the route's URL and the route needs the provider: the URL is fixed first.
      const app = express();
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/replicate`;
      provider = replicateProvider({ webhookUrl, pollIntervalMs: 60_000 });
      app.post('/webhooks/replicate', replicateWebhookRoute({ secret: FAKE_REPLICATE_WEBHOOK_SECRET, receiver: provider, logger: createLogger('silent'), maxBodyBytes: 4096 }));
    });
    afterAll(async () => {
      await provider?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    const heldPrediction = async (count: number) => {
      await until(() => [...replicate.predictions.values()].filter((prediction) => prediction.webhook === webhookUrl).length === count);
      return [...replicate.predictions.values()].filter((prediction) => prediction.webhook === webhookUrl).at(-1)!;
    };

    it('a signed completion webhook finishes the waiting task long before the next poll', async () => {
      replicate.behave({ kind: 'hold' });
      const started = Date.now();
      const running = provider.enhance(requestFor(REAL_ESRGAN, { scale: 2 }));
      const prediction = await heldPrediction(1);
      expect(createBodies().at(-1)).toMatchObject({ webhook: webhookUrl, webhook_events_filter: ['completed'] });

      expect(await replicate.complete(prediction.id, 'valid')).toBe(204);
      const result = await running;
      expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(replicate.requests.some((request) => request.method === 'GET' && request.path === `/v1/predictions/${prediction.id}`)).toBe(false);
    });

    it('a forged webhook is refused with 401 and finishes nothing', async () => {
      replicate.behave({ kind: 'hold' });
      const controller = new AbortController();
      const running = provider.enhance(requestFor(REAL_ESRGAN, { scale: 2 }, controller.signal));
      const prediction = await heldPrediction(2);

      expect(await replicate.complete(prediction.id, 'forged')).toBe(401);
      const settled = await Promise.race([running.then(() => 'finished', () => 'failed'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 200))]);
      expect(settled).toBe('waiting');
      controller.abort();
      await failure(running, 'canceled');
    });

    it('refuses a stale delivery and an oversized body', async () => {
      const body = JSON.stringify({ id: 'nope', status: 'succeeded' });
      const stale = signedWebhookHeaders(FAKE_REPLICATE_WEBHOOK_SECRET, body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      const refused = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...stale }, body });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'STALE_TIMESTAMP' });

      const big = JSON.stringify({ id: 'nope', status: 'succeeded', padding: 'x'.repeat(5000) });
      const tooLarge = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signedWebhookHeaders(FAKE_REPLICATE_WEBHOOK_SECRET, big) }, body: big });
      expect(tooLarge.status).toBe(413);

      const unknown = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...signedWebhookHeaders(FAKE_REPLICATE_WEBHOOK_SECRET, body) }, body });
      expect(unknown.status).toBe(204);
    });
  });
});

describe('Hugging Face provider', () => {
  it('sends the image bytes and returns the upscaled image (Swin2SR 2× and 4×)', async () => {
    huggingface.behave({ kind: 'succeed' });
    const provider = huggingfaceProvider();
    const doubled = await provider.enhance(requestFor(SWIN2SR_X2));
    const quadrupled = await provider.enhance(requestFor(SWIN2SR_X4));

    expect(doubled.contentType).toBe('image/png');
    expect(await sharp(doubled.bytes).metadata()).toMatchObject({ width: 32, height: 24 });
    expect(await sharp(quadrupled.bytes).metadata()).toMatchObject({ width: 64, height: 48 });
    const sent = huggingface.requests.findLast((request) => request.path === `/hf-inference/models/${SWIN2SR_X2}`)!;
    expect(sent.headers.authorization).toBe(`Bearer ${HF_TOKEN}`);
    expect(sent.headers['content-type']).toBe('image/png');
    expect(sent.body.equals(source)).toBe(true);
  });

  it('maps 401, 403, 422 and 500, without the token or the body in the error', async () => {
    const refused = await failure(huggingfaceProvider({ apiToken: 'hf_wrong' }).enhance(requestFor(SWIN2SR_X2)), 'forbidden');
    expect(refused.message).toBe('Hugging Face refused the credentials (HTTP 401)');
    for (const [status, kind] of [[403, 'forbidden'], [422, 'invalid-input'], [400, 'invalid-input'], [500, 'transient']] as const) {
      huggingface.behave({ kind: 'http-error', status });
      const error = await failure(huggingfaceProvider().enhance(requestFor(SWIN2SR_X2)), kind);
      expect(error.details.status).toBe(status);
    }
  });

  it('treats a loading model as transient and retries after its estimated time', async () => {
    huggingface.behave({ kind: 'loading', estimatedTimeSeconds: 20.4 });
    const error = await failure(huggingfaceProvider().enhance(requestFor(SWIN2SR_X2)), 'transient');
    expect(error.details).toMatchObject({ status: 503, retryAfterSeconds: 21 });
  });

  it('gives up on a slow answer, stops at once on cancel, and refuses a non-image answer', async () => {
    huggingface.behave({ kind: 'slow', delayMs: 5000 });
    const timedOut = await failure(huggingfaceProvider({ timeoutMs: 200 }).enhance(requestFor(SWIN2SR_X2)), 'transient');
    expect(timedOut.message).toBe('Hugging Face did not answer within 1 s');

    const controller = new AbortController();
    const running = huggingfaceProvider().enhance(requestFor(SWIN2SR_X2, {}, controller.signal));
    setTimeout(() => controller.abort(), 50);
    await failure(running, 'canceled');

    huggingface.behave({ kind: 'not-an-image' });
    await failure(huggingfaceProvider().enhance(requestFor(SWIN2SR_X2)), 'transient');
  });

  it('refuses a model reference that is not owner/name', async () => {
    const before = huggingface.requests.length;
    await failure(huggingfaceProvider().enhance(requestFor('../../admin')), 'invalid-input');
    expect(huggingface.requests.length).toBe(before);
  });
});

describe('provider configuration', () => {
  it('enables a provider only with its token and never echoes a token or secret in an error', () => {
    const none = loadConfig({});
    expect(none.enhancementProviders).toEqual({ timeoutSeconds: 120, replicate: undefined, huggingface: undefined });

    const both = loadConfig({ REPLICATE_API_TOKEN: REPLICATE_TOKEN, REPLICATE_WEBHOOK_SECRET: FAKE_REPLICATE_WEBHOOK_SECRET, HUGGINGFACE_API_TOKEN: HF_TOKEN, PUBLIC_URL: 'https://api.example.com' });
    expect(both.enhancementProviders.replicate).toEqual({
      apiToken: REPLICATE_TOKEN,
      baseUrl: 'https://api.replicate.com/v1',
      pollIntervalMs: 2000,
      webhook: { secret: FAKE_REPLICATE_WEBHOOK_SECRET, url: 'https://api.example.com/webhooks/replicate' },
    });
    expect(both.enhancementProviders.huggingface).toEqual({ apiToken: HF_TOKEN, baseUrl: 'https://router.huggingface.co/hf-inference/models' });

    let error: unknown;
    try {
      loadConfig({ REPLICATE_WEBHOOK_SECRET: 'not-a-whsec-secret', PROVIDER_TIMEOUT_SECONDS: '-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(/REPLICATE_WEBHOOK_SECRET must look like whsec_/);
    expect((error as ConfigError).message).not.toContain('not-a-whsec-secret');
  });

  it('keeps the token out of an inspected provider', () => {
    expect(inspect(replicateProvider(), { depth: 10 })).not.toContain(REPLICATE_TOKEN);
    expect(inspect(huggingfaceProvider(), { depth: 10 })).not.toContain(HF_TOKEN);
  });
});
