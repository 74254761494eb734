import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnhancementStatus } from '../src/modules/enhancements/enhancement.entity.js';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { standardCast } from './support/factories.js';
import { CANCEL, ENHANCE_IMAGE, ENHANCEMENT_TEST_ENV, enhancementHelpers } from './support/enhancements.js';
import { PROVIDER_BODY_MARKER } from './support/fake-http-server.js';
import { startFakeReplicate, type FakeReplicate } from './support/fake-replicate.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Tasks run by the server's own workers against the real local provider and a local server that
 * speaks Replicate's protocol: every transition, cancel while processing, the error mapping, and
 * results stored as derived images.
 */
const TOKEN = 'r8_lifecycle-token-93c1e0';
/** Long enough for a loaded machine's normal answers, short enough to time out a slow provider in seconds. */
const PROVIDER_TIMEOUT_SECONDS = 3;
let replicate: FakeReplicate;
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let helpers: ReturnType<typeof enhancementHelpers>;
let job: Job;
let image: string;

const RESULT_FIELDS = `id status progress attempts startedAt finishedAt error { code message }
  result { id status selectionState width height contentType derivedFrom { id } downloadable previewUrl thumbnailUrl }`;

beforeAll(async () => {
  replicate = await startFakeReplicate({ token: TOKEN });
  server = await startTestServer({ ...ENHANCEMENT_TEST_ENV, ENHANCEMENT_MAX_ATTEMPTS: '3', REPLICATE_API_TOKEN: TOKEN, REPLICATE_BASE_URL: replicate.url, PROVIDER_TIMEOUT_SECONDS: String(PROVIDER_TIMEOUT_SECONDS) }, 'proxied', { captureLogs: true });
  cast = await standardCast(server);
  helpers = enhancementHelpers(server);
  job = await cast.make.job(cast.customer);
  image = await helpers.readyImage(cast.staffToken, job.id, { width: 64, height: 48 }, true);
  // The free plan's 5 units a day would not last the file.
  const em = server.services.orm.em.fork();
  await server.services.plans.setCustomerPlan(em, { user: cast.staff }, cast.customer.id, (await server.services.plans.byKey(em, 'standard')).id, null);
});
afterAll(async () => {
  await server?.close();
  await replicate?.close();
});

async function enhanceImage(token: string, imageId: string, modelId: string, params: Record<string, unknown> = {}): Promise<string> {
  const response = await server.gql(ENHANCE_IMAGE, { imageId, modelId, params }, token);
  if (!response.data?.enhanceImage) throw new Error(JSON.stringify(response.errors));
  return response.data.enhanceImage.id;
}
const enhance = (token: string, modelId: string, params: Record<string, unknown> = {}) => enhanceImage(token, image, modelId, params);

const eventsOf = (taskId: string) => server.logs.filter((line) => line.taskId === taskId).map((line) => line.event);
const predictionCreations = () => replicate.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/predictions')).length;

