import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { uploads } from './support/uploads.js';
import { workerProcesses } from './support/worker-process.js';

/**
 * Issue 12: a worker process (`npm run worker`) killed with SIGKILL in the middle of a render. Its
 * render process goes with it; pg-boss notices the missing heartbeat and hands the render to another
 * worker, which makes it READY with one set of renditions and nothing left over. Heartbeats are at
 * pg-boss's minimum (10 s), so this takes seconds rather than the production half minute.
 */
const RENDER_TEST_ENV = { RENDER_HEARTBEAT_SECONDS: '10', ENHANCEMENT_MONITOR_INTERVAL_SECONDS: '1', RENDER_RETRY_DELAY_SECONDS: '1' };
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const workers = workerProcesses(() => server);

beforeAll(async () => {
  server = await startTestServer({ ...RENDER_TEST_ENV, ENHANCEMENT_WORKERS_IN_SERVER: 'false' });
  cast = await standardCast(server);
});
afterAll(async () => {
  await workers.stopAll();
  await server?.close();
});

/** The pids of the live processes whose parent is `parentPid` (from /proc). */
async function childPids(parentPid: number): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may contain spaces): state, ppid, …
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(ppid) === parentPid && state !== 'Z') pids.push(Number(entry));
  }
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a worker process killed mid-render', () => {
  it('leaves the render to another worker: READY once, one set of renditions, no render process left behind', async () => {
    const worker = await workers.start({ ...RENDER_TEST_ENV, LOG_LEVEL: 'debug' });
    const job = await cast.make.job(cast.customer);
    // 24 MP of noise: decoding takes long enough to be killed in the middle of it.
    const bytes = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 90 })
      .toBuffer();
    const ticket = (await uploads(server).request(cast.staffToken, bytes, { jobId: job.id })).data!.requestImageUpload;
    await uploads(server).put(ticket.url, bytes);
    const completed = await uploads(server).complete(cast.staffToken, ticket.image.id);
    expect(completed.data!.completeImageUpload.status).toBe('PROCESSING');

    await worker.waitFor('render.started');
    // Started for the first render, just after that line.
    await expect.poll(() => childPids(worker.child.pid!), { timeout: 5_000 }).toHaveLength(1);
    const renderProcesses = await childPids(worker.child.pid!);
    worker.child.kill('SIGKILL');
    await new Promise((resolve) => worker.child.once('exit', resolve));
    const killedAt = Date.now();
    // The render process notices its parent is gone and ends instead of rendering for nobody.
    await expect.poll(() => alive(renderProcesses[0]!), { timeout: 10_000 }).toBe(false);
    expect((await uploads(server).settled(cast.staffToken, ticket.image.id, 1_000).catch((error: Error) => error.message))).toMatch(/still PROCESSING/);

    await server.services.renderWorker.start();
    const settled = (await uploads(server).settled(cast.staffToken, ticket.image.id, 60_000)).data!.imagesByIds[0];
    expect(settled).toMatchObject({ status: 'READY', failureReason: null });
    expect(Date.now() - killedAt).toBeLessThan(45_000);

    const prefix = `customers/${cast.customer.id}/jobs/${job.id}/`;
    expect(await server.services.storage.list(prefix)).toEqual(
      [`${prefix}originals/${ticket.image.id}`, ...['preview', 'preview_watermarked', 'thumbnail', 'thumbnail_watermarked'].map((kind) => `${prefix}renditions/${ticket.image.id}/${kind}.jpg`)].sort(),
    );
    expect(await server.services.storage.list(`uploads/customers/${cast.customer.id}/jobs/${job.id}/`)).toEqual([]);
  }, 90_000);
});
