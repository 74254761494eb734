/**
 * The customer client with a 500-photo gallery in Debian's Chromium (issue 15's targets):
 *   - JavaScript until the gallery is usable (first thumbnail on screen), gzipped as sent: <= 200 KB
 *   - long tasks (> 50 ms) while scrolling one screen every 100 ms to the end: goal 0
 *   - every thumbnail in the viewport loaded at the end (its bytes, not a placeholder)
 *
 * A throw-away API (as npm start runs it, embedded PostgreSQL and S3, no demo data) gets a customer
 * and a job of 500 small photos through the real upload pipeline (about two minutes on two cores);
 * the customer signs in with a password and the page scrolls. Long tasks come from the page's own
 * PerformanceObserver (an init script, which the page's CSP does not govern).
 *
 *   npm run bench:client-gallery            BENCH_CLIENT_PHOTOS=500 by default
 *
 * For profiling (BENCH_CLIENT_TRACE=1 prints what each long task spent its time on, see
 * client-gallery-trace.ts): BENCH_CLIENT_HOLD=1 keeps the server and its job after the run and prints
 * how to reach them; BENCH_CLIENT_URL and BENCH_CLIENT_JOB measure against such a server again (the
 * client is served from client/dist as it is on disk, so a rebuild is measured at once).
 */
import { createHash } from 'node:crypto';
import { startApiServer } from '../e2e/support/api-server.js';
import { accessTokenOf, gql } from '../e2e/support/api-client.js';
import { openBrowser } from '../e2e/support/browser.js';
import { generateDemoPhoto } from '../api/src/db/demo-photos.js';
import { describeLongTasks, startTrace } from './client-gallery-trace.js';
import { printTable } from './figures.js';

const PHOTOS = Number(process.env.BENCH_CLIENT_PHOTOS ?? 500);
const ADMIN = { email: 'admin@bench.test', password: 'bench-client-admin' };
const CUSTOMER = { email: 'customer@bench.test', password: 'bench-client-customer' };

