/**
 * Whole-shoot upload through the back office (issue 13): N photos of 8–12 MB (the ingest bench's
 * fixtures, bench/ingest-fixtures.ts) through the real upload screen in Chromium, against the same
 * files through the API without a browser, in the same run against the same server.
 *
 * - node: a child process (ingest-client.ts, product mode) walks requestImageUpload → PUT →
 *   completeImageUpload for each file, 4 at a time, as staff, streaming each file from disk. Its
 *   checksums come from the fixtures' manifest: the browser's hashing is part of what is measured.
 * - browser: the back office's upload screen (admin/src/uploads/) in Debian's Chromium, signed in as
 *   the same staff member, handed the same files: SHA-256 in its worker, the same calls with the same
 *   parallelism (UPLOAD_CONCURRENCY, read from admin/src/uploads/useUploadQueue.ts).
 *   Both are timed until every file is sent and its completion answered (renders are the API's work
 *   and the same either way; they run meanwhile in both, and each side waits for the previous side's
 *   renders to finish before it starts). Figure: browser files/s ÷ node files/s (≥ 0.7), median
 *   over rounds that alternate which side goes first.
 * - browser CPU: CPU seconds of all Chromium processes during its uploads (from /proc), and of the
 *   page's main thread and its SHA-256 worker (the renderer's threads in /proc), per file; reported,
 *   no target. The log also has the main thread's busy wall time (CDP Performance.getMetrics).
 * - JavaScript until the job list is usable after sign-in: every script the page loads from the
 *   sign-in page to the first row of the job list, each gzipped at zlib's default level (the API
 *   serves them uncompressed; a compressing proxy would send this much). Budget 600 KB (600,000 bytes).
 *
 * Options: --files N (200), --rounds R (1), --seed S, --profile-to FILE (the renderer main thread's
 * CPU profile of the browser's uploads, for DevTools; the last round's). A quick run: `npm run bench:browser-upload -- --files 20`.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BenchBrowser } from './browser-upload-browser.js';
import { IngestClient, type IngestFile } from './ingest-client.js';
import { DEFAULT_SEED, ensureFixtures } from './ingest-fixtures.js';
import { descendants, processGroup } from './processes.js';
import { fmt, makeStaff, median, onCleanup, printTable, run, startBenchServer, type Figure } from './support.js';
import { gqlClient, waitUntilSettled } from './upload-path.js';
import { DEMO_PASSWORD } from '../api/src/db/seed.js';
import { JobStatus } from '../api/src/shared/domain/job-status.js';

const { values: options } = parseArgs({
  options: {
    files: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'profile-to': { type: 'string' },
  },
});
const FILES = Number(options.files);
const ROUNDS = Number(options.rounds);
const SEED = Number(options.seed);
const KB = 1000;
const JS_BUDGET_BYTES = 600 * KB;

/** The browser's parallelism as the app has it, so the Node side uses the same. */
function appConcurrency(): number {
  const source = readFileSync(new URL('../admin/src/uploads/useUploadQueue.ts', import.meta.url), 'utf8');
  const found = /UPLOAD_CONCURRENCY = (\d+)/.exec(source);
  if (!found) throw new Error('UPLOAD_CONCURRENCY not found in admin/src/uploads/useUploadQueue.ts');
  return Number(found[1]);
}

/** CPU seconds so far of the API (this process) and of its children that do its work. */
function serverCpu(): number {
  const usage = process.cpuUsage();
  // Chromium's renderer has `--type=renderer` in its command line: it is the client, not the render child.
  const children = descendants().filter((child) => !child.command.includes('chromium') && ['render', 's3', 'postgres'].includes(processGroup(child.command) ?? ''));
  return (usage.user + usage.system) / 1e6 + children.reduce((sum, child) => sum + child.cpuSeconds, 0);
}

interface Side {
  seconds: number;
  serverCpuPerFile: number;
  failed: number;
  problem?: string;
}

