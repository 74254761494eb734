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
  it('greets a German browser in German; staff reach the job list; no page script can read a token; a reload signs out', async () => {
    const session = await signedInStaff('de-DE');
    browser = session;
    const { page, tokens } = session;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.getByRole('menuitem', { name: messagesFor('de-DE').resources.jobs.name.split(' |||| ')[1] }).count()).toBe(1);

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

    // The session lives in memory only, so a reload asks to sign in again (until the refresh cookie exists).
    await page.reload();
    await new AdminLoginPage(page, session.baseUrl, 'de-DE').heading.waitFor();
  });

  it('refuses a wrong password in words, and a customer with a message that says why', async () => {
    browser = await openBrowser('en-US');
    const login = new AdminLoginPage(browser.page, inject('baseUrl'), 'en-US');
    await login.open('/admin/jobs');
    expect(await login.signIn(DEMO.staff, 'not-the-password')).toBeNull();
    await expect(login.error.textContent()).resolves.toBe(messagesFor('en-US').pixgate.errors.reason.INVALID_CREDENTIALS);

    await login.signIn(DEMO.customer, DEMO_PASSWORD);
    await expect(login.error.textContent()).resolves.toBe(messagesFor('en-US').pixgate.auth.customer_refused);
    // Still on the sign-in form, and nothing of the back office was shown.
    expect(new URL(browser.page.url()).pathname).toBe('/admin/login');
    await login.heading.waitFor();
    expect(await new JobListPage(browser.page).rows.count()).toBe(0);
  });
});
