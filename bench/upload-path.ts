/**
 * The product's upload path as a client walks it — `requestImageUpload`, PUT the bytes where it
 * says, `completeImageUpload` — and the wait until a job's images are rendered. Only Node built-ins
 * (global fetch): the ingest load client imports it in its own process, the gallery-under-enhancement
 * bench in the API's.
 *
 * Completion answers READY where it renders inline and PROCESSING where rendering is a queued task;
 * both count as done here, and `waitUntilSettled` waits for READY or FAILED either way.
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type Gql = <T = any>(query: string, variables: Record<string, unknown>) => Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;

/** POST /graphql as the holder of `token`. */
export const gqlClient =
  (graphqlUrl: string, token: string): Gql =>
  async (query, variables) => {
    const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return response.json() as Promise<any>;
  };

const REQUEST = 'mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) { url method headers { name value } image { id } } }';
const COMPLETE = 'mutation($id: ID!) { completeImageUpload(imageId: $id) { id status failureReason } }';
// PROCESSING is not asked for by name: it does not exist in schemas that render inline.
const SETTLED = 'query($id: ID!) { job(id: $id) { images(first: 1, filter: { status: [READY, FAILED] }) { totalCount } } }';

/** The bytes, in memory or as a file streamed from disk (how a browser sends a picked file). */
export type UploadBody = { bytes: Buffer } | { path: string; byteSize: number };

export interface UploadOutcome {
  imageId?: string;
  /** What `completeImageUpload` answered (READY, PROCESSING or FAILED), or undefined if a step failed. */
  status?: string;
  /** Which step went wrong and how. */
  problem?: string;
  /** Why the PUT was sent a second time (a reused connection reset before any response), if it was. */
  retriedPut?: string;
  ms: { request: number; put: number; complete: number };
}

const byteSize = (body: UploadBody) => ('bytes' in body ? body.bytes.length : body.byteSize);

/**
 * PUT `body` to `url` with node:http, so a file streams from disk without a copy in memory. A
 * keep-alive connection the server closes just as it is reused resets the request before any
 * response: that one is sent again once on a new connection, as Node's documentation advises
 * (`request.reusedSocket`) and as browsers do.
 */
export async function put(url: string, body: UploadBody, headers: Record<string, string>, agent?: http.Agent): Promise<{ status: number; text: string; retried?: string }> {
  try {
    return await putOnce(url, body, headers, agent);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (!(error as { reusedSocket?: boolean }).reusedSocket || !['ECONNRESET', 'EPIPE'].includes(code ?? '')) throw error;
    // Reported, so a server that really resets uploads is not hidden by the retry.
    return { ...(await putOnce(url, body, headers, agent)), retried: (error as Error).message };
  }
}

function putOnce(url: string, body: UploadBody, headers: Record<string, string>, agent?: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', headers: { ...headers, 'content-length': String(byteSize(body)) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if ('bytes' in body) req.end(body.bytes);
    else createReadStream(body.path).on('error', reject).pipe(req);
  });
}

/** Request, PUT and complete one image; a failed step is reported, not thrown. */
export async function uploadImage(gql: Gql, jobId: string, file: { filename: string; sha256: string; body: UploadBody }, agent?: http.Agent): Promise<UploadOutcome> {
  const ms = { request: 0, put: 0, complete: 0 };
  let started = performance.now();
  const requested = await gql<{ requestImageUpload: { url: string; headers: { name: string; value: string }[]; image: { id: string } } }>(REQUEST, {
    input: { jobId, filename: file.filename, contentType: 'image/jpeg', byteSize: byteSize(file.body), sha256: file.sha256 },
  });
  ms.request = performance.now() - started;
  const ticket = requested.data?.requestImageUpload;
  if (!ticket) return { ms, problem: `requestImageUpload: ${JSON.stringify(requested.errors).slice(0, 400)}` };
  started = performance.now();
  const sent = await put(ticket.url, file.body, Object.fromEntries(ticket.headers.map((header) => [header.name, header.value])), agent);
  ms.put = performance.now() - started;
  if (sent.status < 200 || sent.status >= 300) return { ms, imageId: ticket.image.id, problem: `PUT answered ${sent.status}: ${sent.text.slice(0, 300)}` };
  started = performance.now();
  const completed = await gql<{ completeImageUpload: { status: string; failureReason: string | null } }>(COMPLETE, { id: ticket.image.id });
  ms.complete = performance.now() - started;
  const image = completed.data?.completeImageUpload;
  if (!image) return { ms, imageId: ticket.image.id, problem: `completeImageUpload: ${JSON.stringify(completed.errors).slice(0, 400)}` };
  return { ms, imageId: ticket.image.id, status: image.status, retriedPut: sent.retried, ...(image.status === 'FAILED' ? { problem: `completed FAILED: ${image.failureReason}` } : {}) };
}

/** How many of the job's images are READY or FAILED. */
export async function settledCount(gql: Gql, jobId: string): Promise<number> {
  const response = await gql<{ job: { images: { totalCount: number } } }>(SETTLED, { id: jobId });
  if (!response.data) throw new Error(`polling the job failed: ${JSON.stringify(response.errors)}`);
  return response.data.job.images.totalCount;
}

/**
 * Polls until `expected` of the job's images are READY or FAILED. Gives up when the count has not
 * moved for `stallMs` (a render that never ends must not hang the bench).
 */
export async function waitUntilSettled(gql: Gql, jobId: string, expected: number, options: { intervalMs?: number; stallMs?: number } = {}): Promise<void> {
  const { intervalMs = 250, stallMs = 180_000 } = options;
  let last = -1;
  let movedAt = performance.now();
  for (;;) {
    const count = await settledCount(gql, jobId);
    if (count >= expected) return;
    if (count !== last) [last, movedAt] = [count, performance.now()];
    else if (performance.now() - movedAt > stallMs) throw new Error(`only ${count} of ${expected} images settled, none more in ${stallMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
