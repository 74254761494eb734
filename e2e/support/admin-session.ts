import { afterAll, afterEach, expect, inject } from 'vitest';
import { AdminLoginPage, type IssuedTokens } from '../pages/admin-login-page.ts';
import { JobListPage } from '../pages/admin-jobs-pages.ts';
import { fill, messagesFor } from '../pages/messages.ts';
import { openBrowser, type Browser, type BrowserLocale } from './browser.ts';
import { DEMO, DEMO_PASSWORD } from './demo.ts';

export interface StaffSession extends Browser {
  baseUrl: string;
  tokens: IssuedTokens;
  /** Fails the test when the page reported any Content Security Policy violation, then closes the browser. */
  finish(): Promise<void>;
}

const SIGN_IN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password, sessionCookie: ADMIN) { accessToken user { name } } }';
const SESSION_COOKIE = 'pixgate_admin_session';

/**
 * A browser in `locale` with the demo staff member (or `email`) signed in, showing `path` (the
 * job list unless asked otherwise). The browser signs in through the API as the back office's form
 * does (the session becomes this browser's HttpOnly cookie), then the app restores the session from
 * the cookie as after a reload: the form itself is what sign-in.spec.ts, second-factor.spec.ts and
 * screens.spec.ts test, and going through it for every other test cost a page load and a render of
 * the job list each (seconds of CPU on two cores).
 */
export async function signedInStaff(locale: BrowserLocale, email: string = DEMO.staff, path = '/admin/'): Promise<StaffSession> {
  const baseUrl = inject('baseUrl');
  const browser = await openBrowser(locale);
  try {
    const answer = await browser.context.request.post(`${baseUrl}/graphql`, { data: { query: SIGN_IN, variables: { email, password: DEMO_PASSWORD } } });
    const body = (await answer.json()) as { data?: { login: { accessToken: string | null; user: { name: string } } }; errors?: { message: string }[] };
    expect(body.errors, `signing ${email} in`).toBeUndefined();
    const cookie = (await browser.context.cookies(`${baseUrl}/auth/admin/refresh`)).find((candidate) => candidate.name === SESSION_COOKIE);
    expect(cookie, 'the API set no session cookie').toBeDefined();
    await browser.page.goto(`${baseUrl}${path}`);
    // Signed in: the app bar's user menu, named after the user.
    await browser.page.getByRole('button', { name: fill(messagesFor(locale).pixgate.user_menu, { name: body.data!.login.user.name }) }).waitFor();
    if (path === '/admin/') await new JobListPage(browser.page).waitForJobs();
    return { ...browser, baseUrl, tokens: { accessToken: body.data!.login.accessToken!, refreshToken: cookie!.value }, finish: () => finish(browser) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Signs the demo staff member (or `email`) in through the sign-in form on `browser`'s page and waits for the job list. */
export async function signInStaff(browser: Browser, locale: BrowserLocale, email: string = DEMO.staff): Promise<StaffSession> {
  const baseUrl = inject('baseUrl');
  const login = new AdminLoginPage(browser.page, baseUrl, locale);
  await login.open('/admin/');
  const tokens = await login.signIn(email, DEMO_PASSWORD);
  expect(tokens, 'the API issued no session').not.toBeNull();
  await new JobListPage(browser.page).waitForJobs();
  return { ...browser, baseUrl, tokens: tokens!, finish: () => finish(browser) };
}

export async function finish(browser: Browser): Promise<void> {
  try {
    expect(await browser.cspViolations(), 'Content Security Policy violations').toEqual([]);
  } finally {
    await browser.close();
  }
}

/**
 * One signed-in browser for the tests of the file (or `describe`) that declares it, as a person
 * stays signed in while working: signed in when a test first asks, closed after the last. Each
 * call goes to `path` when given (the first one lands there); each test still fails on any CSP
 * violation reported while it ran.
 */
export function sharedStaffSession(locale: BrowserLocale, email: string = DEMO.staff): (path?: string) => Promise<StaffSession> {
  let session: Promise<StaffSession> | undefined;
  let checked = 0;
  afterEach(async () => {
    const open = await session?.catch(() => undefined);
    if (!open) return;
    const violations = await open.cspViolations();
    const reportedInThisTest = violations.slice(checked);
    checked = violations.length;
    expect(reportedInThisTest, 'Content Security Policy violations').toEqual([]);
  });
  afterAll(async () => {
    await (await session?.catch(() => undefined))?.close();
  });
  return async (path) => {
    if (!session) return (session = signedInStaff(locale, email, path));
    const open = await session;
    if (path) await open.page.goto(`${open.baseUrl}${path}`);
    return open;
  };
}
