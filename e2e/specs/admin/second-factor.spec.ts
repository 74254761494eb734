import { afterAll, describe, expect, inject, it } from 'vitest';
import { AdminLoginPage } from '../../pages/admin-login-page.ts';
import { JobListPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { finish } from '../../support/admin-session.ts';
import { accessTokenOf, gql, latestSignInCode, totpCode } from '../../support/api-client.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

let browser: Browser | undefined;
/** Takes the demo admin's second factor away again, so other specs can still sign them in with the password alone. */
let cleanUp: (() => Promise<void>) | undefined;
afterAll(async () => {
  try {
    await cleanUp?.();
  } finally {
    if (browser) await finish(browser);
  }
});

/**
 * Nobody resets their own second factor: an admin made for the purpose (with the demo admin's
 * token from before the enrollment) resets it, with a reason, as an admin would after a lost phone.
 */
async function resetLater(baseUrl: string, adminToken: string) {
  const email = `totp-clean-up-${Date.now()}@pixgate.test`;
  await gql(baseUrl, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Clean-up Admin', role: 'ADMIN', password: DEMO_PASSWORD } }, adminToken);
  const { me } = await gql<{ me: { id: string } }>(baseUrl, '{ me { id } }', {}, adminToken);
  cleanUp = async () => {
    const token = await accessTokenOf(baseUrl, email, DEMO_PASSWORD);
    await gql(baseUrl, 'mutation($id: ID!) { resetUserTotp(id: $id, reason: "e2e clean-up after the second-factor spec") { id } }', { id: me.id }, token);
  };
}

describe('an admin with a second factor', () => {
  it('signs in with an emailed code and then the authenticator code; a wrong one is refused first', async () => {
    const baseUrl = inject('baseUrl');
    // The demo admin enrolls a TOTP factor through the API, as they would in their profile.
    const adminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
    await resetLater(baseUrl, adminToken);
    const { beginTotpEnrollment } = await gql<{ beginTotpEnrollment: { secret: string } }>(baseUrl, 'mutation { beginTotpEnrollment { secret } }', {}, adminToken);
    const secret = beginTotpEnrollment.secret;
    await gql(baseUrl, 'mutation($code: String!) { confirmTotpEnrollment(code: $code) { id } }', { code: await totpCode(secret) }, adminToken);

    browser = await openBrowser('en-US');
    const text = messagesFor('en-US');
    const login = new AdminLoginPage(browser.page, baseUrl, 'en-US');
    await login.open();
    await login.requestCode(DEMO.admin);
    await login.enterCode(await latestSignInCode(baseUrl, adminToken, DEMO.admin));
    await login.secondFactorHeading.waitFor();

    await login.enterAuthenticatorCode('000000');
    await expect(login.error.textContent()).resolves.toBe(text.pixgate.errors.reason.INVALID_SECOND_FACTOR);
    // The next time step: the one confirmTotpEnrollment used is spent.
    await login.enterAuthenticatorCode(await totpCode(secret, 1));
    await new JobListPage(browser.page).waitForJobs();
    expect(await browser.page.getByRole('button', { name: new RegExp('Ada Admin') }).count()).toBe(1);
  });
});
