// Builds the back office (admin/) into admin/dist when its sources changed since the last build, so
// `npm install` builds it once and `npm start` only hashes a few hundred files (well under a second).
// The hash covers admin's sources and config plus the lock file (a dependency update rebuilds);
// it is kept in admin/dist/.source-hash, which goes away with the build output.
//
//   node scripts/build-admin.mjs          build if stale
//   node scripts/build-admin.mjs --force  build anyway
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const adminDir = path.join(root, 'admin');
const distDir = path.join(adminDir, 'dist');
const stampFile = path.join(distDir, '.source-hash');

const INPUTS = ['admin/index.html', 'admin/package.json', 'admin/tsconfig.json', 'admin/vite.config.ts', 'package-lock.json'];

function filesUnder(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of [...INPUTS, ...filesUnder('admin/src')].sort()) {
    // The name too, so a renamed file counts as a change.
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const wanted = sourceHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (!force && built === wanted && existsSync(path.join(distDir, 'index.html'))) process.exit(0);

// Vite's own entry, run on this Node: the recorded process is the build itself, not a shell.
const vite = path.join(path.dirname(createRequire(path.join(adminDir, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
console.log(built ? 'admin: sources changed, building the back office…' : 'admin: building the back office…');
const started = Date.now();
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: adminDir, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`admin: the build failed (exit ${result.status ?? result.signal}); fix it and run: npm run build:admin`);
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${wanted}\n`);
console.log(`admin: built into admin/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
