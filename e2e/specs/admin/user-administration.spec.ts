import { afterEach, describe, expect, inject, it } from 'vitest';
import { messagesFor } from '../../pages/messages.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql, totpCode } from '../../support/api-client.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

const text = messagesFor('en-US');
const fields = text.resources.users.fields;
let session: StaffSession | undefined;

afterEach(async () => {
  await session?.finish();
  session = undefined;
});

describe('user administration', () => {
  it('an admin creates a staff member, makes them admin with a reason and resets their second factor with one', async () => {
    const baseUrl = inject('baseUrl');
    const email = `new-staff-${Date.now()}@pixgate.test`;
    session = await signedInStaff('en-US', DEMO.admin, '/admin/users/create');
    const { page } = session;

    await page.getByLabel(fields.name).fill('Greta Grün');
    await page.getByLabel(fields.email).fill(email);
    await page.getByRole('combobox', { name: new RegExp(`^${fields.role}`) }).click();
    await page.getByRole('option', { name: text.pixgate.enums.UserRole.STAFF, exact: true }).click();
    // Staff belong to no customer: the field is not offered.
    expect(await page.getByRole('combobox', { name: fields.customerId, exact: true }).count()).toBe(0);
    await page.getByLabel(fields.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.waitForURL(/\/admin\/users\/[^/]+\/show$/);
    const userId = /\/users\/([^/]+)\/show$/.exec(page.url())![1]!;

    // They enroll a second factor themselves (through the API, as their profile would).
    const token = await accessTokenOf(baseUrl, email, DEMO_PASSWORD);
    const { beginTotpEnrollment } = await gql<{ beginTotpEnrollment: { secret: string } }>(baseUrl, 'mutation { beginTotpEnrollment { secret } }', {}, token);
    await gql(baseUrl, 'mutation($code: String!) { confirmTotpEnrollment(code: $code) { id } }', { code: await totpCode(beginTotpEnrollment.secret) }, token);

    await page.getByRole('link', { name: text.ra.action.edit }).click();
    await page.getByRole('combobox', { name: new RegExp(`^${fields.role}`) }).click();
    await page.getByRole('option', { name: text.pixgate.enums.UserRole.ADMIN, exact: true }).click();
    // A role change is audited: without a reason the form refuses.
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.getByText(text.pixgate.reason.required).waitFor();
    await page.getByLabel(text.pixgate.reason.label).fill('Runs the studio on weekends (e2e)');
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.waitForURL(/\/show$/);
    const changes = page.getByRole('region', { name: text.pixgate.userAdmin.changes_to });
    await changes.getByRole('row').filter({ hasText: 'Runs the studio on weekends (e2e)' }).filter({ hasText: `${text.pixgate.enums.UserRole.STAFF} → ${text.pixgate.enums.UserRole.ADMIN}` }).waitFor();

    await page.getByRole('button', { name: text.pixgate.userAdmin.totp_reset }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.pixgate.reason.label).fill('Lost her phone (e2e)');
    await dialog.getByRole('button', { name: text.pixgate.userAdmin.totp_reset }).click();
    await dialog.waitFor({ state: 'detached' });
    await changes.getByRole('row').filter({ hasText: 'Lost her phone (e2e)' }).filter({ hasText: text.pixgate.auditField.secondFactor }).waitFor();
    expect(await page.getByRole('button', { name: text.pixgate.userAdmin.totp_reset }).count()).toBe(0);
    // Signing in asks for no code any more.
    await expect(accessTokenOf(baseUrl, email, DEMO_PASSWORD)).resolves.toMatch(/\S/);
    const { user } = await gql<{ user: { role: string; totpEnabled: boolean } }>(baseUrl, 'query($id: ID!) { user(id: $id) { role totpEnabled } }', { id: userId }, await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD));
    expect(user).toEqual({ role: 'ADMIN', totpEnabled: false });
  });

  it('staff create customer users only, and get neither edit nor reset on an admin’s page', async () => {
    const baseUrl = inject('baseUrl');
    const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
    const { users } = await gql<{ users: { nodes: { id: string; email: string }[] } }>(baseUrl, '{ users(first: 100) { nodes { id email } } }', {}, staffToken);
    const adminId = users.nodes.find((user) => user.email === DEMO.admin)!.id;
    // From a customer's page: the form comes with the customer, and the role fixed to Customer.
    const { customers } = await gql<{ customers: { nodes: { id: string; name: string }[] } }>(baseUrl, '{ customers(first: 50) { nodes { id name } } }', {}, staffToken);
    const nordlicht = customers.nodes.find((customer) => customer.name === 'Nordlicht Immobilien')!;
    session = await signedInStaff('en-US', DEMO.staff, `/admin/customers/${nordlicht.id}/show`);
    const { page } = session;
    await page.getByRole('link', { name: text.pixgate.customerAdmin.add_user }).click();
    const role = page.getByRole('combobox', { name: new RegExp(`^${fields.role}`) });
    await expect(role.textContent()).resolves.toBe(text.pixgate.enums.UserRole.CUSTOMER);
    expect(await role.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => page.getByRole('combobox', { name: fields.customerId, exact: true }).inputValue()).toBe(nordlicht.name);
    const email = `assistant-${Date.now()}@nordlicht.test`;
    await page.getByLabel(fields.name).fill('Anton Assistent');
    await page.getByLabel(fields.email).fill(email);
    await page.getByRole('button', { name: text.ra.action.save }).click();
    await page.waitForURL(/\/admin\/users\/[^/]+\/show$/);
    await page.getByText(email).waitFor();
    const created = /\/users\/([^/]+)\/show$/.exec(page.url())![1]!;
    const { user } = await gql<{ user: { role: string; customer: { id: string } | null } }>(baseUrl, 'query($id: ID!) { user(id: $id) { role customer { id } } }', { id: created }, staffToken);
    expect(user).toEqual({ role: 'CUSTOMER', customer: { id: nordlicht.id } });

    await page.goto(`${baseUrl}/admin/users/${adminId}/show`);
    await page.getByText(DEMO.admin).first().waitFor();
    expect(await page.getByRole('link', { name: text.ra.action.edit }).count()).toBe(0);
    expect(await page.getByRole('button', { name: text.pixgate.userAdmin.totp_reset }).count()).toBe(0);

    // And the API refuses what the screen does not offer.
    const promote = gql(baseUrl, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: `sneaky-${Date.now()}@pixgate.test`, name: 'Sneaky', role: 'ADMIN' } }, staffToken);
    await expect(promote).rejects.toThrow(/Only admins may create or promote staff and admins/);
  });
});
