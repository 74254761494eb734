import { afterEach, describe, expect, inject, it } from 'vitest';
import { AdminLoginPage } from '../../pages/admin-login-page.ts';
import { JobListPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { finish, signInStaff } from '../../support/admin-session.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
let browser: Browser | undefined;

afterEach(async () => {
  if (browser) await finish(browser);
  browser = undefined;
});

describe('signing in to the back office', () => {
  it('greets a German browser in German; staff reach the job list; no page script can read a token (the refresh token is an HttpOnly cookie); a reload keeps the session', async () => {
    browser = await openBrowser('de-DE');
    const session = await signInStaff(browser, 'de-DE');
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
    expect(tokens.refreshToken, 'the API set no session cookie').not.toBe('');
    const [cookie] = (await session.context.cookies(`${session.baseUrl}/auth/admin/refresh`)).filter((candidate) => candidate.name === 'pixgate_admin_session');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/auth/admin' });
    expect(everything).not.toContain(tokens.accessToken);
    expect(everything).not.toContain(tokens.refreshToken);
    expect(everything).not.toMatch(JWT);
    expect(readable.cookie).toBe('');
    expect(readable.indexedDB).toEqual([]);
    expect(readable.caches).toEqual([]);

    // A reload keeps the session: the page trades the HttpOnly cookie for a new access token.
    const restored = page.waitForResponse((response) => response.url().endsWith('/auth/admin/refresh'));
    await page.reload();
    expect((await restored).status()).toBe(200);
    await new JobListPage(page).waitForJobs();
    expect(new URL(page.url()).pathname).not.toBe('/admin/login');
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('signs out the open tab of a staff member who is deactivated, within 60 s of the tab’s time', async () => {
    const baseUrl = inject('baseUrl');
    const adminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
    const email = `leaving-${Date.now()}@pixgate.test`;
    const created = await gql<{ createUser: { id: string } }>(
      baseUrl,
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, name: 'Leaving Staff', role: 'STAFF', password: DEMO_PASSWORD } },
      adminToken,
    );
    browser = await openBrowser('en-US');
    // The tab's clock (Date and timers) is the test's from the start, so its own re-check of the
    // session, as built for production, runs within the minute without the test waiting a minute.
    await browser.context.clock.install();
    const { page } = await signInStaff(browser, 'en-US', email);
    await gql(baseUrl, 'mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: created.createUser.id }, adminToken);

    const signInForm = new AdminLoginPage(page, baseUrl, 'en-US').heading;
    const tabTime = () => page.evaluate(() => Date.now());
    const deactivatedAt = await tabTime();
    // The tab left open: its time moves on in steps of 5 s (each step fires the timers that fell due).
    while (!(await signInForm.isVisible()) && (await tabTime()) - deactivatedAt < 60_000) {
      await page.clock.fastForward(5_000);
      await signInForm.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await signInForm.waitFor({ timeout: 1_000 });
    expect((await tabTime()) - deactivatedAt).toBeLessThan(60_000);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
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
