/**
 * Ingest of a studio's shoot (issue 12): N photos of 24 MP, 8–12 MB each (bench/ingest-fixtures.ts),
 * uploaded at once through the product's path, against the same work done bare, same run.
 *
 * - product: the API as `npm start` runs it; a child process (ingest-client.ts) walks
 *   requestImageUpload → PUT → completeImageUpload for each photo, C at a time, as staff; then every
 *   image is polled until READY or FAILED. images/s = N ÷ (first request → last image settled,
 *   from the rows' updated_at).
 * - bare: ingest-bare-server.ts, a plain node:http process: PUT body → SHA-256 → original into the
 *   same embedded S3 server → renderRenditions → renditions into S3, same render concurrency, libvips
 *   threads and libuv pool size; images/s from the first PUT to the last rendition stored.
 *   Figure: product ÷ bare, median over rounds that alternate which goes first (>= 0.8).
 * - gallery: a delivered job of 500 READY rows queried as its customer (as in
 *   gallery-under-enhancement.ts) idle, then during one more product ingest: p99 ratio (<= 1.5).
 * - memory: peak RSS of the API process during the product ingests (<= 512 MB), of its render child,
 *   the two together and the S3 server, sampled every 50 ms by a child (memory-sampler.ts).
 * - decode once ÷ decode per rendition (information): naive-renditions.ts, on a few photos.
 *
 * Options: --images N (200), --concurrency C (4 uploads at a time), --rounds R (1), --seed S,
 * --gallery-requests (400), --gallery-concurrency (4), --decode-images (5), --fixtures-only,
 * --product-upload-limits (keep RATE_LIMIT_UPLOAD_* at the product's defaults instead of raising them).

 * Env, the same for both sides: RENDER_CONCURRENCY (2), RENDER_THREADS (1), UV_THREADPOOL_SIZE
 * (libuv's default 4 when unset; set it in the environment, it is read at start-up); RENDER_NICE is
 * the product's only (niceness of its render process) and passed on when set.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BareServer } from './ingest-bare-server.js';
import { IngestClient, type IngestFile, type IngestResult } from './ingest-client.js';
import { DEFAULT_SEED, deviceOf, ensureFixtures, fixtureDir, freeBytes, missingFixtures, TYPICAL_FIXTURE_BYTES } from './ingest-fixtures.js';
import { LatencyClient, type LatencyResult } from './latency-client.js';
import { MemorySampler, type MemoryPeaks } from './memory-sampler.js';
import { descendants, processGroup } from './processes.js';
import { percentile } from './stats.js';
import { collectGarbage, fmt, makeCast, makeStaff, mark, signIn, MB, median, onCleanup, peakRss, printTable, resetPeakRss, run, startBenchServer, type Figure } from './support.js';
import { gqlClient, waitUntilSettled } from './upload-path.js';
import { insertReadyImageRows } from '../api/test/support/ready-image-rows.js';
import { JobStatus } from '../api/src/shared/domain/job-status.js';

const { values: options } = parseArgs({
  options: {
    images: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'gallery-requests': { type: 'string', default: '400' },
    'gallery-concurrency': { type: 'string', default: '4' },
    'decode-images': { type: 'string', default: '5' },
    'fixtures-only': { type: 'boolean', default: false },
    'product-upload-limits': { type: 'boolean', default: false },
  },
});
const IMAGES = Number(options.images);
const CONCURRENCY = Number(options.concurrency);
const ROUNDS = Number(options.rounds);
const SEED = Number(options.seed);
const GALLERY_REQUESTS = Number(options['gallery-requests']);
const GALLERY_CONCURRENCY = Number(options['gallery-concurrency']);
const DECODE_IMAGES = Math.min(IMAGES, Number(options['decode-images']));
const RENDER_CONCURRENCY = Number(process.env.RENDER_CONCURRENCY ?? 2);
const RENDER_THREADS = Number(process.env.RENDER_THREADS ?? 1);
const UV_THREADPOOL_SIZE = process.env.UV_THREADPOOL_SIZE ?? '4 (default)';
const WARMUP_IMAGES = Math.min(IMAGES, 4);
const GALLERY_IMAGES = 500;
const GALLERY = 'query($id: ID!) { job(id: $id) { images(first: 500) { nodes { id selectionState downloadable thumbnailUrl } } } }';
/** What one photo occupies in storage during a pass, at most: original, renditions, S3 metadata (the upload copy is gone by then). */
const RUN_BYTES_PER_IMAGE = 15 * MB;
const GB = 1e9;
const TOKEN_TTL_SECONDS = 3600;

