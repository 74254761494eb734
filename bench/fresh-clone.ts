/**
 * Issue 15's "time from a fresh clone to the demo gallery on screen in Chromium" (goal <= 120 s),
 * walked as a newcomer walks the README:
 *   1. `git clone` of this checkout's HEAD into a temp dir;
 *   2. `npm install` (the README's first command), with the system's npm and Node as a newcomer
 *      has them, not the repository's Node 24 the bench itself runs on;
 *   3. `npm start` until it prints "pixgate is running" (embedded PostgreSQL's initdb, migrations,
 *      the demo data with its generated photos, the web apps built at install);
 *   4. Debian's Chromium, as a person uses it (no test flags): the client at `/`, the demo customer's
 *      password sign-in, the first job, and every thumbnail on screen loaded.
 *
 * The npm cache is the machine's own by default (a developer's second clone); `--cold-cache` gives
 * npm an empty one, so every package comes from the registry (a newcomer's first clone). The
 * embedded services take free ports and the clone's own data folder; DATABASE_URL, S3_ENDPOINT and
 * REDIS_URL are not passed on, as on a machine that has none of them.
 *
 *   npm run bench:fresh-clone [-- --cold-cache] [-- --keep]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { printTable, type Figure } from './figures.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_CUSTOMER = { email: 'makler@nordlicht.test', password: 'pixgate-demo' };
const coldCache = process.argv.includes('--cold-cache');
const keep = process.argv.includes('--keep');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** The environment of a newcomer's shell: npm's own run-script additions and our services left out. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD|NODE_OPTIONS|DATABASE_URL|S3_|REDIS_URL|MALLOC_ARENA_MAX|PORT$|PUBLIC_URL|DATA_DIR)/.test(name)) continue;
    env[name] = value;
  }
  // Inside `npm run`, node_modules/.bin folders (with this checkout's Node 24) come first on PATH.
  env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((entry) => !entry.includes('node_modules')).join(path.delimiter);
  return { ...env, ...extra };
}

async function timed(label: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label} failed (exit ${code}):\n${output.slice(-4000)}`);
  console.log(`${label}: ${seconds.toFixed(1)} s`);
  return seconds;
}

/** `npm start` in its own process group (so Ctrl-C reaches npm, the API and its embedded servers), until it says it runs. */
async function start(cwd: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; url: string; child: ChildProcess; output: () => string }> {
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const running = new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk;
      const url = /pixgate is running\s+Customers\s+(\S+)\//.exec(output)?.[1];
      if (url && /Demo logins/.test(output)) resolve(url);
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was running:\n${output.slice(-4000)}`)));
    setTimeout(() => reject(new Error(`npm start was not running after 10 minutes:\n${output.slice(-4000)}`)), 600_000).unref();
  });
  const url = await running.catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`npm start until "pixgate is running": ${seconds.toFixed(1)} s (${url})`);
  return { seconds, url, child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGINT');
  const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(force);
}

/** Sign-in, the first job, its thumbnails: what a customer sees first. Seconds until the last thumbnail on screen has loaded. */
async function toGallery(url: string): Promise<{ seconds: number; thumbnails: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } })).newPage();
    const started = performance.now();
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
    await page.getByLabel('Email address').fill(DEMO_CUSTOMER.email);
    await page.getByLabel('Password').fill(DEMO_CUSTOMER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('main a.job-card').first().click();
    await page.locator('figure.tile img').first().waitFor({ timeout: 60_000 });
    const thumbnails = await page.waitForFunction(() => {
      const onScreen = [...document.querySelectorAll<HTMLImageElement>('figure.tile img')].filter((image) => image.getBoundingClientRect().top < window.innerHeight);
      return onScreen.length > 0 && onScreen.every((image) => image.complete && image.naturalWidth > 0) ? onScreen.length : 0;
    }, undefined, { timeout: 60_000, polling: 100 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Chromium: sign-in to ${await thumbnails.jsonValue()} thumbnails on screen: ${seconds.toFixed(1)} s`);
    return { seconds, thumbnails: (await thumbnails.jsonValue()) as number };
  } finally {
    await browser.close();
  }
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pixgate-fresh-clone-'));
  // initdb runs as another system user when we are root: it must be able to reach the clone's data folder.
  await chmod(work, 0o755);
  const clone = path.join(work, 'pixgate');
  const env = newcomerEnv({
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    ...(coldCache ? { npm_config_cache: path.join(work, 'npm-cache') } : {}),
  });
  console.log(`fresh clone of ${REPO} (HEAD) in ${clone}; npm cache: ${coldCache ? 'empty (every package from the registry)' : "the machine's own"}; load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  let server: ChildProcess | undefined;
  try {
    const cloneSeconds = await timed('git clone', 'git', ['clone', '--quiet', '--no-hardlinks', REPO, clone], work, env);
    const installSeconds = await timed('npm install', 'npm', ['install', '--no-audit', '--no-fund'], clone, env);
    const started = await start(clone, env);
    server = started.child;
    const gallery = await toGallery(started.url);
    const total = cloneSeconds + installSeconds + started.seconds + gallery.seconds;
    const figures: Figure[] = [
      { name: 'fresh clone to the demo gallery on screen', value: total, unit: 's', target: { op: '<=', value: 120 }, digits: 1 },
      { name: 'git clone', value: cloneSeconds, unit: 's', digits: 1 },
      { name: 'npm install (web apps built by its postinstall)', value: installSeconds, unit: 's', digits: 1 },
      { name: 'npm start until it prints the URLs and demo logins', value: started.seconds, unit: 's', digits: 1 },
      { name: 'Chromium: sign-in to every thumbnail on screen loaded', value: gallery.seconds, unit: 's', digits: 1 },
    ];
    printTable('From a fresh clone to the demo gallery (README: npm install, npm start)', figures, { npmCache: coldCache ? 'cold' : 'warm', thumbnailsOnScreen: gallery.thumbnails, node: 'system' });
  } finally {
    if (server) await stop(server);
    if (keep) console.log(`kept ${clone}`);
    else await rm(work, { recursive: true, force: true });
  }
}

await main();