describe('a task that succeeds', () => {
  it('goes QUEUED → PROCESSING → SUCCEEDED and stores its result as a derived image of the same job', async () => {
    // Held at the provider until released, the task stays PROCESSING for as long as the test needs
    // to see it: a prediction finishing by itself after a few polls is too quick to observe under load.
    replicate.behave({ kind: 'hold' });
    const before = replicate.predictions.size;
    const id = await enhance(cast.customerToken, 'real-esrgan', { scale: 2 });
    const processing = await helpers.waitForStatus(id, EnhancementStatus.PROCESSING);
    expect(processing.attempts).toBe(1);
    await expect.poll(() => replicate.predictions.size, { timeout: 10_000 }).toBe(before + 1);
    replicate.release([...replicate.predictions.values()].at(-1)!.id);
    await helpers.waitForStatus(id, EnhancementStatus.SUCCEEDED);

    const { data } = await server.gql(`query($id: ID!) { enhancement(id: $id) { ${RESULT_FIELDS} } }`, { id }, cast.customerToken);
    const task = data!.enhancement;
    expect(task).toMatchObject({ status: 'SUCCEEDED', progress: 1, attempts: 1, error: null, startedAt: expect.any(String), finishedAt: expect.any(String) });
    // Real-ESRGAN 2× (the fake really resizes): twice the size, READY, unselected, derived from the source.
    expect(task.result).toMatchObject({ status: 'READY', selectionState: 'NONE', width: 128, height: 96, contentType: 'image/png', derivedFrom: { id: image } });
    // Its source is not released to the customer, so neither is the derived image (the download policy's rule).
    expect(task.result.downloadable).toBe(false);
    expect(task.result.previewUrl).toEqual(expect.any(String));

    const [row] = await helpers.sql<{ job_id: string; original_key: string; upload_key: string; renditions: Record<string, { key: string }> }>('SELECT job_id, original_key, upload_key, renditions FROM images WHERE id = ?', [task.result.id]);
    expect(row!.job_id).toBe(job.id);
    expect(Object.keys(row!.renditions).sort()).toEqual(['preview', 'preview_watermarked', 'thumbnail', 'thumbnail_watermarked']);
    const original = await server.services.storage.read(row!.original_key);
    expect(await sharp(original).metadata()).toMatchObject({ width: 128, height: 96, format: 'png' });
    expect(await server.services.storage.head(row!.upload_key)).toBeNull();

    expect(await helpers.charge(id)).toEqual({ units: 2, refund_reason: null });
    expect(await helpers.queueState(id)).toBe('completed');
    const onSource = await server.gql('query($id: ID!) { image(id: $id) { enhancements { id result { id } } derivedFrom { id } } }', { id: image }, cast.customerToken);
    expect(onSource.data!.image).toEqual({ enhancements: [{ id, result: { id: task.result.id } }], derivedFrom: null });
  });

  it('logs every step with the task id and the id of the request that created it', async () => {
    const [created] = server.logs.filter((line) => line.event === 'task.created');
    const id = created!.taskId as string;
    expect(eventsOf(id)).toEqual(['task.created', 'task.started', 'provider.call.start', 'provider.call.finished', 'result.stored', 'task.finished']);
    for (const line of server.logs.filter((entry) => entry.taskId === id)) expect(line.requestId).toBe(created!.requestId);
    expect(server.logs.find((line) => line.taskId === id && line.event === 'provider.call.finished')).toMatchObject({ durationMs: expect.any(Number) });
  });

  it('runs the local restore-basic model for real and stores a READY image with renditions', async () => {
    const id = await enhance(cast.staffToken, 'restore-basic', { strength: 0.8 });
    const done = await helpers.waitForStatus(id, EnhancementStatus.SUCCEEDED);
    const { data } = await server.gql(`query($id: ID!) { image(id: $id) { status width height derivedFrom { id } } }`, { id: done.result_id }, cast.staffToken);
    expect(data!.image).toEqual({ status: 'READY', width: 64, height: 48, derivedFrom: { id: image } });
    const [row] = await helpers.sql<{ original_key: string; renditions: Record<string, unknown> }>('SELECT original_key, renditions FROM images WHERE id = ?', [done.result_id]);
    expect(Object.keys(row!.renditions)).toHaveLength(4);
    const [sourceRow] = await helpers.sql<{ original_key: string }>('SELECT original_key FROM images WHERE id = ?', [image]);
    const [result, source] = await Promise.all([row!.original_key, sourceRow!.original_key].map((key) => server.services.storage.read(key)));
    const [resultPixels, sourcePixels] = await Promise.all([result!, source!].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()));
    // Restored: the same size, different pixels.
    expect(resultPixels!.length).toBe(sourcePixels!.length);
    expect(resultPixels!.equals(sourcePixels!)).toBe(false);

    // Enhancing the result again: the task names its direct input, the new image its uploaded original
    // (the download policy releases derived images by their original, one level deep).
    const again = await helpers.waitForStatus(await enhanceImage(cast.staffToken, done.result_id!, 'restore-basic', { strength: 0.3 }), EnhancementStatus.SUCCEEDED);
    const chained = await server.gql(`query($id: ID!) { enhancement(id: $id) { image { id } result { derivedFrom { id } } } }`, { id: again.id }, cast.staffToken);
    expect(chained.data!.enhancement).toEqual({ image: { id: done.result_id }, result: { derivedFrom: { id: image } } });
  });
});