async function uploadJob(baseUrl: string, token: string, customerId: string): Promise<string> {
  const { createJob } = await gql<{ createJob: { id: string } }>(baseUrl, 'mutation($input: CreateJobInput!) { createJob(input: $input) { id } }', { input: { customerId, title: `${PHOTOS} photos`, status: 'DELIVERED', includedImages: 50 } }, token);
  // Twenty distinct pictures, each uploaded many times (the pipeline verifies and renders every upload).
  const pictures = await Promise.all(Array.from({ length: 20 }, (_, index) => generateDemoPhoto({ seed: 500 + index, label: `Photo ${index + 1}`, width: 800, height: 533 })));
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < PHOTOS) {
      const index = next++;
      const bytes = pictures[index % pictures.length]!;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { requestImageUpload: ticket } = await gql<{ requestImageUpload: { url: string; method: string; headers: { name: string; value: string }[]; image: { id: string } } }>(
        baseUrl,
        'mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) { url method headers { name value } image { id } } }',
        { input: { jobId: createJob.id, filename: `photo-${String(index + 1).padStart(3, '0')}.jpg`, contentType: 'image/jpeg', byteSize: bytes.length, sha256 } },
        token,
      );
      await fetch(ticket.url, { method: ticket.method, headers: Object.fromEntries(ticket.headers.map((header) => [header.name, header.value])), body: new Uint8Array(bytes) });
      await gql(baseUrl, 'mutation($id: ID!) { completeImageUpload(imageId: $id) { id } }', { id: ticket.image.id }, token);
      ids.push(ticket.image.id);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  for (;;) {
    const ready = await gql<{ job: { images: { totalCount: number } } }>(baseUrl, 'query($id: ID!) { job(id: $id) { images(first: 1, filter: { status: [READY] }) { totalCount } } }', { id: createJob.id }, token);
    if (ready.job.images.totalCount >= PHOTOS) return createJob.id;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function setUp(): Promise<{ url: string; jobId: string; stop(): Promise<void> }> {
  const server = await startApiServer({ demoData: false, env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_UPLOAD_STAFF_USER: '100000/1h' } });
  try {
    const admin = await accessTokenOf(server.url, ADMIN.email, ADMIN.password);
    const { createCustomer } = await gql<{ createCustomer: { id: string } }>(server.url, 'mutation { createCustomer(input: { name: "Bench Estates" }) { id } }', {}, admin);
    await gql(server.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: CUSTOMER.email, name: 'Bea Bench', role: 'CUSTOMER', customerId: createCustomer.id, password: CUSTOMER.password } }, admin);
    const started = Date.now();
    const jobId = await uploadJob(server.url, admin, createCustomer.id);
    console.log(`${PHOTOS} photos uploaded and rendered in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return { url: server.url, jobId, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function measure(url: string, jobId: string) {
  const browser = await openBrowser('en-US');
  try {
    const { page, context } = browser;
    await context.addInitScript(() => {
      const tasks: number[] = ((window as unknown as { __longTasks: number[] }).__longTasks = []);
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
    });
    let scriptBytes = 0;
    let counting = true;
    page.on('response', async (response) => {
      if (!counting || response.request().resourceType() !== 'script') return;
      const sizes = await response.request().sizes().catch(() => null);
      scriptBytes += sizes?.responseBodySize ?? 0;
    });
    await page.goto(`${url}/jobs/${jobId}`);
    await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
    await page.getByLabel('Email address').fill(CUSTOMER.email);
    await page.getByLabel('Password').fill(CUSTOMER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('figure.tile .signed-image.is-loaded').first().waitFor({ timeout: 60_000 });
    counting = false;

    const trace = process.env.BENCH_CLIENT_TRACE ? await startTrace(await context.newCDPSession(page)) : null;
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    const steps = await page.evaluate(async () => {
      let count = 0;
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
        window.scrollBy(0, window.innerHeight);
        count += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return count;
    });
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.filter((duration) => duration > 50));
    if (trace) {
      const { events, profile } = await trace.stop();
      console.log(`What the long tasks did (${events.length} trace events):\n${describeLongTasks(events, profile).join('\n')}`);
    }
    const tiles = page.locator('figure.tile img');
    const deadline = Date.now() + 20_000;
    let unloaded = -1;
    while (Date.now() < deadline) {
      unloaded = await tiles.evaluateAll((images: HTMLImageElement[]) => images.filter((image) => image.getBoundingClientRect().bottom > 0 && image.getBoundingClientRect().top < window.innerHeight && !(image.complete && image.naturalWidth > 0)).length);
      if (unloaded === 0) break;
      await page.waitForTimeout(250);
    }
    return { scriptBytes, longTasks, steps, unloaded };
  } finally {
    await browser.close();
  }
}

async function main() {
  const reuse = process.env.BENCH_CLIENT_URL && process.env.BENCH_CLIENT_JOB ? { url: process.env.BENCH_CLIENT_URL, jobId: process.env.BENCH_CLIENT_JOB, stop: async () => undefined } : null;
  const target = reuse ?? (await setUp());
  try {
    const { scriptBytes, longTasks, steps, unloaded } = await measure(target.url, target.jobId);
    printTable(
      `Customer client: ${PHOTOS}-photo gallery in Chromium`,
      [
        { name: 'JavaScript until the gallery is usable (gzipped)', value: scriptBytes / 1000, unit: 'KB', target: { op: '<=', value: 200 }, digits: 1 },
        { name: 'long tasks > 50 ms while scrolling', value: longTasks.length, unit: '', target: { op: '<=', value: 0 }, digits: 0 },
        { name: 'longest of them', value: longTasks.length ? Math.max(...longTasks) : 0, unit: 'ms', digits: 0 },
        { name: 'screens scrolled (one per 100 ms)', value: steps, unit: '', digits: 0 },
        { name: 'thumbnails on screen not loaded at the end', value: unloaded, unit: '', target: { op: '<=', value: 0 }, digits: 0 },
      ],
      { photos: PHOTOS, viewport: '1280x860' },
    );
    if (process.env.BENCH_CLIENT_HOLD && !reuse) {
      console.log(`Holding the server: BENCH_CLIENT_URL=${target.url} BENCH_CLIENT_JOB=${target.jobId} (stop with Ctrl-C)`);
      await new Promise((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, resolve)));
    }
  } finally {
    await target.stop();
  }
}

await main();
