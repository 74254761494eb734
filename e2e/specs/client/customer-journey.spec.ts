import { readFile } from 'node:fs/promises';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClientGalleryPage, ClientSignInPage, clientText } from '../../pages/client-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { signedInStaff } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { freshSignInCode, jobIdByTitle, scriptReadableState } from '../../support/client-session.ts';
import { overflowsHorizontally } from '../../support/layout.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';
import { createJobWithImages, enhanceAndWait, type UploadedImage } from '../../support/image-job.ts';
import { screenshot } from '../../support/screenshots.ts';
import { zipEntries } from '../../support/zip-entries.ts';

/**
 * A customer's way through the client, signed in once: an emailed code from the outbox, the job
 * list, selecting within the package, an extra with a note that staff approve, the approval on
 * screen, the ZIP holding exactly the released originals, another customer's job refused without a
 * byte of it, the lightbox and the compare view, the account page, the account's language on the
 * next sign-in; axe on every screen and screenshots of each, desktop and phone, English and German.
 * Staff decide the extra in the back office's inbox; the job itself comes from the API as staff.
 */
const TITLE = 'Client e2e – Dachgeschoss Lindenallee';
const NOTE = 'We would love this one for the brochure.';
const STUDIO_NOTE = 'Gladly – billed as an extra.';
const en = clientText('en-US');
const de = clientText('de-DE');

let baseUrl: string;
let staffToken: string;
let adminToken: string;
let jobId: string;
let images: UploadedImage[];
let enhanced: Promise<string>;
let browser: Browser;
const image = (filename: string) => images.find((candidate) => candidate.filename === filename)!;

