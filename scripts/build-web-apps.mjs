// Builds the web apps (the back office admin/ and the customer client client/) into <app>/dist when
// their sources changed since the last build, so `npm install` builds them once and `npm start` only
// hashes a few hundred files (well under a second). The hash covers the app's sources and config,
// the shared workspaces (labels/src, session/src) and the lock file (a dependency update rebuilds); it is kept in
// <app>/dist/.source-hash, which goes away with the build output.
//
//   node scripts/build-web-apps.mjs                  build every stale app
//   node scripts/build-web-apps.mjs client           only the client (admin likewise)
//   node scripts/build-web-apps.mjs --force [app…]   build anyway
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const APPS = { admin: 'the back office', client: 'the customer client' };
/** Workspaces both apps build from source. */
const SHARED = ['labels', 'session'];

function filesUnder(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function sourceHash(app) {
  const inputs = [`${app}/index.html`, `${app}/package.json`, `${app}/tsconfig.json`, `${app}/vite.config.ts`, 'package-lock.json', ...SHARED.map((shared) => `${shared}/package.json`)];
  const hash = createHash('sha256');
  for (const file of [...inputs, ...filesUnder(`${app}/src`), ...SHARED.flatMap((shared) => filesUnder(`${shared}/src`))].sort()) {
    // The name too, so a renamed file counts as a change.
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function build(app, force) {
  const appDir = path.join(root, app);
  const distDir = path.join(appDir, 'dist');
  const stampFile = path.join(distDir, '.source-hash');
  const wanted = sourceHash(app);
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
  if (!force && built === wanted && existsSync(path.join(distDir, 'index.html'))) return;
  // Vite's own entry, run on this Node: the recorded process is the build itself, not a shell.
  const vite = path.join(path.dirname(createRequire(path.join(appDir, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  console.log(built ? `${app}: sources changed, building ${APPS[app]}…` : `${app}: building ${APPS[app]}…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: appDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${app}: the build failed (exit ${result.status ?? result.signal}); fix it and run: npm run build:${app}`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, `${wanted}\n`);
  console.log(`${app}: built into ${app}/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const named = args.filter((arg) => arg !== '--force');
for (const app of named) if (!(app in APPS)) throw new Error(`unknown app ${app}: ${Object.keys(APPS).join(' or ')}`);
for (const app of named.length > 0 ? named : Object.keys(APPS)) build(app, force);
