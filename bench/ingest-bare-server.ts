/**
 * The baseline of bench/ingest.ts: the work an ingest cannot avoid, without the product around it.
 * A plain `node:http` server in its own process (as the API is one process): each PUT body is
 * received, its SHA-256 checked against the `x-sha256` header, the bytes put into the same embedded
 * S3 server the API uses as the original, and the PUT answered (what `completeImageUpload` does
 * before it answers); then `renderRenditions` (the product's function: same four renditions) makes
 * the renditions from the bytes in memory, RENDER_CONCURRENCY at a time, with sharp.concurrency =
 * RENDER_THREADS and no sharp cache (as the product's render process), and puts them with
 * `storeRenditions`. No database, queue, tokens, GraphQL, second read of the bytes or child process.
 * UV_THREADPOOL_SIZE comes from the environment the parent forks it with (its own).
 *
 * Forked by BareServer with its role; the parent sets it up with `init` and learns with `settle` when
 * a pass's renders are done.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { renderRenditions } from '../api/src/modules/images/image-processing.js';
import { storeRenditions } from '../api/src/modules/images/rendition-storage.js';
import { ObjectStorage, type StorageSettings } from '../api/src/storage/object-storage.js';
import { ChildRpc, serve } from './child-rpc.js';
import { compareDecodes, type DecodeComparison } from './naive-renditions.js';
import { median } from './stats.js';

const BARE_SERVER_ROLE = '--ingest-bare-server';

export interface BareSettings {
  storage: StorageSettings;
  threads: number;
  renderConcurrency: number;
  watermarkText: string;
  maxPixels: number;
}

export interface BarePass {
  /** Epoch ms when the last render of the pass was stored. */
  lastSettledAt: number;
  rendered: number;
  failed: number;
  firstProblem?: string;
  medianRenderMs: number;
}

let settings: BareSettings;
let storage: ObjectStorage;
/** Every key this pass stored, for `clear`. */
let keys: string[] = [];
let pass: { expected: number; settled: Promise<BarePass>; done: (result: BarePass) => void; result: BarePass; renderMs: number[] } | undefined;

const renderQueue: (() => Promise<void>)[] = [];
let rendering = 0;

function schedule(render: () => Promise<void>): void {
  renderQueue.push(render);
  drain();
}

function drain(): void {
  while (rendering < settings.renderConcurrency && renderQueue.length > 0) {
    rendering++;
    void renderQueue.shift()!().finally(() => {
      rendering--;
      drain();
    });
  }
}

function settle(problem?: string, renderMs?: number): void {
  if (!pass) return console.error(`bare server: a PUT outside a pass (${problem ?? 'rendered'})`);
  const { result } = pass;
  if (problem) {
    result.failed++;
    result.firstProblem ??= problem;
  } else {
    result.rendered++;
    pass.renderMs.push(renderMs!);
  }
  if (result.rendered + result.failed === pass.expected) {
    result.lastSettledAt = performance.timeOrigin + performance.now();
    result.medianRenderMs = median(pass.renderMs);
    pass.done(result);
  }
}

async function render(name: string, bytes: Buffer): Promise<void> {
  const started = performance.now();
  try {
    const renditions = await renderRenditions(bytes, { watermarkText: settings.watermarkText, maxPixels: settings.maxPixels });
    const stored = await storeRenditions(storage, { customerId: 'bare', jobId: 'ingest', imageId: name }, renditions);
    keys.push(...Object.values(stored).map((rendition) => rendition.key));
    settle(undefined, performance.now() - started);
  } catch (error) {
    settle(`${name}: ${(error as Error).message}`);
  }
}

async function receive(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const name = decodeURIComponent(req.url!.replace(/^\/images\//, ''));
  const declared = Number(req.headers['content-length']);
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  if (req.method !== 'PUT' || bytes.length !== declared || hash.digest('hex') !== req.headers['x-sha256']) {
    res.writeHead(400).end(`refused ${name}: ${req.method}, ${bytes.length} of ${declared} bytes, or another SHA-256`);
    settle(`${name} refused`);
    return;
  }
  const key = `bare/originals/${name}`;
  await storage.put(key, bytes, { contentType: 'image/jpeg', byteSize: bytes.length });
  keys.push(key);
  res.writeHead(200).end();
  schedule(() => render(name, bytes));
}

async function init(options: BareSettings): Promise<{ url: string }> {
  settings = options;
  storage = new ObjectStorage(options.storage);
  sharp.concurrency(options.threads);
  sharp.cache(false);
  const server = http.createServer((req, res) => {
    receive(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500).end(error.message);
      settle(`${req.url}: ${error.message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Starts counting a pass of `expected` PUTs; answered before the client sends any. */
function expect({ expected }: { expected: number }): void {
  let done!: (result: BarePass) => void;
  const settled = new Promise<BarePass>((resolve) => (done = resolve));
  pass = { expected, settled, done, renderMs: [], result: { lastSettledAt: 0, rendered: 0, failed: 0, medianRenderMs: NaN } };
}

/** Deletes what the passes stored, so rounds do not fill the disk. */
async function clear(): Promise<void> {
  for (let start = 0; start < keys.length; start += 1000) await storage.delete(keys.slice(start, start + 1000));
  keys = [];
}

/** The parent's handle. */
export class BareServer {
  private readonly rpc = new ChildRpc(fileURLToPath(import.meta.url), BARE_SERVER_ROLE);

  get pid(): number {
    return this.rpc.pid;
  }

  init(options: BareSettings): Promise<{ url: string }> {
    return this.rpc.call('init', options);
  }

  expect(expected: number): Promise<void> {
    return this.rpc.call('expect', { expected });
  }

  /** Once every PUT of the pass is rendered or refused. */
  settled(): Promise<BarePass> {
    return this.rpc.call('settled');
  }

  clear(): Promise<void> {
    return this.rpc.call('clear');
  }

  /** Decode once ÷ decode per rendition, run here because sharp is set up as the renders need it. */
  compareDecodes(paths: string[]): Promise<DecodeComparison> {
    return this.rpc.call('compareDecodes', { paths });
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

if (process.argv[2] === BARE_SERVER_ROLE) {
  serve({
    init,
    expect,
    settled: () => pass?.settled ?? Promise.reject(new Error('no pass was expected')),
    clear,
    compareDecodes: ({ paths }: { paths: string[] }) => compareDecodes(paths, { maxPixels: settings.maxPixels, watermarkText: settings.watermarkText }),
  });
}
