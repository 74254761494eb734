import { expect, inject } from 'vitest';
import { AdminLoginPage, type IssuedTokens } from '../pages/admin-login-page.ts';
import { JobListPage } from '../pages/admin-jobs-pages.ts';
import { openBrowser, type Browser, type BrowserLocale } from './browser.ts';
import { DEMO, DEMO_PASSWORD } from './demo.ts';

export interface StaffSession extends Browser {
  baseUrl: string;
  tokens: IssuedTokens;
  /** Fails the test when the page reported any Content Security Policy violation, then closes the browser. */
  finish(): Promise<void>;
}

/** A browser in `locale` with the demo staff member signed in, on the job list. */
export async function signedInStaff(locale: BrowserLocale, email: string = DEMO.staff): Promise<StaffSession> {
  return signInStaff(await openBrowser(locale), locale, email);
}

/** Signs the demo staff member in on `browser`'s page and waits for the job list. */
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
