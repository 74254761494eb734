import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobImagesPart } from '../../pages/admin-images-pages.ts';
import { JobShowPage } from '../../pages/admin-jobs-pages.ts';
import { fill, messagesFor } from '../../pages/messages.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';
import { createJobWithImages, type UploadedImage } from '../../support/image-job.ts';

const text = messagesFor('en-US');
const state = text.pixgate.enums.SelectionState;
const PHOTOS = ['Atrium', 'Bay window', 'Cellar', 'Dining room', 'Entrance', 'Fireplace'];

let session: StaffSession;
let staffToken: string;
let jobId: string;
let images: UploadedImage[];
const file = (label: string) => images.find((image) => image.filename === `${label.toLowerCase().replace(/\s+/g, '-')}.jpg`)!;

interface AuditRow {
  reason: string | null;
  oldValue: string | null;
  newValue: string | null;
  image: { id: string } | null;
}

/** The job's selection-state audit rows that carry `reason`, straight from the API. */
async function auditRowsWith(reason: string): Promise<AuditRow[]> {
  const { auditEntries } = await gql<{ auditEntries: { nodes: AuditRow[] } }>(
    session.baseUrl,
    'query($filter: AuditFilter) { auditEntries(filter: $filter, first: 100) { nodes { reason oldValue newValue image { id } } } }',
    { filter: { jobId, field: 'selectionState' } },
    staffToken,
  );
  return auditEntries.nodes.filter((entry) => entry.reason === reason);
}

async function stateOf(imageId: string): Promise<string> {
  const { image } = await gql<{ image: { selectionState: string } }>(session.baseUrl, 'query($id: ID!) { image(id: $id) { selectionState } }', { id: imageId }, staffToken);
  return image.selectionState;
}

/** What "another tab" does while the page stays open: the same API, another request. */
async function inAnotherTab(query: string, variables: Record<string, unknown>) {
  await gql(session.baseUrl, query, variables, staffToken);
}

async function openJob() {
  await session.page.goto(`${session.baseUrl}/admin/jobs/${jobId}/show`);
  const grid = new JobImagesPart(session.page, 'en-US');
  await grid.waitForImages(PHOTOS.length);
  return grid;
}

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
  ({ jobId, images } = await createJobWithImages(baseUrl, staffToken, { customerName: 'Nordlicht Immobilien', title: `Loft conversion (e2e ${Date.now()})`, includedImages: 2, photos: PHOTOS }));
  session = await signedInStaff('en-US');
}, 180_000);

afterAll(async () => {
  await session?.finish();
});

