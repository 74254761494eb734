import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ImagePage, JobImagesPart } from '../../pages/admin-images-pages.ts';
import { fill, messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { sharedStaffSession, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import type { BrowserLocale } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';
import { createJobWithImages, downloadAsCustomer, enhanceAndWait, type UploadedImage } from '../../support/image-job.ts';
import { screenshot } from '../../support/screenshots.ts';
import { POLL } from '../../support/settle.ts';

const PHOTOS = ['Garden gate', 'Hall', 'Kitchen', 'Loft', 'Music room'];
const CUSTOMER_NOTE = 'Could we have the kitchen too? <b>Thanks</b>';

let baseUrl: string;
let jobId: string;
let images: UploadedImage[];
/** The enhanced copy of the hall, made by staff. */
let derivedId: string;
const image = (filename: string) => images.find((candidate) => candidate.filename === filename)!;

/** Staff stay signed in, one browser per language, from test to test. */
const sessions: Record<BrowserLocale, (path?: string) => Promise<StaffSession>> = {
  'de-DE': sharedStaffSession('de-DE'),
  'en-US': sharedStaffSession('en-US'),
};

/**
 * A job of its own: the customer selects two images (the package), asks for the kitchen as an
 * extra with a note, and downloads the garden gate (locked, one delivery); staff enhance the hall.
 */
beforeAll(async () => {
  baseUrl = inject('baseUrl');
  const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
  ({ jobId, images } = await createJobWithImages(baseUrl, staffToken, { customerName: 'Nordlicht Immobilien', title: `Stadtvilla Parkweg (e2e ${Date.now()})`, includedImages: 2, photos: PHOTOS }));
  const customerToken = await accessTokenOf(baseUrl, DEMO.customer, DEMO_PASSWORD);
  const select = 'mutation($id: ID!, $note: String) { selectImage(imageId: $id, extraNote: $note) { selectionState } }';
  for (const filename of ['garden-gate.jpg', 'hall.jpg']) await gql(baseUrl, select, { id: image(filename).id }, customerToken);
  const { selectImage } = await gql<{ selectImage: { selectionState: string } }>(baseUrl, select, { id: image('kitchen.jpg').id, note: CUSTOMER_NOTE }, customerToken);
  expect(selectImage.selectionState).toBe('EXTRA_PENDING');
  expect(await downloadAsCustomer(baseUrl, customerToken, image('garden-gate.jpg').id)).toBeGreaterThan(0);
  derivedId = await enhanceAndWait(baseUrl, staffToken, image('hall.jpg').id, 'restore-basic');
}, 180_000);

async function openJob(locale: BrowserLocale) {
  const session = await sessions[locale](`/admin/jobs/${jobId}/show`);
  const grid = new JobImagesPart(session.page, locale);
  // The uploads and the enhanced copy of the hall.
  await grid.waitForImages(PHOTOS.length + 1);
  return { page: session.page, grid, text: messagesFor(locale) };
}

describe.each<BrowserLocale>(['de-DE', 'en-US'])('the image screens in %s', (locale) => {
  it('grid, list, lightbox and the bulk dialog: screenshots, and nothing serious for axe', async () => {
    const { page, grid, text } = await openJob(locale);
    await grid.select('loft.jpg', 'music-room.jpg');
    await screenshot(page, 'admin-job-images-grid', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await grid.openBulkChange('extraPaid');
    await grid.dialog.getByLabel(text.pixgate.reason.label).focus();
    await screenshot(page, 'admin-job-images-bulk-dialog', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await grid.dialog.getByRole('button', { name: text.ra.action.cancel }).click();
    await grid.dialog.waitFor({ state: 'detached' });

    await grid.openLightbox('garden-gate.jpg');
    await screenshot(page, 'admin-job-images-lightbox', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await grid.dialog.waitFor({ state: 'detached' });

    await grid.showAs('list');
    await page.locator('table tbody tr').filter({ hasText: 'music-room.jpg' }).first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('table img')].every((img) => img.complete && img.naturalWidth > 0), undefined, POLL);
    await screenshot(page, 'admin-job-images-list', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await grid.showAs('grid');
  });

  it('the image page: preview, lock, deliveries, extra requests, enhancements with before/after, audit trail', async () => {
    const { page, grid, text } = await openJob(locale);
    const imagePage = new ImagePage(page, locale);

    // From the card's file name to the image's page: a locked, downloaded image.
    await grid.card('garden-gate.jpg').getByRole('link', { name: 'garden-gate.jpg' }).click();
    await imagePage.waitForPreview();
    await imagePage.lockState.getByText(text.pixgate.images.page.locked).waitFor();
    const delivery = imagePage.region('deliveries').getByTestId('delivery-row');
    await delivery.first().waitFor();
    expect(await delivery.count()).toBe(1);
    expect(await delivery.textContent()).toContain('Nora Nordlicht');
    expect(await delivery.textContent()).toContain(DEMO.customer);
    const lockEntry = imagePage.region('audit').getByRole('row').filter({ hasText: text.pixgate.auditField.selectionLock });
    await lockEntry.first().waitFor();
    await screenshot(page, 'admin-image-page', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The extra request, with the customer's note as text.
    await page.goto(`${baseUrl}/admin/images/${image('kitchen.jpg').id}/show`);
    await imagePage.waitForPreview();
    await expect(imagePage.region('extra_requests').textContent()).resolves.toContain(CUSTOMER_NOTE);
    expect(await imagePage.region('extra_requests').locator('b').count()).toBe(0);

    // The enhanced hall: its enhancement with before/after on the original's page, and its own page.
    await page.goto(`${baseUrl}/admin/images/${image('hall.jpg').id}/show`);
    await imagePage.region('enhancements').getByTestId('before-after').waitFor();
    await imagePage.waitForPreview();
    await imagePage.region('enhancements').getByRole('slider').focus();
    for (let step = 0; step < 15; step += 1) await page.keyboard.press('ArrowLeft');
    await expect(imagePage.region('enhancements').getByRole('slider').getAttribute('aria-valuenow')).resolves.toBe('35');
    // Back to the top, where the app bar shows again, for the picture.
    await page.evaluate(() => new Promise((resolve) => (window.scrollTo(0, 0), requestAnimationFrame(() => requestAnimationFrame(resolve)))));
    await screenshot(page, 'admin-image-page-enhanced', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await imagePage.region('enhancements').getByRole('link', { name: text.pixgate.images.enhancement.open_result }).click();
    await page.waitForURL(new RegExp(`/admin/images/${derivedId}/show`));
    await page.getByRole('link', { name: fill(text.pixgate.images.page.enhanced_from, { filename: 'hall.jpg' }) }).waitFor();
    await imagePage.waitForPreview();
  });
});

describe('audited actions on the image page', () => {
  it('unlocks a locked image with a reason; the lock and its audit entry change at once', async () => {
    const { page, text } = await openJob('en-US');
    const imagePage = new ImagePage(page, 'en-US');
    await page.goto(`${baseUrl}/admin/images/${image('garden-gate.jpg').id}/show`);
    await imagePage.lockState.getByText(text.pixgate.images.page.locked).waitFor();

    // Without a reason the dialog refuses.
    await imagePage.region('selection').getByRole('button', { name: text.pixgate.image.unlock }).click();
    await imagePage.dialog.getByRole('button', { name: text.pixgate.image.unlock }).click();
    await imagePage.dialog.getByText(text.pixgate.reason.required).waitFor();
    await imagePage.dialog.getByRole('button', { name: text.ra.action.cancel }).click();

    await imagePage.unlock('Customer picked the wrong gate (e2e)');
    await imagePage.dialog.waitFor({ state: 'detached' });
    await imagePage.lockState.getByText(text.pixgate.images.page.not_locked).waitFor();
    const entry = imagePage.region('audit').getByRole('row').filter({ hasText: 'Customer picked the wrong gate (e2e)' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(text.pixgate.auditField.selectionLock);
    // The deliveries stay: they are a record of what was sent.
    expect(await imagePage.region('deliveries').getByTestId('delivery-row').count()).toBe(1);
    expect(await imagePage.region('selection').getByRole('button', { name: text.pixgate.image.unlock }).count()).toBe(0);
  });
});

describe('removing a wrong upload', () => {
  it('keeps a delivered image as removed and hands its place to the corrected upload; deletes an untouched one', async () => {
    const { page, text } = await openJob('en-US');
    const imagePage = new ImagePage(page, 'en-US');
    const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
    const stateOf = async (id: string) =>
      (await gql<{ image: { status: string; selectionState: string } }>(baseUrl, 'query($id: ID!) { image(id: $id) { status selectionState } }', { id }, staffToken)).image;

    await page.goto(`${baseUrl}/admin/images/${image('garden-gate.jpg').id}/show`);
    await imagePage.waitForPreview();
    await page.getByRole('button', { name: text.pixgate.images.remove.button }).click();
    await imagePage.dialog.getByRole('combobox', { name: text.pixgate.images.remove.replacement }).click();
    await page.getByRole('option', { name: 'loft.jpg' }).click();
    await imagePage.dialog.getByLabel(text.pixgate.reason.label).fill('Wrong gate, the corrected photo replaces it (e2e)');
    await screenshot(page, 'admin-image-remove-dialog', 'en-US');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await imagePage.dialog.getByRole('button', { name: text.pixgate.images.remove.button }).click();
    await page.getByText(fill(text.pixgate.images.remove.replaced, { filename: 'loft.jpg' })).waitFor();
    await imagePage.region('upload').getByText(text.pixgate.images.remove.is_removed).waitFor();
    await screenshot(page, 'admin-image-removed', 'en-US');
    await imagePage.region('audit').getByRole('row').filter({ hasText: 'Wrong gate, the corrected photo replaces it (e2e)' }).first().waitFor();
    expect(await page.getByRole('button', { name: text.pixgate.images.remove.button }).count()).toBe(0);
    expect(await stateOf(image('garden-gate.jpg').id)).toEqual({ status: 'REMOVED', selectionState: 'NONE' });
    expect(await stateOf(image('loft.jpg').id)).toEqual({ status: 'READY', selectionState: 'INCLUDED' });

    // Nobody has touched the music room: it goes with its files, and the page goes back to the job.
    await page.goto(`${baseUrl}/admin/images/${image('music-room.jpg').id}/show`);
    await imagePage.waitForPreview();
    await page.getByRole('button', { name: text.pixgate.images.remove.button }).click();
    expect(await imagePage.dialog.getByRole('combobox').count()).toBe(0);
    await imagePage.dialog.getByLabel(text.pixgate.reason.label).fill('Uploaded by mistake (e2e)');
    await imagePage.dialog.getByRole('button', { name: text.pixgate.images.remove.button }).click();
    await page.getByText(text.pixgate.images.remove.deleted).waitFor();
    await page.waitForURL(new RegExp(`/admin/jobs/${jobId}/show`));
    await new JobImagesPart(page, 'en-US').waitForImages(PHOTOS.length);
    expect(await page.getByTestId('image-card').filter({ hasText: 'music-room.jpg' }).count()).toBe(0);
    await expect(stateOf(image('music-room.jpg').id)).rejects.toThrow(/GraphQL/);
  });
});
