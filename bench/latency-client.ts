/**
 * A load generator that keeps every latency, for p99 figures (bench/load-client.ts keeps p50/p95/max
 * only). It runs in a child process, so generating load does not share the server's event loop:
 * this file forked with LATENCY_CLIENT_ROLE; it imports only Node built-ins, so the child starts
 * fast and loads nothing of the API.
 *
 * Closed loop: `concurrency` keep-alive connections, each sending its next request when its last one
 * is done, for a number of requests or until the parent says stop (a phase that lasts as long as some
 * other work does, e.g. an ingest).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ChildRpc, serve } from './child-rpc.js';

const LATENCY_CLIENT_ROLE = '--latency-client';

/** POST `body` to `url`, `concurrency` at a time, `requests` times (at most that many when stopped early). */
export interface LatencyRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  requests: number;
}

export interface LatencyResult {
  /** Request sent to last body byte, every request. */
  latenciesMs: number[];
  elapsedMs: number;
  failed: number;
  firstProblem?: string;
}

let stopRequested = false;

async function measureLatencies(request: LatencyRequest): Promise<LatencyResult> {
  stopRequested = false;
  const agent = new http.Agent({ keepAlive: true, maxSockets: request.concurrency });
  const body = Buffer.from(request.body);
  const headers = { ...request.headers, 'content-length': String(body.length) };
  const result: LatencyResult = { latenciesMs: [], elapsedMs: 0, failed: 0 };
  let bodyChecked = false;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const fail = (problem: string) => {
        result.failed++;
        result.firstProblem ??= problem;
        resolve();
      };
      const req = http.request(request.url, { method: 'POST', headers, agent }, (res) => {
        // The first 200 is read whole (GraphQL reports errors with 200); later bodies are only drained.
        const keep = !bodyChecked || res.statusCode !== 200;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (keep) chunks.push(chunk);
        });
        res.on('error', (error) => fail(error.message));
        res.on('end', () => {
          result.latenciesMs.push(performance.now() - started);
          const text = keep ? Buffer.concat(chunks).toString('utf8') : '';
          if (res.statusCode !== 200 || text.includes('"errors"')) return fail(`${res.statusCode} ${text.slice(0, 300)}`);
          bodyChecked = true;
          resolve();
        });
      });
      req.on('error', (error) => fail(error.message));
      req.end(body);
    });
  let issued = 0;
  const connection = async () => {
    while (issued < request.requests && !stopRequested) {
      issued++;
      await one();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: request.concurrency }, connection));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

/** The parent's handle on the child; one measurement at a time. */
export class LatencyClient {
  private readonly rpc = new ChildRpc(fileURLToPath(import.meta.url), LATENCY_CLIENT_ROLE);

  get pid(): number {
    return this.rpc.pid;
  }

  measure(request: LatencyRequest): Promise<LatencyResult> {
    return this.rpc.call('measure', request);
  }

  /** Ends the running measurement after the requests in flight; its `measure` then resolves. */
  stop(): void {
    this.rpc.notify('stop');
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

if (process.argv[2] === LATENCY_CLIENT_ROLE) {
  serve({
    measure: measureLatencies,
    stop: () => {
      stopRequested = true;
    },
  });
}
