import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { AdminLoginPage } from '../../pages/admin-login-page.ts';
import { JobListPage, JobShowPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { finish, signInStaff } from '../../support/admin-session.ts';
import { openBrowser, type Browser, type BrowserLocale } from '../../support/browser.ts';
import { VIEWED_JOB } from '../../support/demo.ts';
import { screenshot } from '../../support/screenshots.ts';

let browser: Browser | undefined;

/** Follows a menu entry (named by the plural of a resource's name) and waits until a row with `rowText` is shown. */
async function openFromMenu(page: Page, resourceName: string, url: RegExp, rowText: string | RegExp) {
  await page.getByRole('menuitem', { name: resourceName.split(' |||| ')[1] }).click();
  await page.waitForURL(url);
  await page.locator('table tbody tr').filter({ hasText: rowText }).first().waitFor();
}

afterEach(async () => {
  if (browser) await finish(browser);
  browser = undefined;
});

/**
 * Every main screen in both languages: a screenshot for people to look at (e2e/artifacts/) and
 * axe-core's check, which must find nothing serious or critical.
 */
describe.each<BrowserLocale>(['de-DE', 'en-US'])('the back office’s screens in %s', (locale) => {
  const text = messagesFor(locale);

  it('sign-in, job list, job, reason dialog, customers, users and audit log', async () => {
    browser = await openBrowser(locale);
    await new AdminLoginPage(browser.page, inject('baseUrl'), locale).open();
    await screenshot(browser.page, 'admin-login', locale);
    expect(await seriousAccessibilityViolations(browser.page)).toEqual([]);

    const { page } = await signInStaff(browser, locale);
    // Let the list settle (react-admin renders the page before its data).
    await page.getByText(VIEWED_JOB).waitFor();
    await screenshot(page, 'admin-job-list', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await new JobListPage(page).open(VIEWED_JOB);
    const job = new JobShowPage(page, locale);
    await job.waitForImages();
    await screenshot(page, 'admin-job-show', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The dialog every audited action shares, opened and cancelled (this job stays unchanged).
    await page.getByRole('button', { name: text.pixgate.package.change_size }).click();
    await job.dialog.getByLabel(text.pixgate.reason.label).focus();
    await screenshot(page, 'admin-reason-dialog', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await job.dialog.getByRole('button', { name: text.ra.action.cancel }).click();
    await job.dialog.waitFor({ state: 'detached' });

    await openFromMenu(page, text.resources.customers.name, /\/admin\/customers$/, 'Nordlicht Immobilien');
    await screenshot(page, 'admin-customer-list', locale);
    await page.getByRole('cell', { name: 'Nordlicht Immobilien', exact: true }).click();
    await page.getByRole('region', { name: text.pixgate.customer.jobs }).getByText(VIEWED_JOB).waitFor();
    await screenshot(page, 'admin-customer-show', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await openFromMenu(page, text.resources.users.name, /\/admin\/users$/, 'staff@pixgate.test');
    await screenshot(page, 'admin-user-list', locale);

    // Any entry (a change "old → new"): other specs write many, and the newest come first.
    await openFromMenu(page, text.resources.auditEntries.name, /\/admin\/auditEntries$/, /→/);
    await screenshot(page, 'admin-audit-log', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