describe('a job’s images: bulk changes, conflicts, block and lightbox', () => {
  it('changes several images at once with a reason: the audit rows are on screen, one per changed image', async () => {
    const grid = await openJob();
    await grid.select('cellar.jpg', 'dining-room.jpg', 'entrance.jpg');
    await session.page.getByText(fill(text.pixgate.images.select.count, { smart_count: 3, total: PHOTOS.length })).waitFor();
    await grid.openBulkChange('extraFree');
    const reason = `Goodwill after the late delivery (e2e ${Date.now()})`;
    await grid.confirmWithReason(reason);
    await grid.dialog.waitFor({ state: 'detached' });

    const rows = grid.written.getByRole('row').filter({ hasText: reason });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    for (const filename of ['cellar.jpg', 'dining-room.jpg', 'entrance.jpg']) {
      const row = rows.filter({ hasText: filename });
      expect(await row.textContent()).toContain(`${state.NONE} → ${state.EXTRA_FREE}`);
      await grid.card(filename).getByText(state.EXTRA_FREE).waitFor();
    }
    // The API wrote exactly one row per changed image, with the reason.
    const written = await auditRowsWith(reason);
    expect(written.map((entry) => entry.image?.id).sort()).toEqual([file('Cellar').id, file('Dining room').id, file('Entrance').id].sort());
    expect(written.every((entry) => entry.oldValue === 'NONE' && entry.newValue === 'EXTRA_FREE')).toBe(true);
  });

  it('blocks one image from its menu, then unblocks it with the bulk change (which touches only the blocked one)', async () => {
    await openJob();
    const job = new JobShowPage(session.page, 'en-US');
    await job.setSelectionState('atrium.jpg', state.BLOCKED, 'Shows the neighbour’s window (e2e)');
    await session.page.getByText(text.pixgate.image.state_changed).waitFor();
    await job.auditSection.getByRole('row').filter({ hasText: 'Shows the neighbour’s window (e2e)' }).waitFor();
    const grid = new JobImagesPart(session.page, 'en-US');
    await grid.card('atrium.jpg').getByText(state.BLOCKED).waitFor();
    expect(await stateOf(file('Atrium').id)).toBe('BLOCKED');

    await grid.select('atrium.jpg', 'bay-window.jpg');
    await session.page.getByRole('button', { name: text.pixgate.images.bulk.menu }).click();
    const unblock = session.page.getByRole('menuitem', { name: text.pixgate.images.bulk.action.unblock });
    expect(await unblock.textContent()).toContain(grid.imagesCount(1));
    await unblock.click();
    await grid.confirmWithReason('Neighbour agreed (e2e)');
    await grid.written.getByRole('row').filter({ hasText: 'Neighbour agreed (e2e)' }).waitFor();
    expect(await stateOf(file('Atrium').id)).toBe('NONE');
    expect(await auditRowsWith('Neighbour agreed (e2e)')).toHaveLength(1);
  });

  it('explains an image changed in another tab after the page loaded, saves nothing, and reloads', async () => {
    const grid = await openJob();
    await grid.select('bay-window.jpg', 'fireplace.jpg');
    await grid.openBulkChange('include');
    await inAnotherTab('mutation($id: ID!) { setImageSelectionState(imageId: $id, state: BLOCKED, reason: "other tab (e2e)") { id } }', { id: file('Bay window').id });

    await grid.confirmWithReason('Customer chose them on the phone (e2e)');
    await expect(grid.dialog.getByRole('alert').textContent()).resolves.toContain(text.pixgate.images.bulk.changed_meanwhile);
    await expect(grid.dialog.getByTestId('changed-meanwhile').textContent()).resolves.toContain(
      fill(text.pixgate.images.bulk.image_changed, { filename: 'bay-window.jpg', shown: state.NONE, now: state.BLOCKED }),
    );
    // All or nothing: the other image was not changed either.
    expect(await stateOf(file('Fireplace').id)).toBe('NONE');
    expect(await auditRowsWith('Customer chose them on the phone (e2e)')).toHaveLength(0);

    await grid.dialog.getByRole('button', { name: text.pixgate.reason.reload }).click();
    await grid.dialog.waitFor({ state: 'detached' });
    await grid.card('bay-window.jpg').getByText(state.BLOCKED).waitFor();
    // The selection stays: try again with what is on screen now.
    await grid.openBulkChange('include');
    await grid.confirmWithReason('Customer chose them on the phone (e2e)');
    await grid.written.getByRole('row').filter({ hasText: 'Customer chose them on the phone (e2e)' }).first().waitFor();
    expect(await stateOf(file('Bay window').id)).toBe('INCLUDED');
    expect(await stateOf(file('Fireplace').id)).toBe('INCLUDED');
  });

  it('explains a job changed in another tab (its version moved on) for a bulk change and for the package size, and reloads', async () => {
    const grid = await openJob();
    const job = new JobShowPage(session.page, 'en-US');
    const { job: before } = await gql<{ job: { version: number; includedImages: number } }>(session.baseUrl, 'query($id: ID!) { job(id: $id) { version includedImages } }', { id: jobId }, staffToken);
    await inAnotherTab('mutation($id: ID!, $size: Int!) { setIncludedImages(jobId: $id, includedImages: $size, reason: "other tab (e2e)") { id } }', { id: jobId, size: before.includedImages + 1 });

    await grid.select('fireplace.jpg');
    await grid.openBulkChange('exclude');
    await grid.confirmWithReason('Swapped for another one (e2e)');
    await expect(grid.dialog.getByTestId('changed-meanwhile').textContent()).resolves.toContain(
      fill(text.pixgate.images.bulk.job_changed, { shown: before.version, now: before.version + 1 }),
    );
    await grid.dialog.getByRole('button', { name: text.pixgate.reason.reload }).click();
    await grid.dialog.waitFor({ state: 'detached' });
    await job.packageBar.getByText(`of ${before.includedImages + 1} included`).waitFor();
    await grid.openBulkChange('exclude');
    await grid.confirmWithReason('Swapped for another one (e2e)');
    await grid.written.getByRole('row').filter({ hasText: 'Swapped for another one (e2e)' }).waitFor();

    // The package size: the API itself refuses the stale version (CONFLICT, currentVersion).
    await inAnotherTab('mutation($id: ID!, $size: Int!) { setIncludedImages(jobId: $id, includedImages: $size, reason: "other tab again (e2e)") { id } }', { id: jobId, size: before.includedImages + 2 });
    await job.changePackageSize(before.includedImages + 5, 'Bigger package booked (e2e)');
    await expect(job.dialog.getByRole('alert').textContent()).resolves.toContain(text.pixgate.errors.reason.STALE_VERSION);
    await job.dialog.getByRole('button', { name: text.pixgate.reason.reload }).click();
    await job.dialog.waitFor({ state: 'detached' });
    await job.packageBar.getByText(`of ${before.includedImages + 2} included`).waitFor();
    await job.changePackageSize(before.includedImages + 5, 'Bigger package booked (e2e)');
    await job.auditSection.getByRole('row').filter({ hasText: 'Bigger package booked (e2e)' }).waitFor();
    await job.packageBar.getByText(`of ${before.includedImages + 5} included`).waitFor();
  });

  it('steps through the images in the lightbox with the arrow keys and closes it with Escape, in the grid and the list', async () => {
    const grid = await openJob();
    const { page } = session;
    await grid.openLightbox('atrium.jpg');
    await expect(grid.lightboxPosition.textContent()).resolves.toBe(grid.lightboxAt(1, PHOTOS.length));
    await page.keyboard.press('ArrowLeft');
    await expect(grid.lightboxPosition.textContent()).resolves.toBe(grid.lightboxAt(1, PHOTOS.length));
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'bay-window.jpg' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'cellar.jpg' }).waitFor();
    await expect(grid.lightboxPosition.textContent()).resolves.toBe(grid.lightboxAt(3, PHOTOS.length));
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { name: 'bay-window.jpg' }).waitFor();
    await page.keyboard.press('Escape');
    await grid.dialog.waitFor({ state: 'detached' });

    await grid.showAs('list');
    // The table of the images (the audit trail below is another table).
    await page.locator('table tbody tr').filter({ hasText: 'fireplace.jpg' }).first().waitFor();
    await grid.openLightbox('fireplace.jpg');
    await expect(grid.lightboxPosition.textContent()).resolves.toBe(grid.lightboxAt(PHOTOS.length, PHOTOS.length));
    await page.keyboard.press('ArrowRight');
    await expect(grid.lightboxPosition.textContent()).resolves.toBe(grid.lightboxAt(PHOTOS.length, PHOTOS.length));
    await page.keyboard.press('Escape');
    await grid.dialog.waitFor({ state: 'detached' });
    await grid.showAs('grid');
  });
});
