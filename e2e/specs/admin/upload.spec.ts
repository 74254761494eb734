import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobShowPage } from '../../pages/admin-jobs-pages.ts';
import { UploadPage } from '../../pages/admin-upload-page.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { finish, signedInStaff } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import type { Browser, BrowserLocale } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';
import { screenshot } from '../../support/screenshots.ts';

/** A text file named like a photo: the browser declares image/jpeg, the API sniffs the bytes and refuses. */
const BAD_FILE = { name: 'notes-not-a-photo.jpg', bytes: Buffer.from('Shot list: kitchen, bathroom, balcony.\n'.repeat(200)) };

/** The folder the files are picked from: the browser reads them from disk, as from a real file dialog. */
let shootFolder = '';

/** Writes the files into the shoot folder; their paths. */
const onDisk = (files: { name: string; bytes: Buffer }[]) =>
  Promise.all(files.map(async ({ name, bytes }) => {
    const file = path.join(shootFolder, name);
    await writeFile(file, bytes);
    return file;
  }));

/**
 * Real JPEGs of about 0.5 MB, big enough to watch them go, each with its own bytes. Encoding noise
 * is what costs (about 0.2 s of CPU a photo), so five tones of it are encoded and each photo is one
 * of them with its own name written into a JPEG comment segment (the same picture, other bytes).
 */
async function photos(count: number, prefix: string): Promise<{ name: string; bytes: Buffer }[]> {
  const tones = await Promise.all(
    Array.from({ length: Math.min(count, 5) }, (_, tone) =>
      sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 80 + tone * 20, sigma: 40 } } })
        .jpeg({ quality: 85 })
        .toBuffer(),
    ),
  );
  return Array.from({ length: count }, (_, index) => {
    const name = `${prefix}-${String(index + 1).padStart(3, '0')}.jpg`;
    const jpeg = tones[index % tones.length]!;
    const comment = Buffer.from(name, 'latin1');
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xfffe, 0); // COM
    segment.writeUInt16BE(comment.length + 2, 2);
    // Right after the start-of-image marker.
    return { name, bytes: Buffer.concat([jpeg.subarray(0, 2), segment, comment, jpeg.subarray(2)]) };
  });
}

let browser: Browser | undefined;
let staffToken = '';
const jobs: Record<BrowserLocale, string> = { 'de-DE': '', 'en-US': '' };

afterEach(async () => {
  if (browser) await finish(browser);
  browser = undefined;
});

/** Two fresh jobs of the demo customer, one per language, so no other spec's job changes. */
beforeAll(async () => {
  shootFolder = await mkdtemp(path.join(os.tmpdir(), 'pixgate-shoot-'));
  const baseUrl = inject('baseUrl');
  staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
  const { customers } = await gql<{ customers: { nodes: { id: string; name: string }[] } }>(baseUrl, '{ customers(first: 50) { nodes { id name } } }', {}, staffToken);
  const customerId = customers.nodes.find((customer) => customer.name === 'Nordlicht Immobilien')!.id;
  for (const locale of ['de-DE', 'en-US'] as const) {
    const { createJob } = await gql<{ createJob: { id: string } }>(
      baseUrl,
      'mutation($input: CreateJobInput!) { createJob(input: $input) { id } }',
      { input: { customerId, title: `Upload test ${locale}`, includedImages: 10 } },
      staffToken,
    );
    jobs[locale] = createJob.id;
  }
});

afterAll(async () => {
  if (shootFolder) await rm(shootFolder, { recursive: true, force: true });
});

async function openUploadScreen(locale: BrowserLocale): Promise<{ page: Page; upload: UploadPage }> {
  const session = await signedInStaff(locale, DEMO.staff, `/admin/jobs/${jobs[locale]}/show`);
  browser = session;
  const upload = new UploadPage(session.page, locale);
  await upload.openFromJob();
  return { page: session.page, upload };
}

const readyCount = async (jobId: string) =>
  (await gql<{ job: { images: { totalCount: number } } }>(inject('baseUrl'), 'query($id: ID!) { job(id: $id) { images(filter: { status: [READY] }) { totalCount } } }', { id: jobId }, staffToken)).job.images.totalCount;

