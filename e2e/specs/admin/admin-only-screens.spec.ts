import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { menuItem, tableRows } from '../../pages/admin-administration-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { sharedStaffSession, signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

const text = messagesFor('en-US');
/** The demo admin stays signed in for the tests of admin screens. */
const adminSession = sharedStaffSession('en-US', DEMO.admin);
let session: StaffSession | undefined;
let restoreStudio: (() => Promise<unknown>) | undefined;

afterEach(async () => {
  await session?.finish();
  session = undefined;
});
afterAll(async () => {
  await restoreStudio?.();
});

/** The API's answer to a call, or the message of the error it answered with. */
const outcome = (call: Promise<unknown>) => call.then(() => 'answered', (error: Error) => error.message);

describe('screens for admins only', () => {
  it('an admin sees security events and the mail outbox', async () => {
    const baseUrl = inject('baseUrl');
    const stamp = Date.now();
    // A failed sign-in of an unknown address is a security event that names the address.
    const stranger = `nobody-${stamp}@example.test`;
    await expect(outcome(accessTokenOf(baseUrl, stranger, 'wrong-password'))).resolves.toMatch(/GraphQL/);
    // A sign-in code for a new customer user is mail the development outbox keeps.
    const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
    const { customers } = await gql<{ customers: { nodes: { id: string; name: string }[] } }>(baseUrl, '{ customers(first: 50) { nodes { id name } } }', {}, staffToken);
    const customerId = customers.nodes.find((customer) => customer.name === 'Nordlicht Immobilien')!.id;
    const email = `outbox-${stamp}@nordlicht.test`;
    await gql(baseUrl, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Olga Outbox', role: 'CUSTOMER', customerId } }, staffToken);
    await gql(baseUrl, 'mutation($email: String!) { requestLoginCode(email: $email) }', { email });

    const { page } = await adminSession();
    await menuItem(page, text.resources.securityEvents.name).click();
    await page.waitForURL(/\/admin\/securityEvents/);
    await page.getByLabel(text.resources.securityEvents.fields.type, { exact: true }).click();
    await page.getByRole('option', { name: text.pixgate.enums.SecurityEventType.LOGIN_FAILED, exact: true }).click();
    const failed = tableRows(page).filter({ hasText: stranger });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('unknown_account');
    // The filter is the API's: only failed sign-ins are left.
    await expect.poll(() => tableRows(page).filter({ hasNotText: text.pixgate.enums.SecurityEventType.LOGIN_FAILED }).count(), { timeout: 10_000 }).toBe(0);

    await menuItem(page, text.resources.mailOutbox.name).click();
    await page.waitForURL(/\/admin\/mailOutbox/);
    const mail = tableRows(page).filter({ hasText: email }).first();
    await mail.waitFor();
    await mail.click();
    // The row opens to the mail's text: the six-digit code is in it.
    await page.locator('pre').filter({ hasText: /\b\d{6}\b/ }).first().waitFor();
  });

  it('an admin saves the studio settings', async () => {
    const baseUrl = inject('baseUrl');
    const adminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
    const studioQuery = '{ studio { name defaultIncludedImages } }';
    const { studio: before } = await gql<{ studio: { name: string; defaultIncludedImages: number } }>(baseUrl, studioQuery, {}, adminToken);
    restoreStudio = () => gql(baseUrl, 'mutation($input: UpdateStudioSettingsInput!) { updateStudioSettings(input: $input) { name } }', { input: before }, adminToken);

    const { page } = await adminSession();
    const fields = text.resources.studioSettings.fields;
    await menuItem(page, text.resources.studioSettings.name).click();
    await page.waitForURL(/\/admin\/studioSettings/);
    const name = page.getByLabel(fields.name);
    await expect.poll(() => name.inputValue()).toBe(before.name);
    const renamed = `Studio Nord (e2e ${Date.now()})`;
    await name.fill(renamed);
    await page.getByLabel(fields.defaultIncludedImages).fill(String(before.defaultIncludedImages + 3));
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.getByText(text.ra.notification.updated.split(' |||| ')[0]!).waitFor();
    const { studio: after } = await gql<{ studio: { name: string; defaultIncludedImages: number } }>(baseUrl, studioQuery, {}, adminToken);
    expect(after).toEqual({ name: renamed, defaultIncludedImages: before.defaultIncludedImages + 3 });

    // An empty name is refused by the form before the API is asked.
    await name.fill('');
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.getByText(text.ra.validation.required).first().waitFor();
  });

  it('staff have none of them in the menu or at their addresses, and the API refuses them', async () => {
    const baseUrl = inject('baseUrl');
    session = await signedInStaff('en-US');
    const { page } = session;
    await menuItem(page, text.resources.users.name).waitFor();
    for (const resource of [text.resources.securityEvents, text.resources.mailOutbox, text.resources.studioSettings]) {
      expect(await menuItem(page, resource.name).count()).toBe(0);
    }
    await page.goto(`${baseUrl}/admin/securityEvents`);
    await page.getByText(text.ra.page.not_found).waitFor();
    expect(await tableRows(page).count()).toBe(0);

    const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
    for (const call of [
      '{ securityEvents(first: 1) { totalCount } }',
      '{ mailOutbox(first: 1) { totalCount } }',
      'mutation { updateStudioSettings(input: { name: "Taken over" }) { name } }',
    ]) {
      await expect(outcome(gql(baseUrl, call, {}, staffToken))).resolves.toBe('GraphQL: Only admins may do this.');
    }
  });
});