/** Refuses before anything is written if the fixtures still to be made and one pass's storage do not fit. */
function checkDiskSpace(): void {
  const missing = missingFixtures(IMAGES, SEED).length;
  const needs = [
    { what: `${missing} fixtures to make`, dir: fixtureDir(SEED), bytes: missing * TYPICAL_FIXTURE_BYTES * 1.2 },
    // Each pass's objects are deleted before the next; PostgreSQL and the rest take well under 1 GB.
    { what: `one pass of ${IMAGES} images in storage`, dir: os.tmpdir(), bytes: IMAGES * RUN_BYTES_PER_IMAGE + GB },
  ];
  const byDevice = new Map<number, { free: number; bytes: number; dirs: string[] }>();
  for (const need of needs) {
    const device = deviceOf(need.dir);
    const entry = byDevice.get(device) ?? { free: freeBytes(need.dir), bytes: 0, dirs: [] };
    entry.bytes += need.bytes;
    entry.dirs.push(need.dir);
    byDevice.set(device, entry);
    console.log(`disk: ${need.what}: ~${fmt(need.bytes / GB, 1)} GB in ${need.dir}`);
  }
  for (const { free, bytes, dirs } of byDevice.values()) {
    console.log(`disk: ${fmt(free / GB, 1)} GB free where ${dirs.join(' and ')} are; ${fmt(bytes / GB, 1)} GB needed there`);
    if (bytes > free) throw new Error(`not enough disk space: ${fmt(bytes / GB, 1)} GB needed, ${fmt(free / GB, 1)} GB free for ${dirs.join(', ')}. Use fewer --images, or point XDG_CACHE_HOME / TMPDIR elsewhere.`);
  }
}

/** CPU seconds so far of this process and of its children, by what they are. */
function cpuSeconds(): Record<string, number> {
  const usage = process.cpuUsage();
  const seconds: Record<string, number> = { api: (usage.user + usage.system) / 1e6 };
  for (const { command, cpuSeconds: cpu } of descendants()) {
    const group = processGroup(command);
    if (group) seconds[group] = (seconds[group] ?? 0) + cpu;
  }
  return seconds;
}

/** CPU seconds per image by group, and their sum over the groups that do the side's work (not the client, same on both). */
function cpuPerImage(before: Record<string, number>, after: Record<string, number>, images: number, working: string[]) {
  // A process that ended meanwhile (a PostgreSQL backend) takes its CPU time with it: never below 0.
  const groups = Object.keys(after).map((group) => [group, Math.max(0, after[group]! - (before[group] ?? 0)) / images] as const);
  const total = groups.filter(([group]) => working.includes(group)).reduce((sum, [, seconds]) => sum + seconds, 0);
  return { total, text: `${groups.map(([group, seconds]) => `${group} ${fmt(seconds, 3)}`).join(', ')}; ${working.join(' + ')} ${fmt(total, 3)}` };
}
const retries = ({ putRetries, firstRetry }: IngestResult) => (putRetries ? `; ${putRetries} PUT(s) sent again after a reused connection was reset (${firstRetry})` : '');
const mb = (bytes: number) => `${fmt(bytes / MB, 0)} MB`;
/** Where this (the API's) process's memory is: V8's heap, buffers outside it, and the rest (native: libvips, malloc, code). */
function memoryNow(): string {
  const { rss, heapTotal, external } = process.memoryUsage();
  return `RSS ${mb(rss)}: V8 heap ${mb(heapTotal)}, external ${mb(external)}, other ${mb(rss - heapTotal - external)}`;
}

interface Pass {
  imagesPerSecond: number;
  cpuPerImage: number;
  seconds: number;
  failed: number;
  firstProblem?: string;
}

