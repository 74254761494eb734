import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobListPage, JobShowPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { CHANGED_JOB, CHANGED_JOB_IMAGE, STATUS_CHANGED_JOB } from '../../support/demo.ts';

const text = messagesFor('en-US');
let session: StaffSession;

// One signed-in browser for both: the second builds on the first's page.
beforeAll(async () => {
  session = await signedInStaff('en-US');
});
afterAll(async () => {
  await session?.finish();
});

describe('audited actions on a job', () => {
  it('sets the package size with a reason, and the audit entry shows at once', async () => {
    const { page } = session;
    await new JobListPage(page).open(CHANGED_JOB);
    const job = new JobShowPage(page, 'en-US');
    await job.packageBar.waitFor();
    const before = Number(/of (\d+) included/.exec((await job.packageBar.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThanOrEqual(0);

    const reason = `Customer booked the bigger package (e2e ${Date.now()})`;
    await job.changePackageSize(before + 2, reason);
    await job.dialog.waitFor({ state: 'detached' });
    await page.getByText(text.pixgate.package.size_changed).waitFor();
    const entry = job.auditSection.getByRole('row').filter({ hasText: reason });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(text.pixgate.auditField.includedImages);
    expect(await entry.textContent()).toContain(`${before} → ${before + 2}`);
    await expect(job.packageBar.textContent()).resolves.toMatch(new RegExp(`of ${before + 2} included`));
  });

  it('refuses a package smaller than what is already included, explained in the dialog', async () => {
    const { page } = session;
    const job = new JobShowPage(page, 'en-US');
    await job.waitForImages();

    await job.setSelectionState(CHANGED_JOB_IMAGE, text.pixgate.enums.SelectionState.INCLUDED, 'Chosen on the phone (e2e)');
    await page.getByText(text.pixgate.image.state_changed).waitFor();
    await job.auditSection.getByRole('row').filter({ hasText: 'Chosen on the phone (e2e)' }).waitFor();

    await job.changePackageSize(0, 'Trying to shrink below the selection (e2e)');
    await expect(job.dialog.getByRole('alert').textContent()).resolves.toBe(text.pixgate.errors.reason.BELOW_INCLUDED_COUNT);
    await job.dialog.getByRole('button', { name: text.ra.action.cancel }).click();
    expect(await job.auditSection.getByRole('row').filter({ hasText: 'Trying to shrink below the selection' }).count()).toBe(0);
  });

  it('changes a job’s status only with a reason, and audits it', async () => {
    const { page } = session;
    await page.getByRole('menuitem', { name: text.resources.jobs.name.split(' |||| ')[1] }).click();
    await new JobListPage(page).open(STATUS_CHANGED_JOB);
    await page.getByRole('link', { name: text.ra.action.edit }).click();
    await page.getByLabel(text.resources.jobs.fields.status).click();
    await page.getByRole('option', { name: text.pixgate.enums.JobStatus.DELIVERED, exact: true }).click();
    // Without a reason the form refuses.
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.getByText(text.pixgate.reason.required).waitFor();
    const reason = 'Handed over at the site visit (e2e)';
    await page.getByLabel(text.pixgate.reason.label).fill(reason);
    await page.getByRole('button', { name: text.ra.action.save }).click();

    const job = new JobShowPage(page, 'en-US');
    const entry = job.auditSection.getByRole('row').filter({ hasText: reason });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`${text.pixgate.enums.JobStatus.IN_PROGRESS} → ${text.pixgate.enums.JobStatus.DELIVERED}`);
    expect(await entry.textContent()).toContain(text.pixgate.auditField.status);
  });
});
