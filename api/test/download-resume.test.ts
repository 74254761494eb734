import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { readZip } from './support/zip.js';

/**
 * PRODUCT.md rule 7: a ticket's lifetime limits when a transfer may start; a transfer that started
 * in time may be resumed on the same URL (Range with a matching If-Range) for 24 hours, and each
 * resume runs the access module and the policy again.
 */
const TTL_SECONDS = 5;
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url expiresAt byteSize fileCount } }';
const IMAGE_TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url byteSize fileCount } }';
const BLOCK = 'mutation($id: ID!) { setImageSelectionState(imageId: $id, state: BLOCKED, reason: "resume test") { id } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id, reason: "resume test") { id } }';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const sql = (query: string, params: unknown[] = []) => server.services.orm.em.fork().getConnection().execute(query, params);

async function shoot(count: number): Promise<{ job: Job; originals: Map<string, Buffer> }> {
  const job = await cast.make.job(cast.customer, { allImagesIncluded: true });
  const originals = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    const bytes = await makeJpeg(400 + index * 30, 300, { r: 60 + index * 20, g: 100, b: 200 - index * 10 });
    const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: `shot-${index}.jpg` });
    originals.set(completed.data!.completeImageUpload.id, bytes);
  }
  return { job, originals };
}

/** Reads the first `bytes` of the URL, then drops the connection, as a train entering a tunnel does. */
function readThenDrop(url: string, bytes: number): Promise<{ head: Buffer; etag: string; size: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (response) => {
      const chunks: Buffer[] = [];
      let got = 0;
      response.on('data', (chunk: Buffer) => {
        if (got >= bytes) return;
        chunks.push(chunk.subarray(0, bytes - got));
        got += Math.min(chunk.length, bytes - got);
        if (got >= bytes) {
          req.destroy();
          resolve({ head: Buffer.concat(chunks), etag: String(response.headers.etag), size: Number(response.headers['content-length']) });
        }
      });
      response.on('error', () => undefined);
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
    req.end();
  });
}

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
};
const pastExpiry = () => new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + 1) * 1000));

beforeAll(async () => {
  server = await startTestServer({ SIGNED_URL_TTL_SECONDS: String(TTL_SECONDS) });
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('resuming a download after its ticket expired (rule 7)', () => {
  it('cut at 60 %, past the ticket’s lifetime, after a restart: the rest joins into the identical archive', async () => {
    const { job, originals } = await shoot(4);
    const ticket = (await server.gql(ARCHIVE_TICKET, { id: job.id }, cast.customerToken)).data!.jobArchiveDownload;
    expect(ticket.fileCount).toBe(4);
    const cut = Math.floor(ticket.byteSize * 0.6);
    const first = await readThenDrop(ticket.url, cut);
    expect(first.size).toBe(ticket.byteSize);
    await pastExpiry();
    // A new instance on the same database and storage: the API was restarted meanwhile.
    const restarted = await server.startTwin();
    try {
      const resumeUrl = ticket.url.replace(server.url, restarted.url);
      const rest = await get(resumeUrl, { range: `bytes=${cut}-`, 'if-range': first.etag });
      expect(rest.status).toBe(206);
      const joined = Buffer.concat([first.head, rest.body]);
      expect(joined.length).toBe(ticket.byteSize);
      expect(readZip(joined).map((entry) => sha256(entry.data)).sort()).toEqual([...originals.values()].map(sha256).sort());
      // Without If-Range, or the whole file, it is a new download: an expired link starts none.
      expect(errorCode(JSON.parse((await get(resumeUrl, { range: `bytes=${cut}-` })).body.toString()))).toBe('FORBIDDEN');
      expect((await get(resumeUrl)).status).toBe(403);
      expect((await get(resumeUrl, { range: `bytes=${cut}-`, 'if-range': '"some-other-archive"' })).status).toBe(403);
    } finally {
      await restarted.close();
    }
  });

  it('a resume after an image was blocked is refused, and so is one after the user was deactivated', async () => {
    const { job, originals } = await shoot(2);
    const ticket = (await server.gql(ARCHIVE_TICKET, { id: job.id }, cast.customerToken)).data!.jobArchiveDownload;
    const first = await readThenDrop(ticket.url, Math.floor(ticket.byteSize / 2));
    await pastExpiry();
    await server.gql(BLOCK, { id: [...originals.keys()][0] }, cast.staffToken);
    const blocked = await get(ticket.url, { range: `bytes=${first.head.length}-`, 'if-range': first.etag });
    expect(blocked.status).toBe(403);

    const user = await cast.make.user('CUSTOMER' as never, cast.customer);
    const { signIn } = await import('./support/factories.js');
    const token = await signIn(server, user.email);
    const [imageId, bytes] = [...originals][1]!;
    const imageTicket = (await server.gql(IMAGE_TICKET, { id: imageId }, token)).data!.imageDownloadUrl;
    expect([imageTicket.byteSize, imageTicket.fileCount]).toEqual([bytes.length, 1]);
    const half = await readThenDrop(imageTicket.url, Math.floor(bytes.length / 2));
    await server.gql(DEACTIVATE, { id: user.id }, cast.staffToken);
    expect((await get(imageTicket.url, { range: `bytes=${half.head.length}-`, 'if-range': half.etag })).status).toBe(403);
  });

  it('an expired ticket that never started a transfer, or one whose transfer started more than 24 hours ago, opens nothing', async () => {
    const { job, originals } = await shoot(1);
    const [imageId, bytes] = [...originals][0]!;
    const unused = (await server.gql(IMAGE_TICKET, { id: imageId }, cast.customerToken)).data!.imageDownloadUrl;
    const used = (await server.gql(IMAGE_TICKET, { id: imageId }, cast.customerToken)).data!.imageDownloadUrl;
    const half = await readThenDrop(used.url, Math.floor(bytes.length / 2));
    await pastExpiry();
    const resume = { range: `bytes=${half.head.length}-`, 'if-range': half.etag };
    expect((await get(unused.url, resume)).status).toBe(403);
    const resumed = await get(used.url, resume);
    expect([resumed.status, Buffer.concat([half.head, resumed.body]).equals(bytes)]).toEqual([206, true]);
    await sql(`UPDATE deliveries SET created_at = now() - interval '25 hours' WHERE job_id = ?`, [job.id]);
    expect((await get(used.url, resume)).status).toBe(403);
  }, 30_000);
});
