import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded-s3.js';
import { ObjectStorage } from './object-storage.js';

const logger = createLogger('silent');

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded S3', () => {
  let directory: string;
  let s3: EmbeddedS3;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'pixgate-embedded-s3-'));
    s3 = await startEmbeddedS3({ directory, buckets: ['photos'], logger });
  });

  afterAll(async () => {
    await s3.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves from a process of its own: answers while the API’s event loop is blocked', () => {
    // execFileSync blocks this thread (the API's event loop) until the child exits. A server on this
    // thread could not answer the child's request before then: the child would time out instead.
    // Its answer is a refusal (the child does not sign), but an answer all the same.
    const output = execFileSync(process.execPath, ['-e', `fetch(${JSON.stringify(s3.endpoint)}).then((response) => console.log(response.status))`], {
      timeout: 20_000,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('403');
  });

  it('survives puts and deletes racing in one directory: every request answers, the server keeps serving', async () => {
    // A shoot's completions delete upload objects while other uploads into the same job are written.
    // s3rver removed the directory a delete left empty, and a put between its mkdir and its open then
    // killed the server with an unhandled ENOENT (patches/s3rver+3.7.1.patch).
    const storage = new ObjectStorage({ endpoint: s3.endpoint, region: 'us-east-1', bucket: 'photos', accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
    const body = Buffer.alloc(16 * 1024, 7);
    const worker = async (index: number) => {
      for (let round = 0; round < 100; round++) {
        const key = `uploads/jobs/one/${index}-${round}`;
        await storage.put(key, body, { contentType: 'image/jpeg', byteSize: body.length });
        await storage.delete([key]);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, index) => worker(index)));
    expect(isRunning(s3.pid)).toBe(true);
    await storage.put('uploads/jobs/one/last', body, { contentType: 'image/jpeg', byteSize: body.length });
    expect((await storage.read('uploads/jobs/one/last')).equals(body)).toBe(true);
    storage.destroy();
  }, 60_000);

  it('stops listening when stopped, and a second stop is harmless', async () => {
    const other = await startEmbeddedS3({ directory: path.join(directory, 'other'), buckets: [], logger });
    await expect(fetch(other.endpoint).then((response) => response.status)).resolves.toBe(403);
    await other.stop();
    await other.stop();
    await expect(fetch(other.endpoint)).rejects.toThrow();
  });

  it('does not outlive an API process that is killed outright', async () => {
    const moduleUrl = new URL('./embedded-s3.ts', import.meta.url).href;
    const script = `const { startEmbeddedS3 } = await import(${JSON.stringify(moduleUrl)});
      const s3 = await startEmbeddedS3({ directory: ${JSON.stringify(path.join(directory, 'orphan'))}, buckets: [], logger: { debug() {}, error() {} } });
      console.log(s3.pid);`;
    const api = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(api.stdout!, 'data')) as [Buffer];
    const s3Pid = Number(line.toString().trim());
    expect(isRunning(s3Pid)).toBe(true);
    api.kill('SIGKILL');
    await expect.poll(() => isRunning(s3Pid), { timeout: 10_000 }).toBe(false);
  });

  it('reports storage it cannot create instead of hanging', async () => {
    const file = path.join(directory, 'a-file');
    await writeFile(file, '');
    await expect(startEmbeddedS3({ directory: path.join(file, 's3'), buckets: [], logger })).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
