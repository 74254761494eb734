import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * A fresh `npm install` where the system Node (the one npm itself runs on) is older than the Node 24
 * every npm script uses: no EBADENGINE warnings, npm's other warnings still shown.
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
type LockEntry = { engines?: Record<string, string>; optional?: boolean };

/** A `node` older than 24 on the PATH outside node_modules (the system Node), if there is one. */
async function olderSystemNode(): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue;
    const candidate = path.join(dir, 'node');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const { stdout } = await run(candidate, ['--version']);
    if (Number(/^v(\d+)/.exec(stdout.trim())?.[1]) < 24) return candidate;
  }
  return null;
}

/** npm's own entry script, for running npm on a chosen Node. */
function npmCli(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    try {
      const npm = realpathSync(path.join(dir, 'npm'));
      if (npm.endsWith('npm-cli.js')) return npm;
    } catch {
      // not here
    }
  }
  return null;
}

const oldNode = await olderSystemNode();
const cli = npmCli();

describe('npm install', () => {
  it('finds no engines to warn about: the lockfile carries none for packages npm must install, the root declares none', async () => {
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const withEngines = Object.entries(lock.packages).filter(([, entry]) => entry.engines && !entry.optional).map(([name]) => name || '(root)');
    expect(withEngines, 'run: node scripts/lockfile-without-engines.mjs').toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { engines?: unknown; scripts: Record<string, string> };
    expect(manifest.engines).toBeUndefined();
    // Packages added later lose theirs too, once npm has written the lockfile.
    expect(manifest.scripts.postinstall).toContain('scripts/lockfile-without-engines.mjs');
  });

  it.skipIf(!oldNode || !cli)('on an older system Node prints no EBADENGINE line, and still shows npm’s other warnings', async () => {
    // A bare checkout, as a newcomer has it: manifests and lockfile, no node_modules.
    const checkout = await mkdtemp(path.join(os.tmpdir(), 'pixgate-npm-install-'));
    try {
      for (const file of ['package.json', 'package-lock.json', 'api/package.json', 'admin/package.json', 'client/package.json', 'e2e/package.json']) {
        await mkdir(path.dirname(path.join(checkout, file)), { recursive: true });
        await copyFile(path.join(root, file), path.join(checkout, file));
      }
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
      const { stdout, stderr } = await run(oldNode!, [cli!, 'install', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--pixgate-probe=1'], { cwd: checkout, env });
      const output = `${stdout}${stderr}`;
      expect(output).toMatch(/^add /m);
      expect(output.split('\n').filter((line) => line.includes('EBADENGINE'))).toEqual([]);
      // An unknown setting is a warning of npm's: warnings are still shown.
      expect(output).toMatch(/npm warn .*pixgate-probe/);
    } finally {
      await rm(checkout, { recursive: true, force: true });
    }
  }, 60_000);
});
