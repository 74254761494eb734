import { afterAll, describe, expect, inject, it } from 'vitest';
import { AdminLoginPage } from '../../pages/admin-login-page.ts';
import { JobListPage } from '../../pages/admin-jobs-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { finish } from '../../support/admin-session.ts';
import { accessTokenOf, gql, latestSignInCode, totpCode } from '../../support/api-client.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

let browser: Browser | undefined;
afterAll(async () => {
  if (browser) await finish(browser);
});

describe('an admin with a second factor', () => {
  it('signs in with an emailed code and then the authenticator code; a wrong one is refused first', async () => {
    const baseUrl = inject('baseUrl');
    // An admin of their own (the demo admin signs in with the password alone in other specs, which
    // may run at the same time), made by the demo admin, who enrolls a TOTP factor through the API
    // as they would in their profile.
    const demoAdminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
    const email = `second-factor-${Date.now()}@pixgate.test`;
    await gql(baseUrl, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Tilda Totp', role: 'ADMIN', password: DEMO_PASSWORD } }, demoAdminToken);
    const adminToken = await accessTokenOf(baseUrl, email, DEMO_PASSWORD);
    const { beginTotpEnrollment } = await gql<{ beginTotpEnrollment: { secret: string } }>(baseUrl, 'mutation { beginTotpEnrollment { secret } }', {}, adminToken);
    const secret = beginTotpEnrollment.secret;
    await gql(baseUrl, 'mutation($code: String!) { confirmTotpEnrollment(code: $code) { id } }', { code: await totpCode(secret) }, adminToken);

    browser = await openBrowser('en-US');
    const text = messagesFor('en-US');
    const login = new AdminLoginPage(browser.page, baseUrl, 'en-US');
    await login.open();
    await login.requestCode(email);
    await login.enterCode(await latestSignInCode(baseUrl, demoAdminToken, email));
    await login.secondFactorHeading.waitFor();

    await login.enterAuthenticatorCode('000000');
    await expect(login.error.textContent()).resolves.toBe(text.pixgate.errors.reason.INVALID_SECOND_FACTOR);
    // The next time step: the one confirmTotpEnrollment used is spent.
    await login.enterAuthenticatorCode(await totpCode(secret, 1));
    await new JobListPage(browser.page).waitForJobs();
    expect(await browser.page.getByRole('button', { name: new RegExp('Tilda Totp') }).count()).toBe(1);
  });
});