describe('whole-shoot upload in the back office', () => {
  it('in English: 25 photos with per-file progress until READY; a bad file shows the API’s reason and can be retried and removed; leaving mid-upload asks first', async () => {
    const { page, upload } = await openUploadScreen('en-US');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A slow uplink (about 4 MB/s), so progress can be seen and the page left mid-upload.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4_000_000 });
    await upload.recordFileProgress();
    await upload.pick(await onDisk([...(await photos(25, 'flat')), BAD_FILE]));
    await expect.poll(() => upload.rows.count(), { timeout: 10_000 }).toBe(26);

    // Leaving for the job while files are on their way asks first; "Stay" keeps the uploads going.
    await page.getByRole('link', { name: upload.text.back }).click();
    const leave = page.getByRole('dialog', { name: upload.text.leave_title });
    await leave.waitFor();
    await leave.getByRole('button', { name: upload.text.stay }).click();
    await leave.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/\/upload$/);

    await page.locator('[data-testid="upload-row"][data-phase="sending"]').first().waitFor();
    await screenshot(page, 'admin-upload-in-progress', 'en-US');
    await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await upload.waitUntilReady(25);
    expect(await upload.rowsIn('ready').count()).toBe(25);
    // Each file showed its own progress on the way, not just 0 and 100.
    const seen = await upload.fileProgressSeen();
    expect(seen.some((value) => value > 0 && value < 100), `per-file progress values seen: ${seen.slice(0, 20).join(', ')}`).toBe(true);
    await expect(upload.overallProgress.getAttribute('aria-valuenow')).resolves.toBe('100');

    // The bad file: refused by the API with its reason, in words.
    const bad = upload.row(BAD_FILE.name);
    await expect(bad.getAttribute('data-phase')).resolves.toBe('failed');
    await expect(bad.getByTestId('upload-failure').textContent()).resolves.toContain(upload.text.reason.UNSUPPORTED_TYPE);
    await upload.loadAllThumbnails();
    await screenshot(page, 'admin-upload', 'en-US');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Retry sends it again (a new upload: the first one is failed for good) and the API refuses it again.
    const completion = page.waitForRequest((request) => request.url().endsWith('/graphql') && (request.postData() ?? '').includes('UploadCompleteImage'));
    await upload.retryButton(BAD_FILE.name).click();
    await completion;
    await page.locator(`[data-testid="upload-row"][data-filename="${BAD_FILE.name}"][data-phase="failed"]`).waitFor();
    await upload.removeButton(BAD_FILE.name).click();
    await expect.poll(() => upload.rows.count(), { timeout: 10_000 }).toBe(25);

    // Nothing is in flight any more: back to the job without a question. Its grid shows the 25 with
    // their thumbnails (and the refused file's two attempts as FAILED, as the API keeps them).
    await page.getByRole('link', { name: upload.text.back }).click();
    await page.waitForURL(/\/admin\/jobs\/[^/]+\/show$/);
    const cards = new JobShowPage(page, 'en-US').imageCards;
    await expect.poll(() => cards.filter({ hasText: /flat-\d+\.jpg/, has: page.locator('img') }).count(), { timeout: 15_000 }).toBe(25);
    await expect.poll(() => cards.filter({ hasText: BAD_FILE.name }).count()).toBe(2);
    expect(await readyCount(jobs['en-US'])).toBe(25);
  }, 240_000);

  it('in German: the file picker opens from the keyboard; READY and the refusal in German', async () => {
    const { page, upload } = await openUploadScreen('de-DE');
    const chooseFiles = page.getByRole('button', { name: upload.text.choose_files });
    const chooser = page.waitForEvent('filechooser');
    // Focused and pressed as a keyboard user does (Enter on the focused button).
    await chooseFiles.press('Enter');
    await (await chooser).setFiles(await onDisk([...(await photos(4, 'haus')), BAD_FILE]));
    await upload.waitUntilReady(4);
    await expect(upload.row(BAD_FILE.name).getByTestId('upload-failure').textContent()).resolves.toContain(upload.text.reason.UNSUPPORTED_TYPE);
    await upload.loadAllThumbnails();
    await screenshot(page, 'admin-upload', 'de-DE');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await readyCount(jobs['de-DE'])).toBe(4);
  }, 120_000);

  it('refuses a customer who asks to upload into a job of the studio’s', async () => {
    const baseUrl = inject('baseUrl');
    const customerToken = await accessTokenOf(baseUrl, DEMO.customer, DEMO_PASSWORD);
    const asked = gql(
      baseUrl,
      'mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) { url } }',
      { input: { jobId: jobs['en-US'], filename: 'x.jpg', contentType: 'image/jpeg', byteSize: 1000, sha256: '0'.repeat(64) } },
      customerToken,
    );
    await expect(asked).rejects.toThrow(/GraphQL/);
    expect(await readyCount(jobs['en-US'])).toBe(25);
  });
});
