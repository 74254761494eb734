/**
 * The gallery query's p99 while local AI enhancements run, as a ratio of its p99 with nothing
 * enhancing, same run (issue target <= 1.5).
 *
 * One API process as `npm start` runs it: enhancement workers in the server, the `local` provider's
 * ESRGAN in its worker thread. A delivered job of 500 READY rows is queried as its customer through
 * POST /graphql; a second job holds real uploaded JPEGs that staff enhance (`enhanceImages`, esrgan-2x).
 * Each round has an idle phase (nothing queued or running, the ESRGAN thread quiet) and a loaded phase
 * (tasks PROCESSING, a backlog queued) in alternating order, same requests and concurrency; the figure
 * is the median of the per-round ratios. Each phase also prints what explains its latency: the API
 * event loop's delay (does work leak onto the loop?) and, per thread and child process, CPU time and
 * time runnable but waiting for a CPU (Linux schedstat: is the loop starved of a core?).
 *
 * bench/load-client.ts reports p50/p95/max only; a p99 needs every latency: the load comes from
 * latency-client.ts, in its own process.
 *
 * Env BENCH_UNDER_ENHANCEMENT_*: CONCURRENCY (4), REQUESTS (400 per phase), ROUNDS (5), WARMUP (100),
 * IMAGES (6 sources of 600×400, 6 tiles each).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { LatencyClient } from './latency-client.js';
import { descendants } from './processes.js';
import { percentile } from './stats.js';
import { fmt, makeCast, makeStaff, median, onCleanup, printTable, run, startBenchServer, type Figure } from './support.js';
import { gqlClient, uploadImage, waitUntilSettled } from './upload-path.js';
import { insertReadyImageRows } from '../api/test/support/ready-image-rows.js';
import { JobStatus } from '../api/src/shared/domain/job-status.js';
import { esrganPackageFile } from '../api/src/modules/enhancements/providers/local/esrgan-models.js';
import { sha256 } from '../api/test/support/uploads.js';
import sharp from 'sharp';
const env = (name: string, fallback: number) => Number(process.env[`BENCH_UNDER_ENHANCEMENT_${name}`] ?? fallback);
const CONCURRENCY = env('CONCURRENCY', 4);
const REQUESTS = env('REQUESTS', 400);
const ROUNDS = env('ROUNDS', 5);
const WARMUP = env('WARMUP', 100);
const SOURCE_IMAGES = env('IMAGES', 6);
const GALLERY_IMAGES = 500;
const SOURCE_SIZE = { width: 600, height: 400 };
const MODEL_ID = 'esrgan-2x';
/** The loop-delay histogram samples every this many ms; figures are printed as lateness beyond it. */
const LOOP_RESOLUTION_MS = 5;

const GALLERY = 'query($id: ID!) { job(id: $id) { images(first: 500) { nodes { id selectionState downloadable thumbnailUrl } } } }';

// --- Figures of this (the API's) process --------------------------------------------------------

/**
 * Where CPU time goes: this process's threads by what they do (Node names them; the ESRGAN worker
 * thread is `esrgan`), and the processes it started — the embedded PostgreSQL (none with
 * DATABASE_URL), the embedded S3 server and the load generator.
 */
const CPU_GROUPS = ['main', 'esrgan', 'libuv', 'other', 'postgres', 's3', 'client'] as const;
type CpuGroup = (typeof CPU_GROUPS)[number];
const threadGroup = (name: string): CpuGroup => (name === 'MainThread' ? 'main' : name === 'esrgan' ? 'esrgan' : name.startsWith('libuv') ? 'libuv' : 'other');

type CpuTimes = Map<string, { group: CpuGroup; runNs: number; waitNs: number }>;
type CpuSeconds = Record<CpuGroup, { run: number; wait: number }>;

