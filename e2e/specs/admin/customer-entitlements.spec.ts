import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CustomerShowPage } from '../../pages/admin-administration-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

const text = messagesFor('en-US');
let session: StaffSession;
let customerId: string;

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
  // A customer of its own: the credits and plan it starts with are known (0, Free).
  const { createCustomer } = await gql<{ createCustomer: { id: string } }>(
    baseUrl,
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: `Entitlements e2e ${Date.now()}` } },
    staffToken,
  );
  customerId = createCustomer.id;
  session = await signedInStaff('en-US', DEMO.staff, `/admin/customers/${customerId}/show`);
});
afterAll(async () => {
  await session?.finish();
});

describe('a customer’s plan, usage and credits', () => {
  it('grants credits with a reason: the usage shows the new balance and the audit trail the entry', async () => {
    // The session opened on the customer's page.
    const { page } = session;
    const customer = new CustomerShowPage(page, 'en-US');
    await expect(customer.creditBalance.textContent()).resolves.toBe('0');

    const reason = `Goodwill after the late delivery (e2e ${Date.now()})`;
    await customer.grantCredits(25, reason);
    await customer.dialog.waitFor({ state: 'detached' });
    await page.getByText(text.pixgate.credits.granted).waitFor();
    await customer.creditBalance.filter({ hasText: /^25$/ }).waitFor();
    const entry = customer.auditSection.getByRole('row').filter({ hasText: reason });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(text.pixgate.auditField.creditBalance);
    expect(await entry.textContent()).toContain('0 → 25');
  });

  it('refuses to take back more credits than there are, explained in the dialog, and changes nothing', async () => {
    const { page } = session;
    const customer = new CustomerShowPage(page, 'en-US');
    await customer.grantCredits(-100, 'Taking back too much (e2e)');
    await expect(customer.dialog.getByRole('alert').textContent()).resolves.toBe(text.pixgate.errors.reason.BELOW_ZERO);
    await customer.dialog.getByRole('button', { name: text.ra.action.cancel }).click();
    await customer.dialog.waitFor({ state: 'detached' });
    await expect(customer.creditBalance.textContent()).resolves.toBe('25');
    expect(await customer.auditSection.getByRole('row').filter({ hasText: 'Taking back too much' }).count()).toBe(0);
  });

  it('puts the customer on another plan with a reason, audited by the plans’ names', async () => {
    const { page } = session;
    const customer = new CustomerShowPage(page, 'en-US');
    const reason = `Booked the standard package (e2e ${Date.now()})`;
    await customer.changePlan('Standard', reason);
    await customer.dialog.waitFor({ state: 'detached' });
    await page.getByText(text.pixgate.plan.changed).waitFor();
    await customer.planSection.getByText('Standard', { exact: true }).waitFor();
    const entry = customer.auditSection.getByRole('row').filter({ hasText: reason });
    await entry.waitFor();
    await entry.filter({ hasText: 'Free → Standard' }).waitFor();
  });
});
