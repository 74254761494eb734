/**
 * Hostile tests for the embedded S3 server: only a caller holding this start's secret (the API)
 * gets or changes anything. Everyone else on the machine knows the port (it is a loopback TCP
 * port, and ports can be scanned) and s3rver's well-known credentials, but not the secret.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded-s3.js';
import { ObjectStorage } from './object-storage.js';

const BUCKET = 'photos';
const ORIGINAL = 'originals/customer-a/unreleased.jpg';
const OTHER = 'originals/customer-b/other.jpg';
const WATERMARKED = 'renditions/img-1/preview_watermarked.jpg';
const THUMBNAIL = 'renditions/img-1/thumbnail.jpg';

describe('embedded S3 refuses everyone but the API', () => {
  let directory: string;
  let s3: EmbeddedS3;
  let api: ObjectStorage;
  const logLines: string[] = [];
  const originalBytes = randomBytes(64 * 1024);
  const otherBytes = randomBytes(1024);
  const watermarkedBytes = randomBytes(2048);

  const storageWith = (secretAccessKey: string, accessKeyId = s3.accessKeyId) =>
    new ObjectStorage({ endpoint: s3.endpoint, region: 'us-east-1', bucket: BUCKET, accessKeyId, secretAccessKey, forcePathStyle: true });
  const objectUrl = (key: string) => `${s3.endpoint}/${BUCKET}/${key}`;
  const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'pixgate-embedded-s3-access-'));
    const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
    s3 = await startEmbeddedS3({ directory: path.join(directory, 's3'), buckets: [BUCKET], logger });
    api = storageWith(s3.secretAccessKey);
    await api.put(ORIGINAL, originalBytes, { contentType: 'image/jpeg' });
    await api.put(OTHER, otherBytes, { contentType: 'image/jpeg' });
    await api.put(WATERMARKED, watermarkedBytes, { contentType: 'image/jpeg' });
    await api.put(THUMBNAIL, otherBytes, { contentType: 'image/jpeg' });
  });

  afterAll(async () => {
    api?.destroy();
    await s3?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  describe('unsigned requests', () => {
    it('GET of an object is refused with an S3 error, without a byte of it', async () => {
      const response = await fetch(objectUrl(ORIGINAL));
      expect(response.status).toBe(403);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.includes(originalBytes.subarray(0, 32))).toBe(false);
      expect(body.toString()).toMatch(/<Error>\s*<Code>AccessDenied<\/Code>/);
    });

    it('LIST of the bucket is refused and names no key', async () => {
      const response = await fetch(`${s3.endpoint}/${BUCKET}/?max-keys=2`);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('originals/');
    });

    it('PUT over a watermarked rendition is refused and the object stays as it was', async () => {
      const response = await fetch(objectUrl(WATERMARKED), { method: 'PUT', body: originalBytes, headers: { 'content-type': 'image/jpeg' } });
      expect(response.status).toBe(403);
      expect((await api.read(WATERMARKED)).equals(watermarkedBytes)).toBe(true);
    });

    it('DELETE is refused and the object stays', async () => {
      const response = await fetch(objectUrl(THUMBNAIL), { method: 'DELETE' });
      expect(response.status).toBe(403);
      expect((await api.read(THUMBNAIL)).equals(otherBytes)).toBe(true);
    });
  });

  describe('wrongly signed requests', () => {
    it('a GET signed with another secret (here s3rver’s well-known one) is refused', async () => {
      const forger = storageWith('S3RVER', 'S3RVER');
      await expect(forger.read(ORIGINAL).catch(statusOf)).resolves.toBe(403);
      forger.destroy();
    });

    it('a PUT signed with another secret is refused and the object stays as it was', async () => {
      const forger = storageWith(`${s3.secretAccessKey}x`);
      await expect(forger.put(WATERMARKED, originalBytes, { contentType: 'image/jpeg' }).catch(statusOf)).resolves.toBe(403);
      forger.destroy();
      expect((await api.read(WATERMARKED)).equals(watermarkedBytes)).toBe(true);
    });

    it('a presigned URL pointed at another object, or given a longer life, is refused', async () => {
      const url = new URL(await api.presignGet(ORIGINAL, { expiresInSeconds: 60 }));
      expect((await fetch(url)).status).toBe(200);
      const otherObject = new URL(url);
      otherObject.pathname = otherObject.pathname.replace(ORIGINAL, OTHER);
      expect((await fetch(otherObject)).status).toBe(403);
      const renamed = new URL(url);
      renamed.searchParams.set('response-content-disposition', 'attachment; filename="x.jpg"');
      expect((await fetch(renamed)).status).toBe(403);
    });

    it('a presigned PUT cannot carry another type than it signed', async () => {
      const url = await api.presignPut(WATERMARKED, { contentType: 'image/jpeg', byteSize: originalBytes.length, expiresInSeconds: 60 });
      const response = await fetch(url, { method: 'PUT', body: originalBytes, headers: { 'content-type': 'text/html' } });
      expect(response.status).toBe(403);
      expect((await api.read(WATERMARKED)).equals(watermarkedBytes)).toBe(true);
    });
  });

  describe('expired presigned URLs', () => {
    const expiredUrl = async () => new URL(await api.presignGet(ORIGINAL, { expiresInSeconds: 60, signingDate: new Date(Date.now() - 10 * 60_000) }));

    it('are refused', async () => {
      expect((await fetch(await expiredUrl())).status).toBe(403);
    });

    it('are refused when their expiry was raised after signing', async () => {
      const url = await expiredUrl();
      url.searchParams.set('X-Amz-Expires', '3600');
      expect((await fetch(url)).status).toBe(403);
    });
  });

  describe('a foreign process that knows the port but not the secret', () => {
    const curl = async (...args: string[]) => {
      const { stdout } = await promisify(execFile)('curl', ['-s', '-o', '-', '-w', '\n%{http_code}', ...args], { encoding: 'latin1', timeout: 20_000 });
      const cut = stdout.lastIndexOf('\n');
      return { body: stdout.slice(0, cut), status: Number(stdout.slice(cut + 1)) };
    };

    it('gets neither the list, nor an object, nor s3rver’s default credentials to work', async () => {
      const list = await curl(`${s3.endpoint}/${BUCKET}/?max-keys=2`);
      expect(list.status).toBe(403);
      expect(list.body).not.toContain('originals/');
      expect((await curl(objectUrl(ORIGINAL))).status).toBe(403);
      const defaults = await curl('--aws-sigv4', 'aws:amz:us-east-1:s3', '--user', 'S3RVER:S3RVER', objectUrl(ORIGINAL));
      expect(defaults.status).toBe(403);
    });

    it('cannot overwrite an object', async () => {
      const put = await curl('-X', 'PUT', '--data-binary', 'clean original', '-H', 'content-type: image/jpeg', objectUrl(WATERMARKED));
      expect(put.status).toBe(403);
      expect((await api.read(WATERMARKED)).equals(watermarkedBytes)).toBe(true);
    });

    it('cannot read the secret from the server’s command line or environment', async () => {
      for (const file of ['cmdline', 'environ']) {
        const text = await readFile(`/proc/${s3.pid}/${file}`, 'utf8').catch(() => '');
        expect(text).not.toContain(s3.secretAccessKey);
      }
    });

    it('cannot read the stored objects from disk', async () => {
      expect((await stat(path.join(directory, 's3'))).mode & 0o077).toBe(0);
    });
  });

  describe('the API itself', () => {
    it('reads, writes, copies, presigns and deletes as before, keys with any characters included', async () => {
      const key = 'originals/customer-a/a b+c ü~(1)*.jpg';
      await api.put(key, Buffer.from('fresh'), { contentType: 'image/jpeg' });
      await api.copy(key, `${key}.copy`);
      expect((await api.read(`${key}.copy`)).toString()).toBe('fresh');
      expect(await api.head(key)).toMatchObject({ byteSize: 5, contentType: 'image/jpeg' });
      const download = await fetch(await api.presignGet(key, { expiresInSeconds: 60, downloadFilename: 'Süd "x".jpg' }));
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain("UTF-8''S%C3%BCd%20%22x%22.jpg");
      const upload = await api.presignPut(key, { contentType: 'image/png', byteSize: 3, expiresInSeconds: 60 });
      expect((await fetch(upload, { method: 'PUT', body: 'abc', headers: { 'content-type': 'image/png' } })).status).toBe(200);
      expect((await api.read(key)).toString()).toBe('abc');
      await api.delete([key, `${key}.copy`]);
      expect(await api.head(key)).toBeNull();
    });

    it('reads an object’s start with what a HEAD says of it, and null for a missing one', async () => {
      const stored = await api.put('originals/start.bin', Buffer.from('0123456789'), { contentType: 'image/jpeg' });
      expect(await api.readStart('originals/start.bin', 4)).toEqual({ bytes: Buffer.from('0123'), byteSize: 10, contentType: 'image/jpeg', etag: stored.etag });
      expect((await api.readStart('originals/start.bin', 64))!.bytes.toString()).toBe('0123456789');
      expect(await api.readStart('originals/missing.bin', 4)).toBeNull();
      await api.delete(['originals/start.bin']);
    });

    it('uploads large bodies, buffered or streamed (the SDK then waits for 100 Continue)', async () => {
      const big = randomBytes(6 * 1024 * 1024);
      await api.put('originals/big-buffer.bin', big, { contentType: 'application/octet-stream' });
      await api.put('originals/big-stream.bin', Readable.from([big.subarray(0, 1 << 20), big.subarray(1 << 20)]), { contentType: 'application/octet-stream', byteSize: big.length });
      expect((await api.read('originals/big-buffer.bin')).equals(big)).toBe(true);
      expect((await api.read('originals/big-stream.bin')).equals(big)).toBe(true);
    });

    it('lists with a prefix and creates buckets', async () => {
      const client = new S3Client({ endpoint: s3.endpoint, region: 'eu-central-1', forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
      try {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'renditions/img-1/', MaxKeys: 10 }));
        expect(listed.Contents?.map((object) => object.Key).sort()).toEqual([WATERMARKED, THUMBNAIL].sort());
        const other = new ObjectStorage({ endpoint: s3.endpoint, region: 'us-east-1', bucket: 'second-bucket', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
        await other.ensureBucket();
        await other.ping();
        other.destroy();
      } finally {
        client.destroy();
      }
    });
  });

  it('no log line names the port', () => {
    const port = new URL(s3.endpoint).port;
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(line).not.toContain(`:${port}`);
      expect(line).not.toMatch(/"port"/);
    }
  });
});
