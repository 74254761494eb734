import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { finish, signedInStaff } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import type { Browser, BrowserLocale } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD, VIEWED_JOB } from '../../support/demo.ts';
import { createJobWithImages } from '../../support/image-job.ts';
import { overflowsHorizontally } from '../../support/layout.ts';
import { screenshot } from '../../support/screenshots.ts';
import { POLL } from '../../support/settle.ts';

/** A customer's note that would run if the inbox rendered it as markup. */
const HOSTILE_NOTE = 'Bitte auch dieses <script>window.__pixgatePwned = 1</script><img src=x onerror="window.__pixgatePwned = 2"> – danke!';
const PLAIN_NOTE = 'Could we also have the facade, please?';
const GOODWILL_NOTE = 'The hallway would help the listing.';

let browser: Browser | undefined;
/** The images that became requests for extras: the first carries the hostile note, the third is granted free. */
let requested: string[] = [];

afterEach(async () => {
  if (browser) await finish(browser);
  browser = undefined;
});

/** A long job title of long hyphenated words: the inbox's table must still fit beside the menu. */
const LONG_TITLE = `Stadtvilla Parkweg Nord-Ost-Flügel (e2e-${Date.now()}-Dachgeschoss-und-Gartenansichten)`;

/**
 * The demo customer fills the package of the viewed job (4 images) and asks for three more, one with
 * a note that holds markup: the inbox must show it as text. One more request comes from a job with a
 * long title, made for it.
 */
beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  const token = await accessTokenOf(baseUrl, DEMO.customer, DEMO_PASSWORD);
  const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
  const { images } = await createJobWithImages(baseUrl, staffToken, { customerName: 'Nordlicht Immobilien', title: LONG_TITLE, includedImages: 0, photos: ['Attic'] });
  await gql(baseUrl, 'mutation($imageId: ID!) { selectImage(imageId: $imageId, extraNote: "Also this one.") { selectionState } }', { imageId: images[0]!.id }, token);
  const { jobs } = await gql<{ jobs: { nodes: { title: string; images: { nodes: { id: string; filename: string; selectionState: string }[] } }[] } }>(
    baseUrl,
    '{ jobs(first: 10) { nodes { title images(first: 20) { nodes { id filename selectionState } } } } }',
    {},
    token,
  );
  const job = jobs.nodes.find((candidate) => candidate.title === VIEWED_JOB)!;
  requested = [];
  for (const image of job.images.nodes) {
    if (requested.length === 3) break;
    const note = [HOSTILE_NOTE, PLAIN_NOTE, GOODWILL_NOTE][requested.length];
    const { selectImage } = await gql<{ selectImage: { selectionState: string } }>(
      baseUrl,
      'mutation($imageId: ID!, $extraNote: String) { selectImage(imageId: $imageId, extraNote: $extraNote) { selectionState } }',
      { imageId: image.id, extraNote: note },
      token,
    );
    if (selectImage.selectionState === 'EXTRA_PENDING') requested.push(image.filename);
  }
  expect(requested).toHaveLength(3);
});

async function openInbox(locale: BrowserLocale) {
  const session = await signedInStaff(locale);
  browser = session;
  const text = messagesFor(locale);
  await session.page.getByRole('menuitem', { name: text.resources.extraRequests.name.split(' |||| ')[1] }).click();
  await session.page.waitForURL(/\/admin\/extraRequests/);
  await session.page.locator('table tbody tr').filter({ hasText: requested[0]! }).waitFor();
  // The thumbnails are loaded before anyone looks.
  await session.page.waitForFunction(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>('table tbody tr img')];
    return images.length > 0 && images.every((image) => image.complete && image.naturalWidth > 0);
  }, undefined, POLL);
  return { page: session.page, text };
}

describe('the extras inbox', () => {
  it('in German: pending requests oldest first, with thumbnail, job, customer and the note as text, within 1,280 px', async () => {
    const { page } = await openInbox('de-DE');
    await page.locator('table tbody tr').filter({ hasText: LONG_TITLE }).waitFor();
    await screenshot(page, 'admin-extras-inbox', 'de-DE');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('in English: the note is text, never markup; approve paid, grant free and decline (final) with a note; each shows its new status', async () => {
    const { page, text } = await openInbox('en-US');
    const hostileRow = page.locator('table tbody tr').filter({ hasText: requested[0]! });
    await expect(hostileRow.textContent()).resolves.toContain('<script>window.__pixgatePwned = 1</script>');
    expect(await hostileRow.locator('script').count()).toBe(0);
    expect(await hostileRow.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pixgatePwned?: number }).__pixgatePwned)).toBeUndefined();
    await expect(hostileRow.textContent()).resolves.toContain(VIEWED_JOB);
    await expect(hostileRow.textContent()).resolves.toContain('Nordlicht Immobilien');
    await screenshot(page, 'admin-extras-inbox', 'en-US');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Approve paid: the note is required.
    const decisions = text.pixgate.enums.ExtraDecision;
    await hostileRow.getByRole('button', { name: decisions.PAID }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: decisions.PAID }).click();
    await dialog.getByText(text.pixgate.reason.required).waitFor();
    await dialog.getByLabel(text.pixgate.extras.note_label).fill('Approved as an extra at the usual price.');
    await dialog.getByRole('button', { name: decisions.PAID }).click();
    await dialog.waitFor({ state: 'detached' });

    // Decline the other one for good.
    const plainRow = page.locator('table tbody tr').filter({ hasText: requested[1]! });
    await plainRow.getByRole('button', { name: decisions.DECLINED }).click();
    await dialog.getByRole('group', { name: text.pixgate.extras.may_ask_again_from }).waitFor();
    await screenshot(page, 'admin-extras-decline-dialog', 'en-US');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByLabel(text.pixgate.extras.final).check();
    await dialog.getByLabel(text.pixgate.extras.note_label).fill('We cannot release this one.');
    await dialog.getByRole('button', { name: decisions.DECLINED }).click();
    await dialog.waitFor({ state: 'detached' });

    // Grant the third as goodwill: free, and released at once.
    const goodwillRow = page.locator('table tbody tr').filter({ hasText: requested[2]! });
    await goodwillRow.getByRole('button', { name: decisions.FREE }).click();
    await dialog.getByLabel(text.pixgate.extras.note_label).fill('On the house, for the listing.');
    await dialog.getByRole('button', { name: decisions.FREE }).click();
    await dialog.waitFor({ state: 'detached' });

    // Each request shows its new status where it stays in view.
    const statuses = text.pixgate.enums.ExtraRequestStatus;
    await goodwillRow.getByText(statuses.FREE, { exact: true }).waitFor();
    await hostileRow.getByText(statuses.PAID, { exact: true }).waitFor();
    await plainRow.getByText(statuses.DECLINED, { exact: true }).waitFor();
    expect(await hostileRow.getByRole('button', { name: decisions.PAID }).count()).toBe(0);
    await screenshot(page, 'admin-extras-decided', 'en-US');
    // The decided statuses are wider than "Pending": the table still fits.
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
