import type { Page } from 'playwright-core';
import type { BrowserLocale } from '../support/browser.ts';
import { messagesFor } from './messages.ts';

export interface IssuedTokens {
  /** The access token from the sign-in's answer (the page keeps it in memory). */
  accessToken: string;
  /** The refresh token, from the HttpOnly cookie the API set (the answer carries none). */
  refreshToken: string;
}

/** The back office's sign-in form. */
export class AdminLoginPage {
  private readonly text;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale).pixgate.auth;
  }

  async open(path = '/admin/login') {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.heading.waitFor();
  }

  get heading() {
    return this.page.getByRole('heading', { name: this.text.heading });
  }

  get error() {
    return this.page.getByRole('alert');
  }

  /** Switches to the emailed-code sign-in and asks for a code. */
  async requestCode(email: string) {
    await this.page.getByRole('button', { name: this.text.use_code }).click();
    await this.page.getByLabel(this.text.email).fill(email);
    await this.page.getByRole('button', { name: this.text.send_code }).click();
    await this.page.getByText(this.text.code_sent).waitFor();
  }

  async enterCode(code: string) {
    await this.page.getByLabel(this.text.code).fill(code);
    await this.page.getByRole('button', { name: this.text.sign_in, exact: true }).click();
  }

  get secondFactorHeading() {
    return this.page.getByRole('heading', { name: this.text.second_factor_heading });
  }

  async enterAuthenticatorCode(code: string) {
    await this.page.getByLabel(this.text.totp_code).fill(code);
    await this.page.getByRole('button', { name: this.text.verify }).click();
  }

  /** Signs in with a password; resolves with the tokens the API issued (to prove no page script can read them). */
  async signIn(email: string, password: string): Promise<IssuedTokens | null> {
    await this.page.getByLabel(this.text.email).fill(email);
    await this.page.getByLabel(this.text.password).fill(password);
    const answer = this.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('AdminPasswordSignIn'));
    await this.page.getByRole('button', { name: this.text.sign_in, exact: true }).click();
    const body = (await (await answer).json()) as { data?: { login?: { accessToken: string | null } } };
    const login = body.data?.login;
    if (!login?.accessToken) return null;
    // The cookie's path is /auth/admin: ask for it there.
    const cookie = (await this.page.context().cookies(`${this.baseUrl}/auth/admin/refresh`)).find((candidate) => candidate.name === 'pixgate_admin_session');
    return { accessToken: login.accessToken, refreshToken: cookie?.value ?? '' };
  }
}