run(async () => {
  const concurrency = appConcurrency();
  const loadAverageAtStart = os.loadavg().map((value) => Number(value.toFixed(2)));
  console.log(`browser upload of ${FILES} photos, ${concurrency} at a time, ${ROUNDS} round(s); load average ${os.loadavg().map((value) => fmt(value)).join(' ')}`);
  const fixtures = await ensureFixtures(FILES, SEED);
  const files: IngestFile[] = fixtures.map((fixture) => ({ filename: fixture.file, path: fixture.path, byteSize: fixture.bytes, sha256: fixture.sha256 }));
  const totalBytes = files.reduce((sum, file) => sum + file.byteSize, 0);
  // The page cache holds them for both sides alike (the fixtures may have been made long ago).
  for (const file of files) readFileSync(file.path);
  console.log(`fixtures: ${FILES} files, ${fmt(totalBytes / 1e9, 2)} GB`);

  const bench = await startBenchServer({
    env: {
      // Two sides × rounds uploads of the shoot by one staff member from one address: not what the limits are for.
      ...Object.fromEntries(['RATE_LIMIT_UPLOAD_IP', 'RATE_LIMIT_UPLOAD_USER', 'RATE_LIMIT_UPLOAD_STAFF_USER', 'RATE_LIMIT_UPLOAD_MIB_USER', 'RATE_LIMIT_UPLOAD_MIB_STAFF_USER'].map((name) => [name, '100000000/1m'])),
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
  });
  const client = new IngestClient();
  const browser = await BenchBrowser.open();
  onCleanup(() => Promise.all([client.close(), browser.close()]).then(() => undefined));

  const { services } = bench.server;
  const baseUrl = bench.server.url;
  const graphqlUrl = `${baseUrl}/graphql`;
  const staff = await makeStaff(bench);
  const staffGql = gqlClient(graphqlUrl, staff.token);
  const customer = await services.customers.create(services.orm.em.fork(), { name: 'Browser upload bench' });
  const newJob = (title: string) => services.jobs.create(services.orm.em.fork(), { customerId: customer.id, title, status: JobStatus.IN_PROGRESS, includedImages: 10, allImagesIncluded: false });

  // Sign-in first, on a cold page: what a person's browser loads before the job list is usable (with a job in it).
  await newJob('The studio’s first job');
  const budget = await browser.signInMeasuringScripts(baseUrl, staff.user.email, DEMO_PASSWORD);
  console.log(`sign-in to job list: ${budget.scripts} scripts, ${fmt(budget.rawBytes / KB, 0)} KB as sent, ${fmt(budget.gzipBytes / KB, 0)} KB gzipped, ${fmt(budget.ms, 0)} ms`);

  const nodeSide = async (label: string): Promise<Side> => {
    const job = await newJob(`Node ${label}`);
    const cpu = serverCpu();
    const result = await client.ingest({ mode: 'product', graphqlUrl, token: staff.token, jobId: job.id, files, concurrency });
    const seconds = (result.uploadedAt - result.startedAt) / 1000;
    const serverCpuPerFile = (serverCpu() - cpu) / FILES;
    const completed = Object.values(result.statuses).reduce((sum, count) => sum + count, 0);
    await waitUntilSettled(staffGql, job.id, completed);
    console.log(`${label} node:    ${FILES} files sent and completed in ${fmt(seconds, 1)} s = ${fmt(FILES / seconds, 3)} files/s, ${fmt(totalBytes / 1e6 / seconds, 1)} MB/s; failed ${result.failed}${result.firstProblem ? ` (${result.firstProblem})` : ''}; server CPU ${fmt(serverCpuPerFile, 3)} s/file`);
    return { seconds, serverCpuPerFile, failed: result.failed, problem: result.firstProblem };
  };

  const browserCpu: { perFile: number; mainThreadPerFile: number; workerPerFile: number }[] = [];
  const browserSide = async (label: string): Promise<Side> => {
    const job = await newJob(`Browser ${label}`);
    const cpu = serverCpu();
    const result = await browser.upload(baseUrl, job.id, files.map((file) => file.path), options['profile-to']);
    const serverCpuPerFile = (serverCpu() - cpu) / FILES;
    await waitUntilSettled(staffGql, job.id, FILES - result.failed);
    // The renderer's main thread carries the process's name; the hash worker runs on a DedicatedWorker thread.
    const threadCpu = (name: string) => result.rendererCpuByThread.find(([thread]) => thread === name)?.[1] ?? 0;
    browserCpu.push({ perFile: result.chromiumCpuSeconds / FILES, mainThreadPerFile: threadCpu('chromium') / FILES, workerPerFile: threadCpu('DedicatedWorker') / FILES });
    if (result.cspViolations.length > 0) throw new Error(`Content Security Policy violations on the upload screen: ${result.cspViolations.join('; ')}`);
    console.log(
      `${label} browser: ${FILES} files sent and completed in ${fmt(result.seconds, 1)} s = ${fmt(FILES / result.seconds, 3)} files/s, ${fmt(totalBytes / 1e6 / result.seconds, 1)} MB/s; failed ${result.failed}${result.firstFailure ? ` (${result.firstFailure})` : ''}; ` +
        `Chromium CPU ${fmt(result.chromiumCpuSeconds, 1)} s (${fmt((result.chromiumCpuSeconds / FILES) * 1000, 0)} ms/file; ${Object.entries(result.chromiumCpuByType).map(([type, seconds]) => `${type} ${fmt(seconds, 1)} s`).join(', ')}), renderer main thread busy ${fmt(result.mainThreadSeconds, 1)} s (wall, CDP TaskDuration); server CPU ${fmt(serverCpuPerFile, 3)} s/file`,
    );
    console.log(`  renderer CPU by thread: ${result.rendererCpuByThread.map(([name, seconds]) => `${name} ${fmt(seconds, 1)} s`).join(', ')}`);
    return { seconds: result.seconds, serverCpuPerFile, failed: result.failed, problem: result.firstFailure };
  };

  const ratios: number[] = [];
  const sides: { node: Side; browser: Side }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternating which goes first, so neither always meets a warmer server.
    const nodeFirst = round % 2 === 1;
    const first = nodeFirst ? await nodeSide(`round ${round}`) : await browserSide(`round ${round}`);
    const second = nodeFirst ? await browserSide(`round ${round}`) : await nodeSide(`round ${round}`);
    const [node, browserResult] = nodeFirst ? [first, second] : [second, first];
    sides.push({ node, browser: browserResult });
    ratios.push(node.seconds / browserResult.seconds);
    console.log(`round ${round}: browser ÷ node (files/s) = ${fmt(ratios[ratios.length - 1]!, 3)}`);
  }

  const nodeSeconds = median(sides.map((side) => side.node.seconds));
  const browserSeconds = median(sides.map((side) => side.browser.seconds));
  const figures: Figure[] = [
    { name: 'browser upload ÷ node upload (files/s)', value: median(ratios), unit: '', target: { op: '>=', value: 0.7 }, digits: 3 },
    { name: 'browser upload', value: FILES / browserSeconds, unit: 'files/s', digits: 3 },
    { name: 'node upload', value: FILES / nodeSeconds, unit: 'files/s', digits: 3 },
    { name: 'browser upload', value: totalBytes / 1e6 / browserSeconds, unit: 'MB/s', digits: 1 },
    { name: 'Chromium CPU per file (all its processes)', value: median(browserCpu.map((cpu) => cpu.perFile)) * 1000, unit: 'ms', digits: 0 },
    { name: 'of which the page’s main thread', value: median(browserCpu.map((cpu) => cpu.mainThreadPerFile)) * 1000, unit: 'ms', digits: 0 },
    { name: 'of which the SHA-256 worker (reading and hashing)', value: median(browserCpu.map((cpu) => cpu.workerPerFile)) * 1000, unit: 'ms', digits: 0 },
    { name: 'server CPU per file, browser ÷ node', value: median(sides.map((side) => side.browser.serverCpuPerFile / side.node.serverCpuPerFile)), unit: '', digits: 2 },
    { name: 'failed uploads (both sides)', value: sides.reduce((sum, side) => sum + side.node.failed + side.browser.failed, 0), unit: '', target: { op: '<=', value: 0 }, digits: 0 },
    { name: 'JavaScript until the job list is usable after sign-in, gzipped', value: budget.gzipBytes / KB, unit: 'KB', target: { op: '<=', value: JS_BUDGET_BYTES / KB }, digits: 0 },
    { name: 'JavaScript until the job list is usable, as sent (uncompressed)', value: budget.rawBytes / KB, unit: 'KB', digits: 0 },
  ];
  printTable(`Browser upload of ${FILES} photos (${fmt(totalBytes / 1e9, 2)} GB), ${ROUNDS} round(s)`, figures, {
    files: FILES,
    rounds: ROUNDS,
    seed: SEED,
    concurrency,
    gigabytes: Number((totalBytes / 1e9).toFixed(2)),
    roundRatios: ratios.map((ratio) => Number(ratio.toFixed(3))),
    scripts: budget.scripts,
    loadAverageAtStart,
  });
  await bench.close();
});
