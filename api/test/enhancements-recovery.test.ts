import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnhancementStatus } from '../src/modules/enhancements/enhancement.entity.js';
import { GIVEN_UP_QUEUE } from '../src/modules/enhancements/enhancement-queue.js';
import { standardCast } from './support/factories.js';
import { CANCEL, ENHANCE_IMAGE, ENHANCEMENT_TEST_ENV, enhancementHelpers } from './support/enhancements.js';
import { startFakeReplicate, type FakeReplicate } from './support/fake-replicate.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { workerProcesses } from './support/worker-process.js';

/**
 * A worker process (`npm run worker`) killed with SIGKILL in the middle of a task: pg-boss notices
 * the missing heartbeat and hands the task to another worker, which resumes the Replicate
 * prediction the dead one started (paid once, not twice) and finishes the task. Heartbeats are set
 * to pg-boss's minimum (10 s) so this takes seconds, not the production two minutes.
 */
const TOKEN = 'r8_recovery-token-1b7d';
let replicate: FakeReplicate;
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let helpers: ReturnType<typeof enhancementHelpers>;
let image: string;
const workers = workerProcesses(() => server);

beforeAll(async () => {
  replicate = await startFakeReplicate({ token: TOKEN });
  server = await startTestServer({
    ...ENHANCEMENT_TEST_ENV,
    ENHANCEMENT_WORKERS_IN_SERVER: 'false',
    ENHANCEMENT_MAX_ATTEMPTS: '3',
    REPLICATE_API_TOKEN: TOKEN,
    REPLICATE_BASE_URL: replicate.url,
  });
  // Enhancement workers stay off here; the uploads these tests make still need their renders.
  await server.services.renderWorker.start();
  cast = await standardCast(server);
  helpers = enhancementHelpers(server);
  image = await helpers.readyImage(cast.staffToken, (await cast.make.job(cast.customer)).id);
});
afterAll(async () => {
  await workers.stopAll();
  await server?.close();
  await replicate?.close();
});

const startWorkerProcess = async () =>
  (await workers.start({ ...ENHANCEMENT_TEST_ENV, ENHANCEMENT_MAX_ATTEMPTS: '3', REPLICATE_API_TOKEN: TOKEN, REPLICATE_BASE_URL: replicate.url })).child;

describe('a worker killed mid-task', () => {
  it('is noticed by its missing heartbeat; the next try resumes its prediction instead of paying for another', async () => {
    const worker = await startWorkerProcess();
    replicate.behave({ kind: 'hold' });
    const enhance = async () => (await server.gql(ENHANCE_IMAGE, { imageId: image, modelId: 'real-esrgan' }, cast.staffToken)).data!.enhanceImage.id as string;
    // Both tries run in the worker process (two at a time by default); one is canceled while no worker runs it.
    const [finishing, canceling] = [await enhance(), await enhance()];
    const recorded = await Promise.all([finishing, canceling].map((id) => helpers.waitFor(id, (row) => row.attempts === 1 && row.provider_task_id !== null)));
    const [prediction, canceledPrediction] = recorded.map((row) => row.provider_task_id!);
    expect(replicate.predictions.size).toBe(2);
    expect(replicate.predictions.get(prediction!)?.status).toMatch(/starting|processing/);

    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    const killedAt = Date.now();
    expect((await server.gql(CANCEL, { id: canceling }, cast.staffToken)).data!.cancelEnhancement).toMatchObject({ status: 'PROCESSING', cancelRequestedAt: expect.any(String) });
    // The API process's workers take over (they would not have been given the task while the other worker held it).
    await server.services.enhancementWorker.start();

    // The second try polls the running prediction; Replicate finishes it only now.
    await helpers.waitFor(finishing, (row) => row.attempts === 2, 30_000);
    const polls = replicate.predictions.get(prediction!)!.polls;
    await expect.poll(() => replicate.predictions.get(prediction!)!.polls, { timeout: 10_000 }).toBeGreaterThan(polls + 1);
    replicate.release(prediction!);

    const done = await helpers.waitForStatus(finishing, EnhancementStatus.SUCCEEDED, 45_000);
    expect(done).toMatchObject({ attempts: 2, result_id: expect.any(String), error_code: null, provider_task_id: prediction });
    // Heartbeat 10 s, monitor every second, retry after 1–2 s: well within the two minutes the issue allows.
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const [result] = await helpers.sql<{ width: number; height: number }>('SELECT width, height FROM images WHERE id = ?', [done.result_id]);
    expect(result).toEqual({ width: 128, height: 96 });

    // The canceled task's retry settles it and stops the prediction its dead try had left running.
    expect(await helpers.waitForStatus(canceling, EnhancementStatus.CANCELED, 30_000)).toMatchObject({ attempts: 2, result_id: null });
    await expect.poll(() => replicate.predictions.get(canceledPrediction!)?.status, { timeout: 10_000 }).toBe('canceled');
    // One prediction per task, each created once: nothing was paid for twice.
    expect(replicate.predictions.size).toBe(2);
  }, 90_000);

  it('is given up, FAILED and refunded, when the queue has used up its tries; the running try is told it lost the task', async () => {
    replicate.behave({ kind: 'hold' });
    const id = (await server.gql(ENHANCE_IMAGE, { imageId: image, modelId: 'real-esrgan' }, cast.customerToken)).data!.enhanceImage.id as string;
    await helpers.waitForStatus(id, EnhancementStatus.PROCESSING);
    await expect.poll(() => [...replicate.predictions.values()].at(-1)?.status, { timeout: 10_000 }).toBe('processing');

    // What pg-boss does after a task's last try timed out on a dead worker: a message in the given-up queue.
    const boss = new PgBoss({ connectionString: server.databaseUrl, schema: 'pgboss', supervise: false, schedule: false, migrate: false, max: 1 });
    await boss.start();
    try {
      await boss.send(GIVEN_UP_QUEUE, { enhancementId: id });
    } finally {
      await boss.stop({ graceful: false });
    }
    const failed = await helpers.waitForStatus(id, EnhancementStatus.FAILED);
    expect(failed).toMatchObject({ error_code: 'INTERNAL', error_message: expect.stringMatching(/given up/) });
    expect(await helpers.charge(id)).toEqual({ units: 2, refund_reason: 'PROVIDER_FAILURE' });
    // The try still running learns at its next beat that the task is no longer its own, and stops the prediction.
    await expect.poll(() => [...replicate.predictions.values()].at(-1)?.status, { timeout: 10_000 }).toBe('canceled');
    expect((await helpers.task(id)).status).toBe(EnhancementStatus.FAILED);
  }, 60_000);
});
