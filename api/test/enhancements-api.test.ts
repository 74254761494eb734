import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { Enhancement, EnhancementErrorCode, EnhancementStatus } from '../src/modules/enhancements/enhancement.entity.js';
import { ModelRegistry } from '../src/modules/enhancements/model-registry.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { signIn, standardCast } from './support/factories.js';
import { CANCEL, ENHANCE_IMAGE, ENHANCE_IMAGES, ENHANCEMENT, ENHANCEMENT_TEST_ENV, enhancementHelpers } from './support/enhancements.js';
import { makeJpeg, uploads } from './support/uploads.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

/**
 * The GraphQL side of enhancements with no worker running, so every task stays where the API put
 * it: validation, authorization, the all-or-nothing creation of tasks, charges and queue messages,
 * and canceling a queued task.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let helpers: ReturnType<typeof enhancementHelpers>;
let job: Job;
let image: string;
let foreignImage: string;

const taskCount = async () => (await helpers.sql<{ n: number }>('SELECT count(*)::int AS n FROM enhancements'))[0]!.n;
const messageCount = async () => (await helpers.sql<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'enhancements'"))[0]!.n;

beforeAll(async () => {
  server = await startTestServer({
    ...ENHANCEMENT_TEST_ENV,
    ENHANCEMENT_WORKERS_IN_SERVER: 'false',
    // Remote models are offered when their token is set; nothing calls this address without workers.
    REPLICATE_API_TOKEN: 'r8_never-used-token',
    REPLICATE_BASE_URL: 'http://127.0.0.1:9/v1',
    // Small enough that a 4× upscale of a 0.3 MP image is refused as too large a result.
    MAX_IMAGE_PIXELS: '2000000',
  });
  // Enhancement workers stay off here; the uploads these tests make still need their renders.
  await server.services.renderWorker.start();
  cast = await standardCast(server);
  helpers = enhancementHelpers(server);
  job = await cast.make.job(cast.customer);
  image = await helpers.readyImage(cast.staffToken, job.id);
  foreignImage = await helpers.readyImage(cast.staffToken, (await cast.make.job(cast.otherCustomer)).id);
});
/** A new customer on a plan of its own (no face enhancement, no credits), a user's token and one READY image of theirs. */
async function customerOnPlan(limits: { dailyUnits: number; maxUpscale: number }) {
  const customer = await cast.make.customer();
  const [plan] = await helpers.sql<{ id: string }>(
    "INSERT INTO plans (key, name, daily_units, monthly_units, max_upscale, face_enhance, credits_allowed) VALUES (?, 'Test plan', ?, 100, ?, false, false) RETURNING id",
    [`test-${randomBytes(4).toString('hex')}`, limits.dailyUnits, limits.maxUpscale],
  );
  await server.services.plans.setCustomerPlan(server.services.orm.em.fork(), { user: cast.staff }, customer.id, plan!.id, null);
  const token = await signIn(server, (await cast.make.user(UserRole.CUSTOMER, customer)).email);
  const ownImage = await helpers.readyImage(cast.staffToken, (await cast.make.job(customer)).id);
  return { token, ownImage };
}

afterAll(async () => {
  await server?.close();
});