describe('cancel while PROCESSING', () => {
  it('stops the provider (cancels the prediction), discards the result and keeps the charge', async () => {
    replicate.behave({ kind: 'hold' });
    const before = replicate.predictions.size;
    const derivedBefore = (await helpers.sql('SELECT id FROM images WHERE derived_from_id = ?', [image])).length;
    const id = await enhance(cast.customerToken, 'real-esrgan');
    await helpers.waitForStatus(id, EnhancementStatus.PROCESSING);
    await expect.poll(() => replicate.predictions.size, { timeout: 10_000 }).toBe(before + 1);

    const asked = await server.gql(CANCEL, { id }, cast.customerToken);
    expect(asked.data!.cancelEnhancement).toMatchObject({ status: 'PROCESSING', cancelRequestedAt: expect.any(String) });
    const canceled = await helpers.waitForStatus(id, EnhancementStatus.CANCELED);
    expect(canceled.result_id).toBeNull();
    const prediction = [...replicate.predictions.values()].at(-1)!;
    expect(prediction.status).toBe('canceled');
    expect((await helpers.sql('SELECT id FROM images WHERE derived_from_id = ?', [image])).length).toBe(derivedBefore);
    // The provider had worked already: no refund (README, "Cancel").
    expect(await helpers.charge(id)).toEqual({ units: 2, refund_reason: null });
    expect(eventsOf(id)).toContain('task.canceled');
  });
});

describe('provider errors map to task errors (seed 000)', () => {
  it('401: FAILED with FORBIDDEN at once, usage given back, no provider body anywhere', async () => {
    replicate.behave({ kind: 'http-error', status: 401 });
    const id = await enhance(cast.customerToken, 'real-esrgan');
    const failed = await helpers.waitForStatus(id, EnhancementStatus.FAILED);
    expect(failed).toMatchObject({ attempts: 1, error_code: 'FORBIDDEN' });
    const { data } = await server.gql(`query($id: ID!) { enhancement(id: $id) { error { code message } } }`, { id }, cast.customerToken);
    expect(data!.enhancement.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('401') });
    expect(await helpers.charge(id)).toEqual({ units: 2, refund_reason: 'PROVIDER_FAILURE' });
  });

  it('422: FAILED with BAD_USER_INPUT, not retried', async () => {
    replicate.behave({ kind: 'http-error', status: 422 });
    const creations = predictionCreations();
    const id = await enhance(cast.staffToken, 'real-esrgan');
    expect(await helpers.waitForStatus(id, EnhancementStatus.FAILED)).toMatchObject({ attempts: 1, error_code: 'BAD_USER_INPUT' });
    expect(predictionCreations()).toBe(creations + 1);
  });

  it('500: retried with backoff, then FAILED with PROVIDER_ERROR after the last try', async () => {
    replicate.behave({ kind: 'http-error', status: 500 });
    const creations = predictionCreations();
    const id = await enhance(cast.customerToken, 'real-esrgan');
    const failed = await helpers.waitForStatus(id, EnhancementStatus.FAILED, 25_000);
    expect(failed).toMatchObject({ attempts: 3, error_code: 'PROVIDER_ERROR', error_message: expect.stringContaining('500') });
    expect(predictionCreations()).toBe(creations + 3);
    expect(eventsOf(id).filter((event) => event === 'task.retrying')).toHaveLength(2);
    expect(await helpers.charge(id)).toEqual({ units: 2, refund_reason: 'PROVIDER_FAILURE' });
  });

  it('a provider that does not answer in time: retried, then FAILED with PROVIDER_ERROR and refunded', async () => {
    replicate.behave({ kind: 'slow', delayMs: (PROVIDER_TIMEOUT_SECONDS + 2) * 1000 });
    const id = await enhance(cast.customerToken, 'real-esrgan');
    const failed = await helpers.waitForStatus(id, EnhancementStatus.FAILED, 40_000);
    expect(failed).toMatchObject({ attempts: 3, error_code: 'PROVIDER_ERROR', error_message: `Replicate did not answer within ${PROVIDER_TIMEOUT_SECONDS} s` });
    expect(eventsOf(id).filter((event) => event === 'task.retrying')).toHaveLength(2);
    expect(await helpers.charge(id)).toEqual({ units: 2, refund_reason: 'PROVIDER_FAILURE' });
  }, 60_000);

  it('never lets the token or a provider response body into logs or task errors', async () => {
    const everything = JSON.stringify(server.logs) + JSON.stringify(await helpers.sql('SELECT error_message FROM enhancements'));
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(PROVIDER_BODY_MARKER);
  });
});
