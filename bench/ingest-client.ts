/**
 * The uploading studio of bench/ingest.ts, in its own process so that reading files and sending
 * 10 MB bodies does not share the API's event loop. Forked by IngestClient; imports only Node
 * built-ins and upload-path.ts.
 *
 * `product`: request → PUT → complete per file through the API, `concurrency` files at a time.
 * `bare`: one PUT per file to the bare server (bytes + their SHA-256 in a header), as many at a time.
 * Either way files stream from disk, and the figures are wall-clock times (epoch ms, comparable with
 * the database's and the bare server's clocks on this machine).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ChildRpc, serve } from './child-rpc.js';
import { median } from './stats.js';
import { gqlClient, put, uploadImage, type UploadOutcome } from './upload-path.js';

const INGEST_CLIENT_ROLE = '--ingest-client';

export interface IngestFile {
  filename: string;
  path: string;
  byteSize: number;
  sha256: string;
}

export type IngestRequest =
  | { mode: 'product'; graphqlUrl: string; token: string; jobId: string; files: IngestFile[]; concurrency: number }
  | { mode: 'bare'; url: string; files: IngestFile[]; concurrency: number };

export interface IngestResult {
  /** Epoch ms when the first request was sent. */
  startedAt: number;
  /** Epoch ms when the last upload was answered (completed, or stored by the bare server). */
  uploadedAt: number;
  failed: number;
  firstProblem?: string;
  /** What completion answered, by status (product only). */
  statuses: Record<string, number>;
  /** PUTs sent again after a reused keep-alive connection was reset, and the first reset. */
  putRetries: number;
  firstRetry?: string;
  /** Median ms per step: request, PUT, complete (bare: PUT only). */
  medianMs: { request: number; put: number; complete: number };
}

const now = () => performance.timeOrigin + performance.now();

async function ingest(request: IngestRequest): Promise<IngestResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: request.concurrency });
  const gql = request.mode === 'product' ? gqlClient(request.graphqlUrl, request.token) : undefined;
  const outcomes: UploadOutcome[] = [];
  const one = async (file: IngestFile): Promise<UploadOutcome> => {
    const body = { path: file.path, byteSize: file.byteSize };
    if (request.mode === 'product') return uploadImage(gql!, request.jobId, { filename: file.filename, sha256: file.sha256, body }, agent);
    const started = performance.now();
    const sent = await put(`${request.url}/images/${encodeURIComponent(file.filename)}`, body, { 'content-type': 'image/jpeg', 'x-sha256': file.sha256 }, agent);
    const ms = { request: 0, put: performance.now() - started, complete: 0 };
    return sent.status === 200 ? { ms, status: 'STORED', retriedPut: sent.retried } : { ms, problem: `bare PUT answered ${sent.status}: ${sent.text.slice(0, 300)}` };
  };
  const queue = [...request.files];
  const startedAt = now();
  await Promise.all(
    Array.from({ length: request.concurrency }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        outcomes.push(await one(file).catch((error: Error): UploadOutcome => ({ ms: { request: 0, put: 0, complete: 0 }, problem: `${file.filename}: ${error.message}` })));
      }
    }),
  );
  const uploadedAt = now();
  agent.destroy();
  const statuses: Record<string, number> = {};
  for (const outcome of outcomes) if (outcome.status) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
  const failures = outcomes.filter((outcome) => outcome.problem);
  const retried = outcomes.filter((outcome) => outcome.retriedPut);
  const medianOf = (step: keyof UploadOutcome['ms']) => median(outcomes.map((outcome) => outcome.ms[step]));
  return {
    startedAt,
    uploadedAt,
    failed: failures.length,
    firstProblem: failures[0]?.problem,
    statuses,
    putRetries: retried.length,
    firstRetry: retried[0]?.retriedPut,
    medianMs: { request: medianOf('request'), put: medianOf('put'), complete: medianOf('complete') },
  };
}

/** The parent's handle on the child. */
export class IngestClient {
  private readonly rpc = new ChildRpc(fileURLToPath(import.meta.url), INGEST_CLIENT_ROLE);

  get pid(): number {
    return this.rpc.pid;
  }

  ingest(request: IngestRequest): Promise<IngestResult> {
    return this.rpc.call('ingest', request);
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

if (process.argv[2] === INGEST_CLIENT_ROLE) serve({ ingest });
