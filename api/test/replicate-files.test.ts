import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProviderError, TaskHandover, type ProviderRequest } from '../src/modules/enhancements/providers/provider.js';
import { MAX_INLINE_INPUT_BYTES, ReplicateProvider } from '../src/modules/enhancements/providers/replicate-provider.js';
import { startFakeReplicate, type FakeReplicate } from './support/fake-replicate.js';

/**
 * Files at Replicate: inputs above ~1 MB go through its files API instead of a data: URI and are
 * deleted there afterwards; outputs expire there after about an hour.
 */

const TOKEN = 'r8_fake-token-files-7c21';
const REAL_ESRGAN = 'nightmareai/real-esrgan:f121d640bd286e1fdc67f9799164c1d5be36ff74576ee11c803ae5b665dd46aa';

let replicate: FakeReplicate;
let large: Buffer;
let small: Buffer;

beforeAll(async () => {
  replicate = await startFakeReplicate({ token: TOKEN });
  // Noise does not compress: a PNG of 700×600 RGB is well over 1 MB.
  large = await sharp({ create: { width: 700, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
  small = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#c85028' } }).png().toBuffer();
});
afterAll(() => replicate?.close());

const provider = () => new ReplicateProvider({ apiToken: TOKEN, baseUrl: replicate.url, timeoutMs: 10_000, pollIntervalMs: 20 });

function requestFor(bytes: Buffer, options: Partial<ProviderRequest> = {}): ProviderRequest {
  return { taskId: 'task-files', modelRef: REAL_ESRGAN, params: { scale: 2 }, signal: new AbortController().signal, image: { bytes, contentType: 'image/png', width: 0, height: 0 }, ...options };
}

const requestsTo = (method: string, pattern: RegExp) => replicate.requests.filter((request) => request.method === method && pattern.test(request.path));
const lastCreateInput = () => (JSON.parse(requestsTo('POST', /\/predictions$/).at(-1)!.body.toString()) as { input: { image: string } }).input;

describe('Replicate inputs', () => {
  it('sends an input up to 1 MB inline as a data: URI, without the files API', async () => {
    expect(small.length).toBeLessThanOrEqual(MAX_INLINE_INPUT_BYTES);
    const uploadsBefore = requestsTo('POST', /^\/v1\/files$/).length;
    replicate.behave({ kind: 'succeed' });
    await provider().enhance(requestFor(small));
    expect(lastCreateInput().image).toBe(`data:image/png;base64,${small.toString('base64')}`);
    expect(requestsTo('POST', /^\/v1\/files$/).length).toBe(uploadsBefore);
  });

  it('uploads a larger input to the files API, runs the prediction on that file, and deletes it afterwards', async () => {
    expect(large.length).toBeGreaterThan(MAX_INLINE_INPUT_BYTES);
    replicate.behave({ kind: 'succeed', pollsBeforeDone: 1 });
    const result = await provider().enhance(requestFor(large));

    // The model really worked on the uploaded bytes: the fake resizes whatever input it was given.
    expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 1400, height: 1200 });
    const upload = requestsTo('POST', /^\/v1\/files$/).at(-1)!;
    expect(upload.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const sent = (await new Response(upload.body, { headers: { 'content-type': String(upload.headers['content-type']) } }).formData()).get('content') as File;
    expect(Buffer.from(await sent.arrayBuffer()).equals(large)).toBe(true);
    expect(sent.type).toBe('image/png');

    const fileUrl = lastCreateInput().image;
    expect(fileUrl).toMatch(new RegExp(`^${replicate.url}/files/[0-9a-f]+$`));
    expect(requestsTo('DELETE', /^\/v1\/files\//).map((request) => `${replicate.url}${request.path.slice('/v1'.length)}`)).toContain(fileUrl);
    expect(replicate.files.size).toBe(0);
  });

  it('deletes the uploaded input when the prediction fails, and when Replicate refuses to create it', async () => {
    replicate.behave({ kind: 'fail', error: 'CUDA error: something broke' });
    await expect(provider().enhance(requestFor(large))).rejects.toSatisfy(isProviderError);
    expect(replicate.files.size).toBe(0);

    const predictionsBefore = replicate.predictions.size;
    replicate.behave({ kind: 'http-error', status: 422 });
    await expect(provider().enhance(requestFor(large))).rejects.toSatisfy(isProviderError);
    expect(replicate.predictions.size).toBe(predictionsBefore);
    expect(replicate.files.size).toBe(0);
  });

  it('keeps the input while a handed-over task’s prediction still runs, for the try that resumes it', async () => {
    replicate.behave({ kind: 'hold' });
    const handover = new AbortController();
    let predictionId: string | undefined;
    const running = provider().enhance(requestFor(large, { signal: handover.signal, onRemoteTaskStarted: async (id) => void (predictionId = id) }));
    await expect.poll(() => predictionId, { timeout: 10_000 }).toBeDefined();
    handover.abort(new TaskHandover('shutdown'));
    await expect(running).rejects.toSatisfy(isProviderError);
    // Still running (not canceled): `starting` or `processing`, depending on how far the fake got under load.
    expect(['starting', 'processing']).toContain(replicate.predictions.get(predictionId!)!.status);
    expect(replicate.files.size).toBe(1);

    // The next try resumes the same prediction, which can still read its input.
    replicate.release(predictionId!);
    const resumed = await provider().enhance(requestFor(large, { remoteTaskId: predictionId }));
    expect(await sharp(resumed.bytes).metadata()).toMatchObject({ width: 1400, height: 1200 });
  });
});

describe('Replicate outputs', () => {
  it('a retried task whose finished prediction’s output has expired runs a new prediction instead of failing', async () => {
    replicate.behave({ kind: 'succeed' });
    let firstId: string | undefined;
    await provider().enhance(requestFor(small, { onRemoteTaskStarted: async (id) => void (firstId = id) }));
    replicate.expireOutput(firstId!);

    let secondId: string | undefined;
    const before = replicate.predictions.size;
    const result = await provider().enhance(requestFor(small, { remoteTaskId: firstId, onRemoteTaskStarted: async (id) => void (secondId = id) }));
    expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24 });
    expect(replicate.predictions.size).toBe(before + 1);
    expect(secondId).toBeDefined();
    expect(secondId).not.toBe(firstId);
  });

  it('a retried task whose finished prediction’s output is still there takes it without a new prediction', async () => {
    replicate.behave({ kind: 'succeed' });
    let firstId: string | undefined;
    await provider().enhance(requestFor(small, { onRemoteTaskStarted: async (id) => void (firstId = id) }));
    const before = replicate.predictions.size;
    const result = await provider().enhance(requestFor(small, { remoteTaskId: firstId }));
    expect(await sharp(result.bytes).metadata()).toMatchObject({ width: 32, height: 24 });
    expect(replicate.predictions.size).toBe(before);
  });
});
