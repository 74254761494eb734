import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { gql } from '../../support/api-client.ts';
import { DEMO } from '../../support/demo.ts';
import { screenshot } from '../../support/screenshots.ts';

const text = messagesFor('en-US');
let session: StaffSession;

beforeAll(async () => {
  session = await signedInStaff('en-US', DEMO.staff, '/admin/customers/create');
});
afterAll(async () => {
  await session?.finish();
});

describe('a new customer and their first job', () => {
  it('staff create a customer, then a job for them with its package size; both exist through the API as entered', async () => {
    const { page, baseUrl, tokens } = session;
    const name = `Seeblick Ferienwohnungen ${Date.now()}`;
    const save = () => page.getByRole('toolbar').getByRole('button', { name: text.ra.action.save }).click();

    // The session opened on the form.
    await page.getByLabel(text.resources.customers.fields.name).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel(text.resources.customers.fields.name).fill(name);
    await page.getByLabel(text.resources.customers.fields.contactEmail).fill('buero@seeblick.test');
    await screenshot(page, 'admin-customer-create', 'en-US');
    await save();
    await page.waitForURL(/\/admin\/customers\/[^/]+\/show$/);
    await page.getByRole('heading', { name }).first().waitFor();

    await page.goto(`${baseUrl}/admin/jobs/create`);
    const customerField = page.getByRole('combobox', { name: text.resources.jobs.fields.customerId });
    await customerField.fill(name.slice(0, 20));
    await page.getByRole('option', { name }).click();
    await page.getByLabel(text.resources.jobs.fields.title).fill('Apartment 4 – Sommerfotos');
    await page.getByLabel(text.resources.jobs.fields.includedImages).fill('12');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-job-create', 'en-US');
    await save();
    await page.waitForURL(/\/admin\/jobs\/[^/]+\/show$/);
    const jobId = /\/admin\/jobs\/([^/]+)\/show$/.exec(page.url())![1]!;

    const { job } = await gql<{ job: { title: string; includedImages: number; status: string; customer: { name: string; contactEmail: string } } }>(
      baseUrl,
      'query($id: ID!) { job(id: $id) { title includedImages status customer { name contactEmail } } }',
      { id: jobId },
      tokens.accessToken,
    );
    expect(job).toEqual({ title: 'Apartment 4 – Sommerfotos', includedImages: 12, status: 'IN_PROGRESS', customer: { name, contactEmail: 'buero@seeblick.test' } });
  });
});
