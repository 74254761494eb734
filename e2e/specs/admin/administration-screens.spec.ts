import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CustomerShowPage, menuItem, tableRows } from '../../pages/admin-administration-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import type { BrowserLocale } from '../../support/browser.ts';
import { DEMO } from '../../support/demo.ts';
import { screenshot } from '../../support/screenshots.ts';

let session: StaffSession | undefined;

afterEach(async () => {
  await session?.finish();
  session = undefined;
});

/** A screenshot for people to look at (e2e/artifacts/), and axe-core's check, which must find nothing serious or critical. */
async function check(page: Page, screen: string, locale: BrowserLocale) {
  await screenshot(page, screen, locale);
  expect(await seriousAccessibilityViolations(page), screen).toEqual([]);
}

/** The administration screens in both languages, as an admin (who sees them all) uses them. */
describe.each<BrowserLocale>(['de-DE', 'en-US'])('the administration screens in %s', (locale) => {
  const text = messagesFor(locale);

  it('customer with plan and usage, credits dialog, plans, users, user form, audit filters, security events, outbox, settings', async () => {
    const baseUrl = inject('baseUrl');
    // Something in the security events and the outbox, whichever specs ran before: a failed sign-in and a sign-in code.
    await accessTokenOf(baseUrl, DEMO.customer, 'not-the-password').catch(() => undefined);
    await gql(baseUrl, 'mutation($email: String!) { requestLoginCode(email: $email) }', { email: DEMO.customer });
    session = await signedInStaff(locale, DEMO.admin);
    const { page } = session;

    await menuItem(page, text.resources.customers.name).click();
    await page.getByRole('cell', { name: 'Familie Berger', exact: true }).click();
    const customer = new CustomerShowPage(page, locale);
    await customer.creditBalance.waitFor();
    // Its newest change (other specs may add some: the demo data's own may be on a later page by now).
    await customer.auditSection.getByRole('row').filter({ hasText: /→/ }).first().waitFor();
    await page.getByRole('region', { name: text.pixgate.customer.jobs }).getByText('Family portraits, autumn').waitFor();
    await check(page, 'admin-customer-plan-usage', locale);
    await page.getByRole('button', { name: text.pixgate.credits.grant }).click();
    await customer.dialog.getByLabel(text.pixgate.credits.units).fill('5');
    await check(page, 'admin-grant-credits-dialog', locale);
    await customer.dialog.getByRole('button', { name: text.ra.action.cancel }).click();
    await customer.dialog.waitFor({ state: 'detached' });

    await menuItem(page, text.resources.plans.name).click();
    await tableRows(page).filter({ hasText: 'Studio' }).waitFor();
    await check(page, 'admin-plans', locale);

    await menuItem(page, text.resources.users.name).click();
    await tableRows(page).filter({ hasText: DEMO.staff }).waitFor();
    await check(page, 'admin-user-list', locale);
    await tableRows(page).filter({ hasText: DEMO.staff }).click();
    // The demo data made Stefan staff: the first entry of the changes to him.
    await page.getByRole('region', { name: text.pixgate.userAdmin.changes_to }).getByRole('row').nth(1).waitFor();
    await check(page, 'admin-user-show', locale);
    await page.getByRole('link', { name: text.ra.action.edit }).click();
    await page.getByLabel(text.resources.users.fields.email).waitFor();
    await check(page, 'admin-user-edit', locale);

    await menuItem(page, text.resources.auditEntries.name).click();
    await tableRows(page).first().waitFor();
    await page.getByRole('button', { name: text.ra.action.add_filter }).click();
    await page.getByRole('menuitemcheckbox', { name: text.resources.auditEntries.fields.jobId, exact: true }).click();
    await page.keyboard.press('Escape');
    await check(page, 'admin-audit-filters', locale);

    await menuItem(page, text.resources.securityEvents.name).click();
    await tableRows(page).first().waitFor();
    await check(page, 'admin-security-events', locale);

    await menuItem(page, text.resources.mailOutbox.name).click();
    // The mail is written after the API answered: it may take a moment to arrive.
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: text.ra.action.refresh }).click();
        return tableRows(page).filter({ hasText: DEMO.customer }).count();
      }, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await tableRows(page).filter({ hasText: DEMO.customer }).first().click();
    await page.locator('pre').first().waitFor();
    await check(page, 'admin-mail-outbox', locale);

    await menuItem(page, text.resources.studioSettings.name).click();
    await expect.poll(() => page.getByLabel(text.resources.studioSettings.fields.name).inputValue()).not.toBe('');
    await check(page, 'admin-studio-settings', locale);
  }, 120_000);
});
