import { afterEach, describe, expect, inject, it } from 'vitest';
import { AdminLoginPage } from '../../pages/admin-login-page.ts';
import { JobListPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { finish, signedInStaff } from '../../support/admin-session.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
let browser: Browser | undefined;

afterEach(async () => {
  if (browser) await finish(browser);
  browser = undefined;
});

describe('signing in to the back office', () => {
  it('greets a German browser in German; staff reach the job list, and no page script can read a token', async () => {
    const session = await signedInStaff('de-DE');
    browser = session;
    const { page, tokens } = session;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect(page.getByRole('heading', { name: messagesFor('de-DE').resources.jobs.name.split(' |||| ')[1] }).count()).resolves.toBeGreaterThan(0);

    const readable = await page.evaluate(async () => ({
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      indexedDB: (await indexedDB.databases()).map((database) => database.name),
      caches: await caches.keys(),
    }));
    const everything = JSON.stringify(readable);
    expect(everything).not.toContain(tokens.accessToken);
    expect(everything).not.toContain(tokens.refreshToken);
    expect(everything).not.toMatch(JWT);
    expect(readable.cookie).toBe('');
    expect(readable.indexedDB).toEqual([]);
    expect(readable.caches).toEqual([]);
  });

  it('refuses a customer with a message that says why, and lets them in nowhere', async () => {
    browser = await openBrowser('en-US');
    const login = new AdminLoginPage(browser.page, inject('baseUrl'), 'en-US');
    await login.open('/admin/jobs');
    await login.signIn(DEMO.customer, DEMO_PASSWORD);
    await expect(login.error.textContent()).resolves.toBe(messagesFor('en-US').pixgate.auth.customer_refused);
    await browser.page.goto(`${inject('baseUrl')}/admin/jobs`);
    await login.heading.waitFor();
    expect(await new JobListPage(browser.page).rows.count()).toBe(0);
  });

  it('refuses a wrong password in words, in German', async () => {
    browser = await openBrowser('de-DE');
    const login = new AdminLoginPage(browser.page, inject('baseUrl'), 'de-DE');
    await login.open();
    expect(await login.signIn(DEMO.staff, 'not-the-password')).toBeNull();
    await expect(login.error.textContent()).resolves.toBe(messagesFor('de-DE').pixgate.errors.reason.INVALID_CREDENTIALS);
  });

  it('keeps the session in memory only: a reload asks to sign in again (until the refresh cookie exists)', async () => {
    const session = await signedInStaff('en-US');
    browser = session;
    await session.page.reload();
    await new AdminLoginPage(session.page, session.baseUrl, 'en-US').heading.waitFor();
  });
});