/** Linux schedstat: time on a CPU and time runnable but waiting for one, per thread (and per child process's main thread). */
function cpuTimes(clientPid?: number): CpuTimes {
  const times: CpuTimes = new Map();
  const read = (key: string, group: CpuGroup, path: string) => {
    try {
      const [runNs, waitNs] = readFileSync(path, 'utf8').split(' ').map(Number);
      times.set(key, { group, runNs: runNs!, waitNs: waitNs! });
    } catch {
      // It ended while we looked.
    }
  };
  for (const tid of readdirSync('/proc/self/task')) {
    read(`thread ${tid}`, threadGroup(readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim()), `/proc/self/task/${tid}/schedstat`);
  }
  if (clientPid === undefined) return times;
  for (const { pid, command } of descendants()) {
    read(`process ${pid}`, pid === clientPid ? 'client' : command.includes('embedded-s3-process') ? 's3' : 'postgres', `/proc/${pid}/schedstat`);
  }
  return times;
}

function secondsBetween(before: CpuTimes, after: CpuTimes): CpuSeconds {
  const seconds = Object.fromEntries(CPU_GROUPS.map((group) => [group, { run: 0, wait: 0 }])) as CpuSeconds;
  for (const [key, now] of after) {
    seconds[now.group].run += (now.runNs - (before.get(key)?.runNs ?? 0)) / 1e9;
    seconds[now.group].wait += (now.waitNs - (before.get(key)?.waitNs ?? 0)) / 1e9;
  }
  return seconds;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function esrganCpuSecondsOver(ms: number): Promise<number> {
  const before = cpuTimes();
  await sleep(ms);
  return secondsBetween(before, cpuTimes()).esrgan.run;
}

type PhaseKind = 'idle' | 'loaded';

interface Phase {
  latenciesMs: number[];
  p: { p50: number; p95: number; p99: number; max: number };
  requestsPerSecond: number;
  /** How late the API event loop's 5 ms timer fired, ms. */
  loopDelay: { p99: number; max: number };
  cpu: CpuSeconds;
  wallSeconds: number;
  window: { start: Date; end: Date };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

// --- The benchmark ------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const loadAverageBefore = os.loadavg();
  // A running task notices a cancel within the progress interval: 1 s (default 5) keeps the switch from
  // loaded to idle short, for one more tiny UPDATE per running task per second.
  const bench = await startBenchServer({ env: { RATE_LIMIT_ENHANCE_USER: '100000/1m', ENHANCEMENT_PROGRESS_INTERVAL_SECONDS: '1' } });
  const client = new LatencyClient();
  onCleanup(() => client.close());
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const lateness = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  try {
    const { services } = bench.server;
    const em = () => services.orm.em.fork();
    const sql = <T>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const response = await bench.gql<T>(query, variables, token);
      if (!response.data || response.errors) throw new Error(`GraphQL failed: ${JSON.stringify(response.errors).slice(0, 500)}`);
      return response.data;
    };

    // The gallery: a delivered job of 500 READY rows, read by its customer.
    const cast = await makeCast(bench, { includedImages: 10, allImagesIncluded: false });
    await insertReadyImageRows(em(), { customerId: cast.customer.id, jobId: cast.job.id, count: GALLERY_IMAGES });
    const page = await gql<{ job: { images: { nodes: unknown[] } } }>(GALLERY, { id: cast.job.id }, cast.token);
    if (page.job.images.nodes.length !== GALLERY_IMAGES) throw new Error(`the gallery has ${page.job.images.nodes.length} images`);

    // The sources: photographs (the esrgan-slim fixture, resized, a little brighter each) that staff upload to another job.
    const { token: staffToken } = await makeStaff(bench);
    const staffGql = gqlClient(`${bench.server.url}/graphql`, staffToken);
    const sourceJob = await services.jobs.create(em(), { customerId: cast.customer.id, title: 'Bench sources', status: JobStatus.DELIVERED, includedImages: 1, allImagesIncluded: false });
    const photo = sharp(esrganPackageFile('assets/fixture.png')).removeAlpha().resize(SOURCE_SIZE.width, SOURCE_SIZE.height, { fit: 'fill' });
    const sourceIds: string[] = [];
    for (let index = 0; index < SOURCE_IMAGES; index++) {
      const bytes = await photo.clone().modulate({ brightness: 1 + index * 0.02 }).jpeg({ quality: 90 }).toBuffer();
      const uploaded = await uploadImage(staffGql, sourceJob.id, { filename: `source-${index}.jpg`, sha256: sha256(bytes), body: { bytes } });
      if (uploaded.problem) throw new Error(`upload of a source failed: ${uploaded.problem}`);
      sourceIds.push(uploaded.imageId!);
    }
    // Completion may answer before the renditions exist (PROCESSING); enhancing needs READY sources.
    await waitUntilSettled(staffGql, sourceJob.id, SOURCE_IMAGES);

    // The enhancement load, switched on and off between phases.
    const waitUntil = async (what: string, condition: () => Promise<boolean>, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await sleep(200);
      }
    };
    const outstanding = () => sql<{ id: string; status: string }>(`SELECT id, status FROM enhancements WHERE job_id = ? AND status IN ('QUEUED', 'PROCESSING')`, [sourceJob.id]);
    const enhance = (imageIds: string[]) =>
      gql<{ enhanceImages: { id: string }[] }>('mutation($ids: [ID!]!, $model: String!) { enhanceImages(imageIds: $ids, modelId: $model) { id } }', { ids: imageIds, model: MODEL_ID }, staffToken);
    /** A backlog that outlasts a phase, and inference really under way. */
    const startEnhancing = async () => {
      if ((await outstanding()).length < SOURCE_IMAGES) await enhance(sourceIds);
      await waitUntil('a task is PROCESSING', async () => (await outstanding()).some((task) => task.status === 'PROCESSING'));
      await waitUntil('the ESRGAN thread is busy', async () => (await esrganCpuSecondsOver(300)) > 0.1);
    };
    /** Cancels every task (queued: at once; processing: within the progress interval); the tile in the worker still finishes. */
    const stopEnhancing = async () => {
      for (const task of await outstanding()) {
        const { errors } = await bench.gql('mutation($id: ID!) { cancelEnhancement(id: $id) { id } }', { id: task.id }, staffToken);
        // A task may finish between the listing and its cancel.
        if (errors && errors[0]?.extensions?.reason !== 'ALREADY_FINISHED') throw new Error(`cancelEnhancement failed: ${JSON.stringify(errors)}`);
      }
      await waitUntil('no task is QUEUED or PROCESSING', async () => (await outstanding()).length === 0);
      await waitUntil('the ESRGAN thread is quiet', async () => (await esrganCpuSecondsOver(500)) < 0.01);
    };
    const counts = (tasks: { status: string }[]) => ['PROCESSING', 'QUEUED'].map((status) => `${tasks.filter((task) => task.status === status).length} ${status.toLowerCase()}`).join(' + ');
    const tasksDuring = async ({ start, end }: Phase['window']) => {
      const [row] = await sql<{ ran: number; succeeded: number }>(
        `SELECT count(*) FILTER (WHERE started_at < ? AND (finished_at IS NULL OR finished_at > ?))::int AS ran,
                count(*) FILTER (WHERE status = 'SUCCEEDED' AND finished_at BETWEEN ? AND ?)::int AS succeeded
           FROM enhancements WHERE job_id = ?`,
        [end, start, start, end, sourceJob.id],
      );
      return row!;
    };

    // The gallery load.
    const gallery = async (requests: number) => {
      const result = await client.measure({
        url: `${bench.server.url}/graphql`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.token}` },
        body: JSON.stringify({ query: GALLERY, variables: { id: cast.job.id } }),
        concurrency: CONCURRENCY,
        requests,
      });
      if (result.failed > 0) throw new Error(`${result.failed} of ${requests} gallery requests failed; first: ${result.firstProblem}`);
      return result;
    };
    /** Runs `work` and returns what this process, its threads and its children did meanwhile. */
    const observe = async <T>(work: () => Promise<T>) => {
      const before = cpuTimes(client.pid);
      loopDelay.reset();
      const start = new Date();
      const result = await work();
      const end = new Date();
      const delay = { p99: lateness(loopDelay.percentile(99)), max: lateness(loopDelay.max) };
      return { result, cpu: secondsBetween(before, cpuTimes(client.pid)), loopDelay: delay, wallSeconds: (end.getTime() - start.getTime()) / 1000, window: { start, end } };
    };
    const measure = async (): Promise<Phase> => {
      const { result, ...observed } = await observe(() => gallery(REQUESTS));
      const sorted = [...result.latenciesMs].sort((a, b) => a - b);
      const p = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)! };
      return { ...observed, latenciesMs: result.latenciesMs, p, requestsPerSecond: (REQUESTS / result.elapsedMs) * 1000 };
    };
    const cores = (cpu: CpuSeconds, wallSeconds: number) =>
      `${CPU_GROUPS.map((group) => `${group} ${fmt(cpu[group].run / wallSeconds)}`).join(', ')} (sum ${fmt(CPU_GROUPS.reduce((sum, group) => sum + cpu[group].run, 0) / wallSeconds)})`;
    const perRequest = (seconds: number) => (seconds * 1000) / REQUESTS;
    const summary = ({ p, requestsPerSecond, loopDelay: delay, cpu, wallSeconds }: Phase) =>
      `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}, max ${ms(p.max)}; ${fmt(requestsPerSecond, 1)} req/s; loop delay p99 ${ms(delay.p99)} (max ${ms(delay.max)}); ` +
      `main thread per request: CPU ${ms(perRequest(cpu.main.run))}, waiting for a CPU ${ms(perRequest(cpu.main.wait))}; cores: ${cores(cpu, wallSeconds)}`;
    /** No gallery traffic at all: what enhancing alone costs the event loop and the main thread. */
    const quiet = async (seconds: number) => {
      const { cpu, loopDelay: delay } = await observe(() => sleep(seconds * 1000));
      return `loop delay p99 ${ms(delay.p99)} (max ${ms(delay.max)}); cores: ${cores(cpu, seconds)}`;
    };

    console.log(
      `${GALLERY_IMAGES}-image gallery vs ${MODEL_ID} on ${SOURCE_IMAGES} uploaded ${SOURCE_SIZE.width}×${SOURCE_SIZE.height} JPEGs ` +
        `(${services.config.enhancements.concurrency} tasks at a time in the server); ${ROUNDS} rounds of ${REQUESTS} requests per phase, ${CONCURRENCY} concurrent`,
    );
    // Warm-up: the gallery path, and one enhancement to the end (loads the model into the worker thread, warms the result path).
    const [warmupTask] = (await enhance(sourceIds.slice(0, 1))).enhanceImages;
    await gallery(WARMUP);
    await waitUntil('the warm-up enhancement has finished', async () => (await outstanding()).length === 0, 180_000);
    const [warmup] = await sql<{ status: string }>('SELECT status FROM enhancements WHERE id = ?', [warmupTask!.id]);
    if (warmup?.status !== 'SUCCEEDED') throw new Error(`the warm-up enhancement ended ${warmup?.status}`);
    await stopEnhancing();

    const rounds: Record<PhaseKind, Phase>[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternating order, so a drift in the machine's other load favours neither phase; back-to-back
      // loaded phases share one backlog.
      const order: PhaseKind[] = round % 2 ? ['idle', 'loaded'] : ['loaded', 'idle'];
      const phases = {} as Record<PhaseKind, Phase>;
      for (const kind of order) {
        if (kind === 'idle' && (await outstanding()).length > 0) await stopEnhancing();
        if (kind === 'loaded') await startEnhancing();
        const before = await outstanding();
        const phase = (phases[kind] = await measure());
        let tasks = '';
        if (kind === 'loaded') {
          const after = await outstanding();
          const during = await tasksDuring(phase.window);
          tasks = ` | tasks: ${counts(before)} at start, ${counts(after)} at end; ${during.ran} ran and ${during.succeeded} succeeded during the phase`;
          if (!after.some((task) => task.status === 'PROCESSING')) console.warn('WARNING: nothing was PROCESSING at the end of the phase; raise BENCH_UNDER_ENHANCEMENT_IMAGES');
        } else if (phase.cpu.esrgan.run > 0.05) {
          console.warn(`WARNING: the ESRGAN thread used ${fmt(phase.cpu.esrgan.run)} s of CPU during an idle phase`);
        }
        console.log(`round ${round} ${kind.padEnd(6)} ${summary(phase)}${tasks}`);
      }
      rounds.push(phases);
    }
    await startEnhancing();
    const quietEnhancing = await quiet(10);
    await stopEnhancing();
    const quietIdle = await quiet(5);

    const ratios = rounds.map((phases) => phases.loaded.p.p99 / phases.idle.p.p99);
    const ratio = median(ratios);
    const pooled = (kind: PhaseKind) => rounds.flatMap((phases) => phases[kind].latenciesMs).sort((a, b) => a - b);
    const medianOf = (kind: PhaseKind, pick: (phase: Phase) => number) => median(rounds.map((phases) => pick(phases[kind])));
    console.log(`\nloaded p99 / idle p99 per round: ${ratios.map((value) => fmt(value, 3)).join(', ')}; median ${fmt(ratio, 3)}`);
    for (const kind of ['idle', 'loaded'] as const) {
      const sorted = pooled(kind);
      console.log(
        `${kind.padEnd(6)} all ${sorted.length} requests: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}; medians of rounds: ` +
          `loop delay p99 ${ms(medianOf(kind, (phase) => phase.loopDelay.p99))}, main thread per request CPU ${ms(medianOf(kind, (phase) => perRequest(phase.cpu.main.run)))} ` +
          `and waiting for a CPU ${ms(medianOf(kind, (phase) => perRequest(phase.cpu.main.wait)))}, ESRGAN thread ${fmt(medianOf(kind, (phase) => phase.cpu.esrgan.run / phase.wallSeconds))} cores`,
      );
    }
    const [idleAll, loadedAll] = [pooled('idle'), pooled('loaded')];
    console.log(`pooled p99 ratio ${fmt(percentile(loadedAll, 99) / percentile(idleAll, 99), 3)}, p50 ratio ${fmt(percentile(loadedAll, 50) / percentile(idleAll, 50), 3)}`);
    console.log(`no gallery traffic: enhancing (10 s) ${quietEnhancing}\n                    idle (5 s)       ${quietIdle}`);
    console.log(`load average (1/5/15 min) before ${loadAverageBefore.map((value) => fmt(value)).join(' ')}, after ${os.loadavg().map((value) => fmt(value)).join(' ')}`);

    const figures: Figure[] = [{ name: 'gallery p99 while enhancing / idle p99', value: ratio, unit: '', target: { op: '<=', value: 1.5 }, digits: 3 }];
    printTable(`Gallery of ${GALLERY_IMAGES} images under local enhancement, ${ROUNDS} rounds, total ${fmt((performance.now() - started) / 1000, 0)} s`, figures, {
      concurrency: CONCURRENCY,
      requests: REQUESTS,
      rounds: ROUNDS,
      warmup: WARMUP,
      sourceImages: SOURCE_IMAGES,
      galleryImages: GALLERY_IMAGES,
    });
  } finally {
    loopDelay.disable();
    await client.close();
    await bench.close();
  }
}

run(main);