async function noSeriousViolations(screen: string) {
  const violations = await seriousAccessibilityViolations(browser.page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations)}`).toEqual([]);
}

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  [staffToken, adminToken] = await Promise.all([accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD), accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD)]);
  ({ jobId, images } = await createJobWithImages(baseUrl, staffToken, { customerName: 'Nordlicht Immobilien', title: TITLE, includedImages: 2, photos: ['Attic', 'Stairs', 'Roof terrace', 'Study'] }));
  // The compare view needs a finished enhancement; it runs while the customer works.
  enhanced = enhanceAndWait(baseUrl, staffToken, image('attic.jpg').id, 'restore-basic', 90_000);
  enhanced.catch(() => undefined);
  browser = await openBrowser('en-US');
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the customer client', () => {
  it('signs a customer in with a code from the mail, and no page script can read a token', async () => {
    const { page } = browser;
    const signIn = new ClientSignInPage(page, baseUrl, en);
    await signIn.open(`/jobs/${jobId}`);
    await noSeriousViolations('sign-in');
    await screenshot(page, 'client-sign-in', 'en-US');
    // English chosen on the sign-in page wins over the account's language (German, the default), and is saved to it.
    await signIn.chooseLanguage('en');
    const code = await freshSignInCode(baseUrl, adminToken, DEMO.customer, () => signIn.requestCode(DEMO.customer));
    const accessToken = await signIn.enterCode(code);
    expect(accessToken).toBeTruthy();
    // Back where the link pointed: the gallery of the job.
    await new ClientGalleryPage(page, baseUrl, en).summary.waitFor();
    await expect.poll(async () => (await gql<{ me: { language: string } }>(baseUrl, '{ me { language } }', {}, accessToken!)).me.language).toBe('EN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const readable = JSON.stringify(await scriptReadableState(page));
    expect(readable).not.toContain(accessToken!);
    const cookie = (await browser.context.cookies(`${baseUrl}/auth/client/refresh`)).find((candidate) => candidate.name === 'pixgate_client_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(readable).not.toContain(cookie!.value);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('lists the delivered job with its cover and counts', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: en.app.nav.label }).getByRole('link', { name: en.app.nav.jobs }).click();
    await page.getByRole('heading', { name: en.jobs.title }).waitFor();
    const card = page.locator(`a[href="/jobs/${jobId}"]`);
    expect(await card.textContent()).toContain(TITLE);
    await expect.poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Four uploads, and the enhanced copy once its task has finished.
    expect(await card.textContent()).toMatch(new RegExp(`${en.jobs.images(4)}|${en.jobs.images(5)}`));
    expect(await card.textContent()).toContain(en.selection.counter(0, 2));
    await noSeriousViolations('jobs');
    await screenshot(page, 'client-jobs', 'en-US');
    await card.click();
  });

  it('selects within the package, then asks for an extra with a note; the counter follows', async () => {
    const gallery = new ClientGalleryPage(browser.page, baseUrl, en);
    await gallery.summary.waitFor();
    await gallery.select('attic.jpg');
    expect(await gallery.summary.textContent()).toContain(en.selection.counter(1, 2));
    await gallery.select('stairs.jpg');
    expect(await gallery.summary.textContent()).toContain(en.selection.counter(2, 2));
    expect(await gallery.summary.textContent()).toContain(en.selection.roomLeft(0));
    await gallery.requestExtra('roof-terrace.jpg', NOTE);
    await expect.poll(() => gallery.summary.textContent()).toContain(en.selection.extrasRequested(1));
    expect(await gallery.tile('roof-terrace.jpg').textContent()).toContain('Extra requested');
    // Selected images stay watermarked until locked, and the page says so.
    const lightbox = await gallery.openLightbox('attic.jpg');
    expect(await lightbox.textContent()).toContain(en.gallery.explain.INCLUDED);
    await browser.page.keyboard.press('Escape');
    await gallery.thumbnailsLoaded();
    await noSeriousViolations('gallery');
    await screenshot(browser.page, 'client-gallery', 'en-US');
  });

  it('shows the studio’s approval, with its note, once staff approved the extra in the back office', async () => {
    // Staff work in the back office's extras inbox, in a browser of their own.
    const staff = await signedInStaff('en-US');
    try {
      const text = messagesFor('en-US');
      const decisions = text.pixgate.enums.ExtraDecision;
      await staff.page.getByRole('menuitem', { name: text.resources.extraRequests.name.split(' |||| ')[1] }).click();
      await staff.page.waitForURL(/\/admin\/extraRequests/);
      const row = staff.page.locator('table tbody tr').filter({ hasText: 'roof-terrace.jpg' }).filter({ hasText: TITLE });
      await row.waitFor();
      expect(await row.textContent()).toContain(NOTE);
      await row.getByRole('button', { name: decisions.PAID }).click();
      const dialog = staff.page.getByRole('dialog');
      await dialog.getByLabel(text.pixgate.extras.note_label).fill(STUDIO_NOTE);
      await dialog.getByRole('button', { name: decisions.PAID }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.getByText(text.pixgate.enums.ExtraRequestStatus.PAID, { exact: true }).waitFor();
    } finally {
      await staff.finish();
    }
    const { job } = await gql<{ job: { extraRequests: { status: string; note: string | null; decisionNote: string | null }[] } }>(baseUrl, 'query($id: ID!) { job(id: $id) { extraRequests { status note decisionNote } } }', { id: jobId }, staffToken);
    expect(job.extraRequests.find((request) => request.note === NOTE)?.status).toBe('PAID');
    await new ClientGalleryPage(browser.page, baseUrl, en).open(jobId);
    const requests = browser.page.getByTestId('job-requests');
    await requests.waitFor();
    expect(await requests.textContent()).toContain(en.selection.outcome.PAID);
    expect(await requests.textContent()).toContain(STUDIO_NOTE);
    expect(await new ClientGalleryPage(browser.page, baseUrl, en).summary.textContent()).toContain(en.selection.extrasApproved(1));
  });

  it('downloads the ZIP through the browser, holding exactly the released originals and the enhanced copy', async () => {
    const derivedId = await enhanced;
    const gallery = new ClientGalleryPage(browser.page, baseUrl, en);
    await gallery.open(jobId);
    // The first download of an included photo says beforehand that it keeps the photo for good.
    await gallery.tile('stairs.jpg').getByRole('button', { name: en.downloads.downloadLabel('stairs.jpg') }).click();
    const warning = browser.page.getByRole('dialog', { name: en.downloads.lockDialog.title });
    await warning.waitFor();
    const single = browser.page.waitForEvent('download');
    await warning.getByRole('button', { name: en.downloads.lockDialog.confirm }).click();
    expect((await single).suggestedFilename()).toContain('stairs');
    await gallery.tile('stairs.jpg').getByText(en.selection.locked).waitFor();
    const link = await gallery.prepareZip();
    // The two included, the approved extra, and the enhanced copy of an included one (it follows its source).
    expect(await link.textContent()).toContain(en.downloads.all.files(4));
    const download = await gallery.downloadZip();
    const entries = zipEntries(await readFile((await download.path())!));
    const ids = [...['attic.jpg', 'stairs.jpg', 'roof-terrace.jpg'].map((name) => image(name).id), derivedId];
    const { imagesByIds } = await gql<{ imagesByIds: { id: string; sha256: string }[] }>(baseUrl, 'query($ids: [ID!]!) { imagesByIds(ids: $ids) { id sha256 } }', { ids }, staffToken);
    expect(entries.map((entry) => entry.sha256).sort()).toEqual(imagesByIds.map((entry) => entry.sha256).sort());
    // The study was never released: no download offered for it.
    expect(await gallery.tile('study.jpg').getByRole('button', { name: en.downloads.downloadLabel('study.jpg') }).count()).toBe(0);
    // After the ZIP the included images are locked, and marked so before anyone tries to deselect.
    await gallery.open(jobId);
    await gallery.tile('attic.jpg').getByText(en.selection.locked).waitFor();
    expect(await gallery.tile('attic.jpg').getByRole('button', { name: en.selection.deselectLabel('attic.jpg') }).count()).toBe(0);
  });

  it('shows the lightbox with keys and zoom, and the compare view of an enhanced photo', async () => {
    const { page } = browser;
    await enhanced;
    const gallery = new ClientGalleryPage(page, baseUrl, en);
    const lightbox = await gallery.openLightbox('attic.jpg');
    await lightbox.getByRole('button', { name: en.enhance.compare }).waitFor({ timeout: 20_000 });
    await noSeriousViolations('lightbox');
    await screenshot(page, 'client-lightbox', 'en-US', { fullPage: false });
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog', { name: 'stairs.jpg' }).waitFor();
    await page.keyboard.press('+');
    await page.getByRole('dialog', { name: 'stairs.jpg' }).getByText('150 %').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('dialog', { name: 'attic.jpg' }).getByRole('button', { name: en.enhance.compare }).click();
    const compare = page.getByRole('dialog', { name: en.enhance.compareView.title });
    await compare.waitFor();
    await page.keyboard.press('l');
    expect(await compare.getByRole('button', { name: en.enhance.compareView.loupe }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(Number(await compare.getByRole('slider').inputValue())).toBe(45);
    await noSeriousViolations('compare');
    await screenshot(page, 'client-compare', 'en-US', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('shows a forbidden page for another customer’s job and fetches no image of it', async () => {
    const { page } = browser;
    const foreignJob = await jobIdByTitle(baseUrl, staffToken, 'Family portraits, autumn');
    const mediaRequests: Request[] = [];
    const onRequest = (request: Request) => {
      if (/\/(media|downloads)\//.test(request.url())) mediaRequests.push(request);
    };
    page.on('request', onRequest);
    await page.goto(`${baseUrl}/jobs/${foreignJob}`);
    await page.getByRole('heading', { name: en.app.forbidden.title }).waitFor();
    await page.waitForLoadState('networkidle');
    page.off('request', onRequest);
    expect(mediaRequests.map((request) => request.url())).toEqual([]);
    await screenshot(page, 'client-forbidden', 'en-US');
  });

  it('shows the account page, then every screen in German after the language is switched', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/account`);
    await page.getByRole('heading', { name: en.account.title }).waitFor();
    await noSeriousViolations('account');
    await screenshot(page, 'client-account', 'en-US');
    // A notification switch is saved to the account: still switched after a reload (and back).
    const decided = page.getByRole('checkbox', { name: 'The studio decided on my requests for extras' });
    const before = await decided.isChecked();
    for (const wanted of [!before, before]) {
      await decided.setChecked(wanted);
      await page.getByText(en.account.saved, { exact: true }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: en.account.title }).waitFor();
      expect(await decided.isChecked()).toBe(wanted);
    }
    await page.getByLabel(en.account.language).selectOption('de');
    await page.getByRole('heading', { name: de.account.title }).waitFor();
    await screenshot(page, 'client-account', 'de-DE');
    await page.goto(`${baseUrl}/`);
    await page.locator(`a[href="/jobs/${jobId}"]`).waitFor();
    await screenshot(page, 'client-jobs', 'de-DE');
    const gallery = new ClientGalleryPage(page, baseUrl, de);
    await gallery.open(jobId);
    await gallery.thumbnailsLoaded();
    await screenshot(page, 'client-gallery', 'de-DE');
    await gallery.openLightbox('stairs.jpg');
    await screenshot(page, 'client-lightbox', 'de-DE', { fullPage: false });
    await page.keyboard.press('Escape');
  });

  it('works at a phone’s size: nothing scrolls sideways and every action is in reach', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 667 });
    for (const locale of ['de-DE', 'en-US'] as const) {
      const text = clientText(locale);
      const gallery = new ClientGalleryPage(page, baseUrl, text);
      await page.goto(`${baseUrl}/`);
      await page.locator(`a[href="/jobs/${jobId}"]`).waitFor();
      expect(await overflowsHorizontally(page), `jobs ${locale}`).toBe(false);
      await screenshot(page, 'client-jobs-phone', locale);
      await gallery.open(jobId);
      expect(await overflowsHorizontally(page), `gallery ${locale}`).toBe(false);
      const extra = page.getByRole('button', { name: text.selection.requestExtraLabel('study.jpg'), exact: true });
      await extra.scrollIntoViewIfNeeded();
      expect(await extra.isVisible()).toBe(true);
      await gallery.thumbnailsLoaded();
      await screenshot(page, 'client-gallery-phone', locale);
      const lightbox = await gallery.openLightbox('roof-terrace.jpg');
      const download = lightbox.getByRole('button', { name: text.downloads.downloadLabel('roof-terrace.jpg') });
      await download.scrollIntoViewIfNeeded();
      expect(await download.isVisible()).toBe(true);
      expect(await overflowsHorizontally(page), `lightbox ${locale}`).toBe(false);
      await screenshot(page, 'client-lightbox-phone', locale, { fullPage: false });
      await page.keyboard.press('Escape');
      await page.goto(`${baseUrl}/account`);
      await page.getByRole('heading', { name: text.account.title }).waitFor();
      expect(await overflowsHorizontally(page), `account ${locale}`).toBe(false);
      await screenshot(page, 'client-account-phone', locale);
      if (locale === 'de-DE') await page.getByLabel(text.account.language).selectOption('en');
    }
    // Signed out, the sign-in page at a phone's size, in both languages.
    await page.getByRole('button', { name: en.account.signOut }).click();
    await page.getByRole('heading', { name: en.signIn.title }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'client-sign-in-phone', 'en-US');
    await page.evaluate(() => localStorage.setItem('pixgate.language', 'de'));
    await page.reload();
    await page.getByRole('heading', { name: de.signIn.title }).waitFor();
    await screenshot(page, 'client-sign-in-phone', 'de-DE');
    await page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(page, 'client-sign-in', 'de-DE');
    expect(await browser.cspViolations()).toEqual([]);
  });

  it('speaks the account’s language after signing in when the page spoke another', async () => {
    const { page } = browser;
    // The page is German (this browser's last choice); the account says English (chosen on the account page above).
    const signIn = new ClientSignInPage(page, baseUrl, de);
    await signIn.heading.waitFor();
    const code = await freshSignInCode(baseUrl, adminToken, DEMO.customer, () => signIn.requestCode(DEMO.customer));
    await signIn.enterCode(code);
    // Back on the account page, where the sign-out was.
    await page.getByRole('heading', { name: en.account.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('pixgate.language'))).toBe('en');
  });
});
