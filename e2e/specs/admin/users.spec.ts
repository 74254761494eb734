import { afterEach, describe, expect, inject, it } from 'vitest';
import { messagesFor } from '../../pages/messages.ts';
import { finish, signedInStaff } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import type { Browser } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';
import { screenshot } from '../../support/screenshots.ts';

let browser: Browser | undefined;

afterEach(async () => {
  if (browser) await finish(browser);
  browser = undefined;
});

describe('deactivating and reactivating users', () => {
  it('staff deactivate and reactivate a customer user; they get no button on an admin’s page', async () => {
    const baseUrl = inject('baseUrl');
    const adminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
    const { customers } = await gql<{ customers: { nodes: { id: string; name: string }[] } }>(baseUrl, '{ customers(first: 20) { nodes { id name } } }', {}, adminToken);
    const customerId = customers.nodes.find((customer) => customer.name === 'Nordlicht Immobilien')!.id;
    const email = `assistant-${Date.now()}@nordlicht.test`;
    const { createUser } = await gql<{ createUser: { id: string } }>(
      baseUrl,
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, name: 'Nina Assistant', role: 'CUSTOMER', customerId, password: DEMO_PASSWORD } },
      adminToken,
    );
    const { users } = await gql<{ users: { nodes: { id: string; email: string }[] } }>(baseUrl, '{ users(first: 50) { nodes { id email } } }', {}, adminToken);
    const adminId = users.nodes.find((user) => user.email === DEMO.admin)!.id;

    const session = await signedInStaff('en-US', DEMO.staff, `/admin/users/${createUser.id}/show`);
    browser = session;
    const { page } = session;
    const text = messagesFor('en-US').pixgate.user;

    await page.getByText(email).waitFor();
    const reasonLabel = messagesFor('en-US').pixgate.reason.label;
    await page.getByRole('button', { name: text.deactivate }).click();
    // The reason is required: without one the dialog stays open.
    await page.getByRole('dialog').getByRole('button', { name: text.deactivate }).click();
    await page.getByRole('dialog').getByLabel(reasonLabel).waitFor();
    await page.getByRole('dialog').getByLabel(reasonLabel).fill('Left the agency');
    await page.getByRole('dialog').getByRole('button', { name: text.deactivate }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: text.reactivate }).waitFor();
    await screenshot(page, 'admin-user-deactivated', 'en-US');
    expect(await gql<{ login: unknown }>(baseUrl, 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', { email, password: DEMO_PASSWORD }).catch((error: Error) => error.message)).toMatch(/GraphQL/);

    await page.getByRole('button', { name: text.reactivate }).click();
    await page.getByRole('dialog').getByLabel(reasonLabel).fill('Back for the next shoot');
    await page.getByRole('dialog').getByRole('button', { name: text.reactivate }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: text.deactivate }).waitFor();
    await expect(accessTokenOf(baseUrl, email, DEMO_PASSWORD)).resolves.toMatch(/\S/);
    // Both changes are in the audit trail with their reasons (rule 6).
    const { user } = await gql<{ user: { auditTrail: { nodes: { field: string; newValue: string; reason: string }[] } } }>(
      baseUrl,
      'query($id: ID!) { user(id: $id) { auditTrail(first: 5) { nodes { field newValue reason } } } }',
      { id: createUser.id },
      adminToken,
    );
    expect(user.auditTrail.nodes.filter((entry) => entry.field === 'active')).toEqual([
      { field: 'active', newValue: 'true', reason: 'Back for the next shoot' },
      { field: 'active', newValue: 'false', reason: 'Left the agency' },
    ]);

    await page.goto(`${baseUrl}/admin/users/${adminId}/show`);
    await page.getByText(DEMO.admin).first().waitFor();
    expect(await page.getByRole('button', { name: text.deactivate }).count()).toBe(0);
  });
});