run(async () => {
  const started = performance.now();
  console.log(
    `ingest of ${IMAGES} photos, ${CONCURRENCY} uploads at a time, ${ROUNDS} round(s); RENDER_CONCURRENCY=${RENDER_CONCURRENCY} RENDER_THREADS=${RENDER_THREADS} ` +
      `UV_THREADPOOL_SIZE=${UV_THREADPOOL_SIZE}${process.env.RENDER_NICE ? ` RENDER_NICE=${process.env.RENDER_NICE}` : ''}; load average ${os.loadavg().map((value) => fmt(value)).join(' ')}`,
  );
  checkDiskSpace();
  const fixtureStart = performance.now();
  const fixtures = await ensureFixtures(IMAGES, SEED);
  const fixtureSeconds = (performance.now() - fixtureStart) / 1000;
  const files: IngestFile[] = fixtures.map((fixture) => ({ filename: fixture.file, path: fixture.path, byteSize: fixture.bytes, sha256: fixture.sha256 }));
  const totalBytes = files.reduce((sum, file) => sum + file.byteSize, 0);
  console.log(`fixtures: ${IMAGES} files, ${fmt(totalBytes / GB, 2)} GB, ${fmt(Math.min(...files.map((file) => file.byteSize)) / 1e6, 1)}–${fmt(Math.max(...files.map((file) => file.byteSize)) / 1e6, 1)} MB (ready in ${fmt(fixtureSeconds, 0)} s)`);
  if (options['fixtures-only']) return;

  const bench = await startBenchServer({
    env: {
      RENDER_CONCURRENCY: String(RENDER_CONCURRENCY),
      RENDER_THREADS: String(RENDER_THREADS),
      ...(process.env.RENDER_NICE ? { RENDER_NICE: process.env.RENDER_NICE } : {}),
      // Tokens that outlast a pass (1,000 photos take ~15–20 min); a token older than half that is renewed before a pass.
      ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
      // Raised unless asked otherwise: a run uploads the shoot 2 + 2 × rounds times, which a studio
      // does not (--product-upload-limits runs with the product's limits).
      ...(options['product-upload-limits']
        ? {}
        : Object.fromEntries(['RATE_LIMIT_UPLOAD_IP', 'RATE_LIMIT_UPLOAD_USER', 'RATE_LIMIT_UPLOAD_STAFF_USER', 'RATE_LIMIT_UPLOAD_MIB_USER', 'RATE_LIMIT_UPLOAD_MIB_STAFF_USER'].map((name) => [name, '100000000/1m']))),
    },
  });
  const client = new IngestClient();
  const sampler = new MemorySampler();
  const bare = new BareServer();
  const latency = new LatencyClient();
  onCleanup(() => Promise.all([client.close(), sampler.close(), bare.close(), latency.close()]).then(() => undefined));
  try {
    const { services } = bench.server;
    const { config } = bench;
    const em = () => services.orm.em.fork();
    const sql = <T>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
    const staff = await makeStaff(bench);
    const cast = await makeCast(bench);
    const graphqlUrl = `${bench.server.url}/graphql`;
    // Signing in at every pass would run into the login limits (5 per account and address in 10 minutes).
    const tokens = new Map<string, { token: string; at: number }>([
      [staff.user.email, { token: staff.token, at: Date.now() }],
      [cast.customerUser.email, { token: cast.token, at: Date.now() }],
    ]);
    const freshToken = async (email: string) => {
      const known = tokens.get(email);
      if (known && Date.now() - known.at < (TOKEN_TTL_SECONDS * 1000) / 2) return known.token;
      const renewed = { token: await signIn(bench, email), at: Date.now() };
      tokens.set(email, renewed);
      return renewed.token;
    };
    const { watermarkText } = await services.studio.get(em());
    const { url: bareUrl } = await bare.init({ storage: bench.storage, threads: RENDER_THREADS, renderConcurrency: RENDER_CONCURRENCY, watermarkText, maxPixels: config.uploads.maxPixels });
    console.log(`API process once started, before any upload: ${memoryNow()}`);
    const newJob = (title: string) => services.jobs.create(em(), { customerId: cast.customer.id, title, status: JobStatus.DELIVERED, includedImages: 10, allImagesIncluded: false });

    const peaks: MemoryPeaks[] = [];
    /** Upload `batch` into a new job through the API and wait until every image is READY or FAILED. */
    const productPass = async (label: string, batch = files): Promise<Pass> => {
      const job = await newJob(`Ingest ${label}`);
      const token = await freshToken(staff.user.email);
      const staffGql = gqlClient(graphqlUrl, token);
      const cpuBefore = cpuSeconds();
      await sampler.start();
      mark(`${label}-product-start`);
      const uploaded: IngestResult = await client.ingest({ mode: 'product', graphqlUrl, token, jobId: job.id, files: batch, concurrency: CONCURRENCY });
      // Images whose upload failed before completion answered stay PENDING (or never existed): not waited for.
      const completed = Object.values(uploaded.statuses).reduce((sum, count) => sum + count, 0);
      await waitUntilSettled(staffGql, job.id, completed);
      mark(`${label}-product-end`);
      const memory = await sampler.stop();
      const cpu = cpuPerImage(cpuBefore, cpuSeconds(), batch.length, ['api', 'render', 's3', 'postgres']);
      peaks.push(memory);
      const memoryAfter = memoryNow();
      // Garbage or held? A full collection tells (after the peaks were taken, so it changes no figure).
      collectGarbage();
      const memoryAfterGc = memoryNow();
      const [rows] = await sql<{ last: number; failed: number; reason: string | null; keys: string[] }>(
        `SELECT extract(epoch FROM max(updated_at)) * 1000 AS last, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
                min(failure_reason) AS reason,
                array_remove(array_agg(original_key), NULL) || coalesce(array_agg(r.value ->> 'key') FILTER (WHERE r.value IS NOT NULL), '{}') AS keys
           FROM images LEFT JOIN LATERAL jsonb_each(renditions) r ON true WHERE job_id = ?`,
        [job.id],
      );
      const seconds = (Number(rows!.last) - uploaded.startedAt) / 1000;
      const failed = batch.length - completed + rows!.failed;
      const firstProblem = uploaded.firstProblem ?? (rows!.reason ? `FAILED with ${rows!.reason}` : undefined);
      console.log(
        `${label} product: ${batch.length} images in ${fmt(seconds, 1)} s = ${fmt(batch.length / seconds, 3)} images/s; all uploads answered after ${fmt((uploaded.uploadedAt - uploaded.startedAt) / 1000, 1)} s ` +
          `(completion answered ${JSON.stringify(uploaded.statuses)}; median request ${fmt(uploaded.medianMs.request, 0)} ms, PUT ${fmt(uploaded.medianMs.put, 0)} ms, complete ${fmt(uploaded.medianMs.complete, 0)} ms); ` +
          `failed ${failed}${firstProblem ? ` (first: ${firstProblem})` : ''}${retries(uploaded)}\n  CPU s per image: ${cpu.text}; ` +
          `peak RSS: API ${mb(memory.peakBytes.api)} (${mb(memory.startBytes.api)} at start), render child ${mb(memory.peakBytes.render)} (${memory.renderProcesses} process(es)), API + render ${mb(memory.peakBytes.apiPlusRender)}, S3 ${mb(memory.peakBytes.s3)}, PostgreSQL ${mb(memory.peakBytes.postgres)}; API after: ${memoryAfter}, after a full GC: ${memoryAfterGc}`,
      );
      if (!descendants().some((process) => processGroup(process.command) === 's3')) {
        throw new Error(`the embedded S3 server exited during the ${label} product pass (its error is printed above): the figures of this run are void`);
      }
      // Rows stay (nothing reads them again); the bytes go, so rounds do not fill the disk.
      const keys = new Set(rows!.keys);
      for (let start = 0, list = [...keys]; start < list.length; start += 1000) await services.storage.delete(list.slice(start, start + 1000));
      return { imagesPerSecond: batch.length / seconds, cpuPerImage: cpu.total, seconds, failed, firstProblem };
    };
    const barePeaks: MemoryPeaks[] = [];
    const barePass = async (label: string, batch = files): Promise<Pass> => {
      const cpuBefore = cpuSeconds();
      await bare.expect(batch.length);
      await sampler.start();
      const uploaded = await client.ingest({ mode: 'bare', url: bareUrl, files: batch, concurrency: CONCURRENCY });
      const result = await bare.settled();
      const memory = await sampler.stop();
      const cpu = cpuPerImage(cpuBefore, cpuSeconds(), batch.length, ['bare', 's3']);
      barePeaks.push(memory);
      const seconds = (result.lastSettledAt - uploaded.startedAt) / 1000;
      const firstProblem = uploaded.firstProblem ?? result.firstProblem;
      console.log(
        `${label} bare:    ${batch.length} images in ${fmt(seconds, 1)} s = ${fmt(batch.length / seconds, 3)} images/s; all uploads answered after ${fmt((uploaded.uploadedAt - uploaded.startedAt) / 1000, 1)} s ` +
          `(median PUT ${fmt(uploaded.medianMs.put, 0)} ms, render + store ${fmt(result.medianRenderMs, 0)} ms); failed ${result.failed}${firstProblem ? ` (first: ${firstProblem})` : ''}${retries(uploaded)}\n` +
          `  CPU s per image: ${cpu.text}; peak RSS: bare server ${mb(memory.peakBytes.bare)} (${mb(memory.startBytes.bare)} at start), S3 ${mb(memory.peakBytes.s3)}`,
      );
      await bare.clear();
      return { imagesPerSecond: batch.length / seconds, cpuPerImage: cpu.total, seconds, failed: result.failed, firstProblem };
    };

    // Warm-up: JIT, sharp, the render process's start and the watermark tiles, on both sides.
    await productPass('warm-up', files.slice(0, WARMUP_IMAGES));
    await barePass('warm-up', files.slice(0, WARMUP_IMAGES));
    peaks.length = 0;
    barePeaks.length = 0;

    resetPeakRss();
    const ratios: number[] = [];
    const rounds: { product: Pass; bare: Pass }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternating order, so a drift in the machine's other load favours neither side.
      const product = round % 2 ? await productPass(`round ${round}`) : undefined;
      const barePassResult = await barePass(`round ${round}`);
      const productResult = product ?? (await productPass(`round ${round}`));
      rounds.push({ product: productResult, bare: barePassResult });
      ratios.push(productResult.imagesPerSecond / barePassResult.imagesPerSecond);
      console.log(`round ${round}: product ÷ bare ${fmt(ratios.at(-1)!, 3)}`);
    }

    // The gallery, idle and then during one more product ingest.
    await insertReadyImageRows(em(), { customerId: cast.customer.id, jobId: cast.job.id, count: GALLERY_IMAGES });
    const galleryRequest = {
      url: graphqlUrl,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await freshToken(cast.customerUser.email)}` },
      body: JSON.stringify({ query: GALLERY, variables: { id: cast.job.id } }),
      concurrency: GALLERY_CONCURRENCY,
    };
    const checked = (result: LatencyResult) => {
      if (result.failed > 0) throw new Error(`${result.failed} gallery requests failed; first: ${result.firstProblem}`);
      return [...result.latenciesMs].sort((a, b) => a - b);
    };
    checked(await latency.measure({ ...galleryRequest, requests: 100 }));
    const idle = checked(await latency.measure({ ...galleryRequest, requests: GALLERY_REQUESTS }));
    const during = latency.measure({ ...galleryRequest, requests: Number.MAX_SAFE_INTEGER });
    // Awaited after the ingest; a failure meanwhile (the ingest's, then the clean-up's) must not be unhandled.
    during.catch(() => undefined);
    const galleryPass = await productPass('gallery');
    latency.stop();
    const loaded = checked(await during);
    const galleryRatio = percentile(loaded, 99) / percentile(idle, 99);
    for (const [phase, sorted] of [['idle', idle], ['during ingest', loaded]] as const) {
      console.log(`gallery ${phase}: ${sorted.length} requests, p50 ${fmt(percentile(sorted, 50), 1)} ms, p95 ${fmt(percentile(sorted, 95), 1)} ms, p99 ${fmt(percentile(sorted, 99), 1)} ms, max ${fmt(sorted.at(-1)!, 1)} ms`);
    }

    const decode = await bare.compareDecodes(fixtures.slice(0, DECODE_IMAGES).map((fixture) => fixture.path));
    console.log(`renditions of ${decode.images} photos, median ms per photo: decode once ${fmt(decode.onceMs, 0)}, decode per rendition ${fmt(decode.eachMs, 0)}`);

    const peak = (group: keyof MemoryPeaks['peakBytes'], passes = peaks) => Math.max(...passes.map((memory) => memory.peakBytes[group])) / MB;
    const productRates = rounds.map((pass) => pass.product.imagesPerSecond);
    const bareRates = rounds.map((pass) => pass.bare.imagesPerSecond);
    const failures = rounds.reduce((sum, pass) => sum + pass.product.failed, galleryPass.failed);
    const firstProblem = [...rounds.map((pass) => pass.product.firstProblem), galleryPass.firstProblem].find(Boolean);
    if (firstProblem) console.log(`first problem of a product ingest: ${firstProblem}`);
    console.log(`API process VmHWM over the run: ${mb(peakRss() ?? NaN)}; load average ${os.loadavg().map((value) => fmt(value)).join(' ')}`);
    const figures: Figure[] = [
      { name: 'product ingest ÷ bare (images/s)', value: median(ratios), unit: '', target: { op: '>=', value: 0.8 }, digits: 3 },
      { name: 'product ingest', value: median(productRates), unit: 'images/s', digits: 3 },
      { name: 'bare ingest', value: median(bareRates), unit: 'images/s', digits: 3 },
      { name: 'CPU per image, bare ÷ product (all their processes)', value: median(rounds.map((pass) => pass.bare.cpuPerImage / pass.product.cpuPerImage)), unit: '', digits: 3 },
      { name: 'product ingest with gallery traffic', value: galleryPass.imagesPerSecond, unit: 'images/s', digits: 3 },
      { name: 'failed product uploads', value: failures, unit: '', target: { op: '<=', value: 0 }, digits: 0 },
      { name: 'gallery p99 during ingest ÷ idle p99', value: galleryRatio, unit: '', target: { op: '<=', value: 1.5 }, digits: 3 },
      { name: 'API process peak RSS during ingest', value: peak('api'), unit: 'MB', target: { op: '<=', value: 512 }, digits: 0 },
      { name: 'render child peak RSS', value: peak('render'), unit: 'MB', digits: 0 },
      { name: 'API + render child peak RSS', value: peak('apiPlusRender'), unit: 'MB', digits: 0 },
      { name: 'embedded S3 peak RSS', value: peak('s3'), unit: 'MB', digits: 0 },
      { name: 'bare server peak RSS', value: peak('bare', barePeaks), unit: 'MB', digits: 0 },
      { name: 'render time, decode once ÷ decode per rendition', value: decode.onceMs / decode.eachMs, unit: '', digits: 3 },
    ];
    const parameters = { images: IMAGES, concurrency: CONCURRENCY, rounds: ROUNDS, seed: SEED, renderConcurrency: RENDER_CONCURRENCY, renderThreads: RENDER_THREADS, uvThreadpoolSize: UV_THREADPOOL_SIZE, renderNice: process.env.RENDER_NICE ?? 'product default', galleryRequests: GALLERY_REQUESTS, galleryConcurrency: GALLERY_CONCURRENCY, decodeImages: DECODE_IMAGES, productUploadLimits: options['product-upload-limits'], gigabytes: Number(fmt(totalBytes / GB, 2)), roundRatios: ratios.map((ratio) => Number(fmt(ratio, 3))) };
    printTable(`Ingest of ${IMAGES} photos (${fmt(totalBytes / GB, 2)} GB), ${ROUNDS} round(s), total ${fmt((performance.now() - started) / 1000, 0)} s`, figures, parameters);
  } finally {
    await Promise.all([client.close(), sampler.close(), bare.close(), latency.close()]);
    await bench.close();
  }
});
