import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '../src/modules/jobs/job.entity.js';
import { standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, sha256, uploads } from './support/uploads.js';
import { readZip } from './support/zip.js';

/**
 * Issue 14: an archive's exact bytes are known before the first one is sent — Content-Length, a
 * strong ETag, single ranges as 206 — and the same images give the same bytes on any instance.
 */
const ARCHIVE_TICKET = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }';
const IMAGE_TICKET = 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }';
const BLOCK = 'mutation($id: ID!) { setImageSelectionState(imageId: $id, state: BLOCKED, reason: "test") { id } }';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
let job: Job;
const originals = new Map<string, Buffer>();

async function ticketUrl(baseUrl: string, jobId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.customerToken}` },
    body: JSON.stringify({ query: ARCHIVE_TICKET, variables: { id: jobId } }),
  });
  const body = (await response.json()) as { data?: { jobArchiveDownload: { url: string } }; errors?: unknown };
  if (!body.data) throw new Error(`no ticket: ${JSON.stringify(body.errors)}`);
  return body.data.jobArchiveDownload.url;
}

async function download(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
  job = await cast.make.job(cast.customer, { allImagesIncluded: true });
  for (let index = 0; index < 3; index++) {
    const bytes = await makeJpeg(300 + index * 40, 200, { r: 30 * index, g: 140, b: 90 });
    const { completed } = await uploads(server).upload(cast.staffToken, bytes, { jobId: job.id, filename: `room-${index}.jpg` });
    originals.set(completed.data!.completeImageUpload.id, bytes);
  }
});
afterAll(() => server?.close());

describe('archive downloads', () => {
  it('state their exact length and a strong ETag, and hold every original byte for byte', async () => {
    const whole = await download(await ticketUrl(server.url, job.id));
    expect(whole.status).toBe(200);
    expect(Number(whole.headers.get('content-length'))).toBe(whole.body.length);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('etag')).toMatch(/^"[\w-]{43}"$/);
    expect(whole.headers.get('transfer-encoding')).toBeNull();
    expect(readZip(whole.body).map((entry) => sha256(entry.data)).sort()).toEqual([...originals.values()].map(sha256).sort());
  });

  it('are byte-identical from a second API instance and after a restart', async () => {
    const first = await download(await ticketUrl(server.url, job.id));
    for (let round = 0; round < 2; round++) {
      // A second instance on the same database and storage; closing it and starting another is a restart.
      const twin = await server.startTwin();
      try {
        const again = await download(await ticketUrl(twin.url, job.id));
        expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
        expect(again.body.equals(first.body)).toBe(true);
      } finally {
        await twin.close();
      }
    }
  });

  it('answer one range with 206 and exactly those bytes; several ranges, a stale If-Range or a malformed header with all of it; a range past the end with 416', async () => {
    const url = await ticketUrl(server.url, job.id);
    const whole = await download(url);
    const size = whole.body.length;
    const etag = whole.headers.get('etag')!;
    const cut = Math.floor(size * 0.6);

    const rest = await download(url, { range: `bytes=${cut}-`, 'if-range': etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes ${cut}-${size - 1}/${size}`);
    expect(Number(rest.headers.get('content-length'))).toBe(size - cut);
    expect(Buffer.concat([whole.body.subarray(0, cut), rest.body]).equals(whole.body)).toBe(true);

    const middle = await download(url, { range: 'bytes=100-199' });
    expect([middle.status, middle.body.equals(whole.body.subarray(100, 200))]).toEqual([206, true]);
    const suffix = await download(url, { range: 'bytes=-22' });
    expect([suffix.status, suffix.body.equals(whole.body.subarray(size - 22))]).toEqual([206, true]);

    for (const headers of [{ range: 'bytes=0-9,500-599' } as Record<string, string>, { range: `bytes=${cut}-`, 'if-range': '"stale"' }, { range: 'pages=1-2' }, { range: 'bytes=abc' }]) {
      const full = await download(url, headers);
      expect([full.status, full.body.equals(whole.body)], JSON.stringify(headers)).toEqual([200, true]);
    }

    const beyond = await download(url, { range: `bytes=${size}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(JSON.parse(beyond.body.toString('utf8'))).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'RANGE_NOT_SATISFIABLE', byteSize: size } }] });
  });

  it('read from storage only the parts of the originals a range covers', async () => {
    const url = await ticketUrl(server.url, job.id);
    const size = (await download(url)).body.length;
    const reads = vi.spyOn(server.services.storage, 'openStream');
    try {
      const tail = await download(url, { range: `bytes=${Math.floor(size * 0.9)}-` });
      expect(tail.status).toBe(206);
      const ranged = reads.mock.calls.filter(([, range]) => range !== undefined);
      expect(reads.mock.calls.length).toBe(ranged.length);
      expect(ranged.length).toBeLessThanOrEqual(1);
      const readBytes = ranged.reduce((sum, [, range]) => sum + range!.end - range!.start + 1, 0);
      expect(readBytes).toBeLessThan(size * 0.1);
    } finally {
      reads.mockRestore();
    }
  });

  it('change their ETag when what is released changes, so a resume of the old archive gets the new one whole', async () => {
    const url = await ticketUrl(server.url, job.id);
    const before = await download(url);
    await server.gql(BLOCK, { id: [...originals.keys()][0] }, cast.staffToken);
    const after = await download(url, { range: 'bytes=1000-', 'if-range': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(readZip(after.body)).toHaveLength(2);
  });
});

describe('single image downloads', () => {
  it('carry the original’s SHA-256 as ETag and answer ranges like archives do', async () => {
    const [id, bytes] = [...originals][1]!;
    const url = (await server.gql(IMAGE_TICKET, { id }, cast.customerToken)).data!.imageDownloadUrl.url as string;
    const whole = await download(url);
    expect([whole.status, whole.headers.get('etag'), Number(whole.headers.get('content-length')), whole.body.equals(bytes)]).toEqual([200, `"${sha256(bytes)}"`, bytes.length, true]);
    const half = Math.floor(bytes.length / 2);
    const rest = await download(url, { range: `bytes=${half}-`, 'if-range': `"${sha256(bytes)}"` });
    expect([rest.status, rest.headers.get('content-range'), rest.body.equals(bytes.subarray(half))]).toEqual([206, `bytes ${half}-${bytes.length - 1}/${bytes.length}`, true]);
    expect((await download(url, { range: `bytes=${half}-`, 'if-range': '"other"' })).status).toBe(200);
    const beyond = await download(url, { range: `bytes=${bytes.length}-` });
    expect([beyond.status, beyond.headers.get('content-range')]).toEqual([416, `bytes */${bytes.length}`]);
  });
});
