import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded-s3.js';

const run = promisify(execFile);
const logger = createLogger('silent');

/** A separate process asks the server for its bucket list and prints how long the answer took (ms). */
const timedRequest = (endpoint: string) =>
  run(process.execPath, ['-e', `const t=performance.now();fetch(${JSON.stringify(endpoint)}).then(async r=>{await r.text();console.log(r.status, Math.round(performance.now()-t))})`]);

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

  it('serves from a thread of its own: requests are answered while the API’s event loop is busy', async () => {
    const answer = timedRequest(s3.endpoint);
    // Hold this thread (the API's event loop) far longer than the request needs.
    const until = performance.now() + 2_000;
    while (performance.now() < until);
    const [status, elapsedMs] = (await answer).stdout.trim().split(' ').map(Number);
    expect(status).toBe(200);
    expect(elapsedMs).toBeLessThan(1_500);
  });

  it('stops listening when stopped, and a second stop is harmless', async () => {
    const other = await startEmbeddedS3({ directory: path.join(directory, 'other'), buckets: [], logger });
    await expect(fetch(other.endpoint).then((response) => response.status)).resolves.toBe(200);
    await other.stop();
    await other.stop();
    await expect(fetch(other.endpoint)).rejects.toThrow();
  });

  it('reports storage it cannot create instead of hanging', async () => {
    const file = path.join(directory, 'a-file');
    await writeFile(file, '');
    await expect(startEmbeddedS3({ directory: path.join(file, 's3'), buckets: [], logger })).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
