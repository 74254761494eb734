import { afterEach, describe, expect, inject, it } from 'vitest';
import { AdminLoginPage } from '../../pages/admin-login-page.ts';
import { JobListPage, JobShowPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { finish, signedInStaff } from '../../support/admin-session.ts';
import { openBrowser, type Browser, type BrowserLocale } from '../../support/browser.ts';
import { VIEWED_JOB } from '../../support/demo.ts';
import { screenshot } from '../../support/screenshots.ts';

let browser: Browser | undefined;

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

  it('sign-in', async () => {
    browser = await openBrowser(locale);
    await new AdminLoginPage(browser.page, inject('baseUrl'), locale).open();
    await screenshot(browser.page, 'admin-login', locale);
    expect(await seriousAccessibilityViolations(browser.page)).toEqual([]);
  });

  it('job list, job, customers, users and audit log', async () => {
    const session = await signedInStaff(locale);
    browser = session;
    const { page } = session;
    // Let the list settle (react-admin renders the page before its data).
    await page.getByText(VIEWED_JOB).waitFor();
    await screenshot(page, 'admin-job-list', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await new JobListPage(page).open(VIEWED_JOB);
    const job = new JobShowPage(page, locale);
    await job.waitForImages();
    await screenshot(page, 'admin-job-show', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('menuitem', { name: text.resources.customers.name.split(' |||| ')[1] }).click();
    await page.getByText('Nordlicht Immobilien').waitFor();
    await screenshot(page, 'admin-customer-list', locale);
    await page.getByText('Nordlicht Immobilien').click();
    await page.getByRole('region', { name: text.pixgate.customer.jobs }).getByText(VIEWED_JOB).waitFor();
    await screenshot(page, 'admin-customer-show', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('menuitem', { name: text.resources.users.name.split(' |||| ')[1] }).click();
    await page.getByText('staff@pixgate.test').waitFor();
    await screenshot(page, 'admin-user-list', locale);

    await page.getByRole('menuitem', { name: text.resources.auditEntries.name.split(' |||| ')[1] }).click();
    await page.locator('table').first().waitFor();
    await screenshot(page, 'admin-audit-log', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
