import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * .ci/run itself, with its stages stubbed: an `npm` first on the PATH and a boot check that only
 * sleep, so what is under test is the script's own bookkeeping, in seconds rather than minutes.
 */
const run = promisify(execFile);
const script = new URL('../../.ci/run', import.meta.url);
let sandbox: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'pixgate-ci-run-'));
  await mkdir(path.join(sandbox, '.ci'));
  await mkdir(path.join(sandbox, 'bin'));
  await copyFile(script, path.join(sandbox, '.ci/run'));
  await writeFile(path.join(sandbox, '.ci/boot-check.sh'), 'sleep 0.2\necho boot-check ran\n');
  await writeFile(path.join(sandbox, '.ci/install-chromium.sh'), 'sleep 0.1\necho install-chromium ran\n');
  // `npm ci` and `npm test` take 0.3 s each; FAIL_STAGE makes one of them fail.
  await writeFile(path.join(sandbox, 'bin/npm'), '#!/usr/bin/env bash\nsleep 0.3\necho "npm $1 ran"\n[ "${FAIL_STAGE:-}" != "$1" ]\n');
  await chmod(path.join(sandbox, 'bin/npm'), 0o755);
});
afterAll(() => rm(sandbox, { recursive: true, force: true }));

const ciRun = (env: Record<string, string> = {}) =>
  run('bash', [path.join(sandbox, '.ci/run')], { env: { ...process.env, PATH: `${path.join(sandbox, 'bin')}:${process.env.PATH}`, ...env } });

const SECONDS = String.raw`(\d+\.\d) s`;

describe('.ci/run', () => {
  it('prints how long each stage took, and the total', async () => {
    const { stdout } = await ciRun();
    expect(stdout).toContain('npm ci ran');
    expect(stdout).toContain('boot-check ran');
    const took = (stage: string) => Number(new RegExp(`^\\[ci\\] ${stage} took ${SECONDS}$`, 'm').exec(stdout)?.[1]);
    expect(took('npm ci')).toBeGreaterThanOrEqual(0.3);
    expect(took('tests')).toBeGreaterThanOrEqual(0.3);
    expect(took('boot check')).toBeGreaterThanOrEqual(0.2);
    expect(stdout).toContain('install-chromium ran');
    expect(took('chromium')).toBeGreaterThanOrEqual(0.1);
    expect(took('browser tests')).toBeGreaterThanOrEqual(0.3);
    const total = Number(new RegExp(`^\\[ci\\] total ${SECONDS}`, 'm').exec(stdout)?.[1]);
    expect(total).toBeGreaterThanOrEqual(1.2);
    expect(total).toBeLessThan(30);
  });

  it('names the stage that failed and how long it ran, and fails', async () => {
    const failed = await ciRun({ FAIL_STAGE: 'test' }).then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(`${failed!.stdout}${failed!.stderr}`).toMatch(new RegExp(`^\\[ci\\] tests failed after ${SECONDS}$`, 'm'));
    expect(failed!.stdout).not.toContain('boot-check ran');
  });
});
