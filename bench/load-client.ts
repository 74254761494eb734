/**
 * The benchmarks' HTTP client, run as a child process (see LoadClient in support.ts) so that
 * generating load and draining bodies does not share the server's event loop. Plain node:http with
 * a keep-alive agent: the lightest client there is, so the server is what gets measured.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  concurrency: number;
  requests: number;
}

export interface LoadResult {
  requests: number;
  failed: number;
  elapsedMs: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  /** Smallest and largest response body, as a sanity check that every response was the same page. */
  bodyBytes: { min: number; max: number };
  /** First non-200 status or body with `"errors"` seen, if any. */
  firstProblem?: string;
}

export interface DownloadResult {
  status: number;
  bytes: number;
  /** From sending the request to the response headers. */
  headersMs: number;
  /** From sending the request to the first body byte. */
  firstByteMs: number;
  elapsedMs: number;
}


async function load(request: LoadRequest): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: request.concurrency });
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const headers = { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const latencies: number[] = [];
  let failed = 0;
  let minBytes = Infinity;
  let maxBytes = 0;
  let firstProblem: string | undefined;
  let checkedBody = false;

  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.request(request.url, { method: request.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const keep = !checkedBody || res.statusCode !== 200;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) chunks.push(chunk);
        });
        res.on('end', () => {
          latencies.push(performance.now() - started);
          minBytes = Math.min(minBytes, bytes);
          maxBytes = Math.max(maxBytes, bytes);
          const text = keep ? Buffer.concat(chunks).toString('utf8') : '';
          if (res.statusCode !== 200 || text.includes('"errors"')) {
            failed++;
            firstProblem ??= `${res.statusCode} ${text.slice(0, 300)}`;
          }
          checkedBody = true;
          resolve();
        });
        res.on('error', (error) => {
          failed++;
          firstProblem ??= error.message;
          resolve();
        });
      });
      req.on('error', (error) => {
        failed++;
        firstProblem ??= error.message;
        resolve();
      });
      req.end(body);
    });

  let issued = 0;
  const worker = async () => {
    while (issued < request.requests) {
      issued++;
      await one();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: request.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: request.requests,
    failed,
    elapsedMs,
    requestsPerSecond: (request.requests / elapsedMs) * 1000,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? NaN },
    bodyBytes: { min: minBytes, max: maxBytes },
    firstProblem,
  };
}

function download(url: string, headers: Record<string, string> = {}): Promise<DownloadResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let headersMs = NaN;
    let firstByteMs = NaN;
    let bytes = 0;
    const req = http.get(url, { agent: false, headers }, (res) => {
      headersMs = performance.now() - started;
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, headersMs, firstByteMs, elapsedMs: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

process.on('message', (message: { id: number; cmd: 'load' | 'download' | 'exit'; request?: LoadRequest; url?: string; headers?: Record<string, string> }) => {
  if (message.cmd === 'exit') {
    process.disconnect?.();
    process.exit(0);
  }
  const work = message.cmd === 'load' ? load(message.request!) : download(message.url!, message.headers);
  work.then(
    (result) => process.send!({ id: message.id, result }),
    (error: Error) => process.send!({ id: message.id, error: error.stack ?? error.message }),
  );
});