describe('enhancementModels', () => {
  it('lists the configured models with what they are for, their parameters, limits and cost', async () => {
    const response = await server.gql(
      '{ enhancementModels { id name description category provider outputScale maxInputMegapixels costUnits parameters { name kind defaultValue allowedValues min max } } }',
      {},
      cast.customerToken,
    );
    const models = response.data!.enhancementModels as { id: string; provider: string; description: string; parameters: { name: string }[] }[];
    expect(models.map((model) => model.id)).toEqual(['esrgan-2x', 'esrgan-4x', 'restore-basic', 'real-esrgan', 'gfpgan', 'codeformer']);
    expect(models.find((model) => model.id === 'esrgan-2x')).toMatchObject({ provider: 'local', description: expect.stringMatching(/256 px tile.*small images/), outputScale: 2, maxInputMegapixels: 1 });
    expect(models.find((model) => model.id === 'real-esrgan')).toMatchObject({
      outputScale: null,
      parameters: [
        { name: 'scale', kind: 'CHOICE', allowedValues: [2, 4], defaultValue: 2, min: null, max: null },
        { name: 'faceEnhance', kind: 'BOOLEAN', defaultValue: false },
      ],
    });
    // No Hugging Face token, no Swin2SR; and the provider's model reference is never shown.
    expect(JSON.stringify(models)).not.toMatch(/swin2sr|nightmareai/i);
  });

  it('is for signed-in users only', async () => {
    expect(errorCode(await server.gql('{ enhancementModels { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('enhanceImage refuses what the registry does not allow, with the field and the reason', () => {
  const refusal = async (variables: Record<string, unknown>) => {
    const response = await server.gql(ENHANCE_IMAGE, { imageId: image, ...variables }, cast.staffToken);
    expect(response.data).toBeNull();
    return response.errors![0]!.extensions;
  };

  it('unknown models, unknown parameters and values out of range', async () => {
    expect(await refusal({ modelId: 'dall-e' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'modelId', reason: 'UNKNOWN_MODEL' });
    expect(await refusal({ modelId: 'esrgan-2x', params: { scale: 2 } })).toMatchObject({ field: 'params.scale', reason: 'UNKNOWN_PARAMETER' });
    expect(await refusal({ modelId: 'real-esrgan', params: { scale: 3 } })).toMatchObject({ field: 'params.scale', reason: 'INVALID_VALUE', allowedValues: [2, 4] });
    expect(await refusal({ modelId: 'real-esrgan', params: { faceEnhance: 'yes' } })).toMatchObject({ field: 'params.faceEnhance', reason: 'INVALID_VALUE' });
    expect(await refusal({ modelId: 'codeformer', params: { fidelity: 1.5 } })).toMatchObject({ field: 'params.fidelity', reason: 'OUT_OF_RANGE', min: 0, max: 1 });
    expect(await refusal({ modelId: 'restore-basic', params: { strength: -0.1 } })).toMatchObject({ field: 'params.strength', reason: 'OUT_OF_RANGE' });
  });

  it('sources larger than the model takes, and results larger than an image may be', async () => {
    const large = await helpers.readyImage(cast.staffToken, job.id, { width: 600, height: 500 });
    expect(await refusal({ imageId: large, modelId: 'esrgan-4x' })).toMatchObject({ field: 'imageId', reason: 'INPUT_TOO_LARGE', maxInputMegapixels: 0.25, imageId: large });
    expect(await refusal({ imageId: large, modelId: 'real-esrgan', params: { scale: 4 } })).toMatchObject({ field: 'params.scale', reason: 'OUTPUT_TOO_LARGE', maxOutputPixels: 2_000_000 });
  });

  it('images that are not READY (staff see them; customers never do)', async () => {
    const { data } = await uploads(server).request(cast.staffToken, await makeJpeg(40, 30), { jobId: job.id });
    const pending = data!.requestImageUpload.image.id as string;
    expect(await refusal({ imageId: pending, modelId: 'restore-basic' })).toMatchObject({ field: 'imageId', reason: 'IMAGE_NOT_READY', status: 'PENDING' });
  });

  it('and writes nothing for any of them', async () => {
    expect(await taskCount()).toBe(0);
    expect(await messageCount()).toBe(0);
  });
});

describe('who may enhance and see which tasks (rule 2)', () => {
  it('a customer may not enhance another customer’s image, and an unknown id looks the same', async () => {
    const foreign = await server.gql(ENHANCE_IMAGE, { imageId: foreignImage, modelId: 'restore-basic' }, cast.customerToken);
    const unknown = await server.gql(ENHANCE_IMAGE, { imageId: randomUUID(), modelId: 'restore-basic' }, cast.customerToken);
    const garbage = await server.gql(ENHANCE_IMAGE, { imageId: 'not-an-id', modelId: 'restore-basic' }, cast.customerToken);
    for (const response of [foreign, unknown, garbage]) {
      expect(response.errors![0]).toMatchObject({ message: foreign.errors![0]!.message, extensions: { code: 'FORBIDDEN' } });
    }
    const batch = await server.gql(ENHANCE_IMAGES, { imageIds: [image, foreignImage], modelId: 'restore-basic' }, cast.customerToken);
    expect(errorCode(batch)).toBe('FORBIDDEN');
    expect(await taskCount()).toBe(0);
  });

  it('a customer may not enhance images of a job not yet delivered to them', async () => {
    const unreleasedJob = await cast.make.job(cast.customer, { status: JobStatus.IN_PROGRESS });
    const unreleased = await helpers.readyImage(cast.staffToken, unreleasedJob.id);
    expect(errorCode(await server.gql(ENHANCE_IMAGE, { imageId: unreleased, modelId: 'restore-basic' }, cast.customerToken))).toBe('FORBIDDEN');
  });

  it('staff may enhance any READY image and learn which ids do not exist', async () => {
    const missing = randomUUID();
    const response = await server.gql(ENHANCE_IMAGES, { imageIds: [image, missing], modelId: 'restore-basic' }, cast.staffToken);
    expect(response.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining(missing) });
    expect(await taskCount()).toBe(0);
  });

  it('customers see tasks on their images whoever started them, never other customers’ tasks', async () => {
    const staffTask = (await server.gql(ENHANCE_IMAGE, { imageId: image, modelId: 'restore-basic' }, cast.staffToken)).data!.enhanceImage.id as string;
    const foreignTask = (await server.gql(ENHANCE_IMAGE, { imageId: foreignImage, modelId: 'restore-basic' }, cast.staffToken)).data!.enhanceImage.id as string;

    expect((await server.gql(ENHANCEMENT, { id: staffTask }, cast.customerToken)).data!.enhancement).toMatchObject({ id: staffTask, status: 'QUEUED', image: { id: image } });
    const hidden = await server.gql(ENHANCEMENT, { id: foreignTask }, cast.customerToken);
    const unknown = await server.gql(ENHANCEMENT, { id: randomUUID() }, cast.customerToken);
    expect(hidden.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: unknown.errors![0]!.message });
    expect(errorCode(await server.gql(ENHANCEMENT, { id: randomUUID() }, cast.staffToken))).toBe('NOT_FOUND');

    const list = await server.gql('{ enhancements(first: 50) { totalCount nodes { id } } }', {}, cast.customerToken);
    expect(list.data!.enhancements.nodes.map((task: { id: string }) => task.id)).toEqual([staffTask]);
    const filtered = await server.gql('query($f: EnhancementFilter) { enhancements(filter: $f) { nodes { id } } }', { f: { imageId: foreignImage } }, cast.staffToken);
    expect(filtered.data!.enhancements.nodes).toEqual([{ id: foreignTask }]);
    const onImage = await server.gql('query($id: ID!) { image(id: $id) { enhancements { id } } }', { id: image }, cast.customerToken);
    expect(onImage.data!.image.enhancements).toEqual([{ id: staffTask }]);

    // Who started a task is for staff; a customer may not stop the studio's task.
    const withRequester = `query($id: ID!) { enhancement(id: $id) { requestedBy { id } } }`;
    expect((await server.gql(withRequester, { id: staffTask }, cast.staffToken)).data!.enhancement.requestedBy).toEqual({ id: cast.staff.id });
    expect(errorCode(await server.gql(withRequester, { id: staffTask }, cast.customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(CANCEL, { id: staffTask }, cast.customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(CANCEL, { id: foreignTask }, cast.customerToken))).toBe('FORBIDDEN');
    // Staff tasks are bound by rate limits, not plans: nothing is charged.
    expect(await helpers.charge(staffTask)).toBeNull();
  });
});

describe('creating tasks: rows, charge and queue message in one transaction', () => {
  it('a customer’s task is QUEUED, charged to their customer and queued under its own id', async () => {
    const response = await server.gql(ENHANCE_IMAGE, { imageId: image, modelId: 'real-esrgan', params: { scale: 2 } }, cast.customerToken);
    const task = response.data!.enhanceImage;
    expect(task).toMatchObject({ status: 'QUEUED', modelId: 'real-esrgan', provider: 'replicate', params: { scale: 2, faceEnhance: false }, progress: 0, attempts: 0, error: null, result: null });
    expect(await helpers.charge(task.id)).toEqual({ units: 2, refund_reason: null });
    expect(await helpers.queueState(task.id)).toBe('created');
    const [message] = await helpers.sql<{ retry_limit: number; heartbeat_seconds: number; dead_letter: string }>('SELECT retry_limit, heartbeat_seconds, dead_letter FROM pgboss.job WHERE id = ?', [task.id]);
    expect(message).toEqual({ retry_limit: 2, heartbeat_seconds: 10, dead_letter: 'enhancements-given-up' });
  });

  it('a charge the plan refuses leaves neither a task nor a queue message', async () => {
    const { token, ownImage } = await customerOnPlan({ dailyUnits: 1, maxUpscale: 2 });
    const [tasksBefore, messagesBefore] = [await taskCount(), await messageCount()];

    const overCap = await server.gql(ENHANCE_IMAGE, { imageId: ownImage, modelId: 'real-esrgan' }, token);
    expect(overCap.errors![0]!.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', period: 'DAY', resetAt: expect.any(String) });
    const notInPlan = await server.gql(ENHANCE_IMAGE, { imageId: ownImage, modelId: 'gfpgan' }, token);
    expect(notInPlan.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PLAN_FEATURE', feature: 'faceEnhance' });
    expect([await taskCount(), await messageCount()]).toEqual([tasksBefore, messagesBefore]);
  });

  it('20 parallel requests against a daily cap of 5 units make exactly 5 tasks, each charged and queued', async () => {
    const { token, ownImage } = await customerOnPlan({ dailyUnits: 5, maxUpscale: 4 });

    // restore-basic costs 1 unit: five fit, fifteen do not, whatever order the requests arrive in.
    const responses = await Promise.all(Array.from({ length: 20 }, () => server.gql(ENHANCE_IMAGE, { imageId: ownImage, modelId: 'restore-basic' }, token)));
    const created = responses.filter((response) => response.data?.enhanceImage).map((response) => response.data!.enhanceImage.id as string);
    expect(created).toHaveLength(5);
    expect(responses.filter((response) => errorCode(response) === 'QUOTA_EXCEEDED')).toHaveLength(15);
    const rows = await helpers.sql<{ id: string }>('SELECT id FROM enhancements WHERE image_id = ?', [ownImage]);
    expect(rows.map((row) => row.id).sort()).toEqual([...created].sort());
    for (const id of created) {
      expect(await helpers.charge(id)).toEqual({ units: 1, refund_reason: null });
      expect(await helpers.queueState(id)).toBe('created');
    }
  });

  it('a transaction that rolls back after the message was written leaves no message behind', async () => {
    const em = server.services.orm.em.fork();
    const id = randomUUID();
    await expect(
      em.transactional(async (tx) => {
        await server.services.enhancementQueue.enqueue(tx, [{ enhancementId: id }]);
        expect(await tx.execute('SELECT state FROM pgboss.job WHERE id = ?', [id])).toEqual([{ state: 'created' }]);
        throw new Error('the charge failed after enqueueing');
      }),
    ).rejects.toThrow('the charge failed');
    expect(await helpers.queueState(id)).toBeNull();
    await expect(server.services.enhancementQueue.enqueue(em, [{ enhancementId: id }])).rejects.toThrow(/inside the transaction/);
  });

  it('a batch is all or nothing: one image too large for the model refuses every image', async () => {
    const second = await helpers.readyImage(cast.staffToken, job.id);
    const large = await helpers.readyImage(cast.staffToken, job.id, { width: 600, height: 500 });
    const [tasksBefore, messagesBefore] = [await taskCount(), await messageCount()];
    const refused = await server.gql(ENHANCE_IMAGES, { imageIds: [image, large, second], modelId: 'esrgan-4x' }, cast.staffToken);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageIds', reason: 'INPUT_TOO_LARGE', imageId: large });
    expect([await taskCount(), await messageCount()]).toEqual([tasksBefore, messagesBefore]);

    const accepted = await server.gql(ENHANCE_IMAGES, { imageIds: [second, image, second], modelId: 'esrgan-2x' }, cast.customerToken);
    const tasks = accepted.data!.enhanceImages as { id: string; image: { id: string } }[];
    expect(tasks.map((task) => task.image.id)).toEqual([second, image]);
    expect([await taskCount(), await messageCount()]).toEqual([tasksBefore + 2, messagesBefore + 2]);
    for (const task of tasks) expect(await helpers.charge(task.id)).toEqual({ units: 1, refund_reason: null });
  });

  it('a batch names at least one and at most 50 images', async () => {
    expect((await server.gql(ENHANCE_IMAGES, { imageIds: [], modelId: 'esrgan-2x' }, cast.staffToken)).errors![0]!.extensions).toMatchObject({ reason: 'REQUIRED' });
    const many = Array.from({ length: 51 }, () => randomUUID());
    // Customers are refused by the visibility rule first; staff get the size limit.
    expect((await server.gql(ENHANCE_IMAGES, { imageIds: many, modelId: 'esrgan-2x' }, cast.staffToken)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY', max: 50 });
  });
});

describe('cancelEnhancement while QUEUED', () => {
  it('cancels at once, cancels the queue message and gives the units back; twice is harmless', async () => {
    const task = (await server.gql(ENHANCE_IMAGE, { imageId: image, modelId: 'esrgan-2x' }, cast.customerToken)).data!.enhanceImage;
    const canceled = (await server.gql(CANCEL, { id: task.id }, cast.customerToken)).data!.cancelEnhancement;
    expect(canceled).toMatchObject({ id: task.id, status: 'CANCELED', finishedAt: expect.any(String), startedAt: null });
    expect(await helpers.queueState(task.id)).toBe('cancelled');
    expect(await helpers.charge(task.id)).toEqual({ units: 1, refund_reason: 'CANCELED' });
    expect((await server.gql(CANCEL, { id: task.id }, cast.customerToken)).data!.cancelEnhancement.status).toBe('CANCELED');
    // A worker that fetched the message just before the cancel finds nothing to do.
    expect(await server.services.enhancementLifecycle.start(server.services.orm.em.fork(), task.id, 1)).toBeNull();
  });

  it('refuses to cancel a task that already finished', async () => {
    const task = (await server.gql(ENHANCE_IMAGE, { imageId: image, modelId: 'esrgan-2x' }, cast.staffToken)).data!.enhanceImage;
    const lifecycle = server.services.enhancementLifecycle;
    const em = server.services.orm.em.fork();
    expect(await lifecycle.fail(em, task.id, null, EnhancementErrorCode.INTERNAL, 'test failure')).toBe(true);
    // Forward only: a FAILED task neither fails again nor starts again.
    expect(await lifecycle.fail(em, task.id, null, EnhancementErrorCode.INTERNAL, 'again')).toBe(false);
    expect(await lifecycle.start(em, task.id, 1)).toBeNull();
    const response = await server.gql(CANCEL, { id: task.id }, cast.staffToken);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_FINISHED', status: 'FAILED' });
    expect((await em.findOneOrFail(Enhancement, { id: task.id })).status).toBe(EnhancementStatus.FAILED);
  });
});

describe('configuration of the offer', () => {
  it('ENHANCEMENT_MODELS narrows the catalogue, and an id outside it stops the start', () => {
    const registry = new ModelRegistry({ enabledIds: ['esrgan-2x', 'real-esrgan'], availableProviders: new Set(['local']), maxOutputPixels: 1_000_000 });
    // real-esrgan is named but Replicate has no token: only the local model is offered.
    expect(registry.list().map((model) => model.id)).toEqual(['esrgan-2x']);
    expect(() => loadConfig({ ENHANCEMENT_MODELS: 'esrgan-2x, midjourney' })).toThrow(/ENHANCEMENT_MODELS has "midjourney", which is not a model of the catalogue/);
    expect(() => loadConfig({ ENHANCEMENT_HEARTBEAT_SECONDS: '5' })).toThrow(/ENHANCEMENT_HEARTBEAT_SECONDS must be at least 10/);
  });
});

describe('the enhance rate limit', () => {
  let limited: TestServer;
  afterAll(async () => {
    await limited?.close();
  });

  it('counts enhanceImage and enhanceImages calls per user, a batch once, staff included', async () => {
    limited = await startTestServer({ ...ENHANCEMENT_TEST_ENV, ENHANCEMENT_WORKERS_IN_SERVER: 'false', RATE_LIMIT_ENHANCE_USER: '2/1m' });
    await limited.services.renderWorker.start();
    const limitedCast = await standardCast(limited);
    const limitedHelpers = enhancementHelpers(limited);
    const ids = [
      await limitedHelpers.readyImage(limitedCast.staffToken, (await limitedCast.make.job(limitedCast.customer)).id),
      await limitedHelpers.readyImage(limitedCast.staffToken, (await limitedCast.make.job(limitedCast.customer)).id),
    ];
    expect((await limited.gql(ENHANCE_IMAGES, { imageIds: ids, modelId: 'restore-basic' }, limitedCast.staffToken)).data!.enhanceImages).toHaveLength(2);
    expect((await limited.gql(ENHANCE_IMAGE, { imageId: ids[0], modelId: 'restore-basic' }, limitedCast.staffToken)).data!.enhanceImage.status).toBe('QUEUED');
    const refused = await limited.gql(ENHANCE_IMAGE, { imageId: ids[0], modelId: 'restore-basic' }, limitedCast.staffToken);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'enhanceUser', retryAfterSeconds: expect.any(Number) });
  });
});
