import type { Download, Page } from 'playwright-core';
import * as account from '../../client/src/features/account/messages.ts';
import * as app from '../../client/src/app/messages.ts';
import * as downloads from '../../client/src/features/downloads/messages.ts';
import * as enhance from '../../client/src/features/enhance/messages.ts';
import * as gallery from '../../client/src/features/gallery/messages.ts';
import * as jobs from '../../client/src/features/jobs/messages.ts';
import * as lightbox from '../../client/src/features/lightbox/messages.ts';
import * as selection from '../../client/src/features/selection/messages.ts';
import * as signIn from '../../client/src/features/sign-in/messages.ts';
import type { BrowserLocale } from '../support/browser.ts';

/** The customer client's own texts, so tests find things by what a person reads, in either language. */
export function clientText(locale: BrowserLocale) {
  const pick = <M>(module: { en: M; de: M }) => (locale === 'de-DE' ? module.de : module.en);
  return {
    app: pick(app),
    signIn: pick(signIn),
    jobs: pick(jobs),
    gallery: pick(gallery),
    lightbox: pick(lightbox),
    selection: pick(selection),
    downloads: pick(downloads),
    enhance: pick(enhance),
    account: pick(account),
  };
}
export type ClientText = ReturnType<typeof clientText>;

/** The sign-in screen: an emailed code by default, a password on request. */
export class ClientSignInPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
    private readonly text: ClientText,
  ) {}

  async open(path = '/') {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.heading.waitFor();
  }

  get heading() {
    return this.page.getByRole('heading', { name: this.text.signIn.title });
  }

  async requestCode(email: string) {
    await this.page.getByLabel(this.text.signIn.email).fill(email);
    await this.page.getByRole('button', { name: this.text.signIn.sendCode }).click();
    await this.page.getByLabel(this.text.signIn.code).waitFor();
  }

  /** Enters the code; resolves with the access token the API answered (to prove no page script can read it). */
  async enterCode(code: string): Promise<string | null> {
    await this.page.getByLabel(this.text.signIn.code).fill(code);
    const answer = this.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('ClientVerifyLoginCode'));
    await this.page.getByRole('button', { name: this.text.signIn.signIn, exact: true }).click();
    const body = (await (await answer).json()) as { data?: { verifyLoginCode?: { accessToken: string | null } } };
    return body.data?.verifyLoginCode?.accessToken ?? null;
  }

  /** The sign-in page's own language choice (it wins over the account's language, and is saved to it). */
  async chooseLanguage(locale: 'de' | 'en') {
    await this.page.getByLabel(this.text.signIn.language).selectOption(locale);
  }

  async signInWithPassword(email: string, password: string) {
    await this.page.getByRole('button', { name: this.text.signIn.usePassword }).click();
    await this.page.getByLabel(this.text.signIn.email).fill(email);
    await this.page.getByLabel(this.text.signIn.password).fill(password);
    await this.page.getByRole('button', { name: this.text.signIn.signIn, exact: true }).click();
  }
}

/** A job's gallery: tiles, the package counter, the lightbox and the ZIP download. */
export class ClientGalleryPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
    private readonly text: ClientText,
  ) {}

  async open(jobId: string) {
    await this.page.goto(`${this.baseUrl}/jobs/${jobId}`);
    await this.summary.waitFor();
  }

  /** Every tile the grid rendered shows its thumbnail (before a screenshot: what a person sees once the gallery settled). */
  async thumbnailsLoaded() {
    await this.page.waitForFunction(
      () => {
        const tiles = [...document.querySelectorAll('figure.tile:not(.tile-placeholder)')];
        return tiles.length > 0 && tiles.every((tile) => tile.querySelector('.signed-image.is-loaded'));
      },
      undefined,
      { polling: 100 },
    );
  }

  get summary() {
    return this.page.getByTestId('package-summary').first();
  }

  tile(filename: string) {
    return this.page.locator('figure.tile').filter({ has: this.page.getByRole('button', { name: this.text.gallery.open(filename), exact: true }) });
  }

  async select(filename: string) {
    await this.page.getByRole('button', { name: this.text.selection.selectLabel(filename), exact: true }).click();
    await this.page.getByRole('button', { name: this.text.selection.deselectLabel(filename), exact: true }).waitFor();
  }

  /** Selecting beyond the package: the extra dialog, with an optional note. */
  async requestExtra(filename: string, note: string) {
    await this.page.getByRole('button', { name: this.text.selection.requestExtraLabel(filename), exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.text.selection.extraDialog.title });
    await dialog.getByLabel(this.text.selection.extraDialog.note).fill(note);
    await dialog.getByRole('button', { name: this.text.selection.extraDialog.send }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async openLightbox(filename: string) {
    await this.page.getByRole('button', { name: this.text.gallery.open(filename), exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: filename });
    await dialog.waitFor();
    // Its preview has arrived (the large one is asked for when the lightbox opens).
    await dialog.locator('.lightbox-stage .signed-image.is-loaded').waitFor();
    return dialog;
  }

  /** Asks for the ZIP's ticket; resolves with the link the browser's download manager will fetch. */
  async prepareZip() {
    await this.page.getByRole('button', { name: this.text.downloads.all.prepare }).click();
    const link = this.page.getByTestId('zip-link');
    await link.waitFor();
    return link;
  }

  /** Clicks the ZIP link (prepared first unless it is on screen); resolves with the browser's download. */
  async downloadZip(): Promise<Download> {
    const shown = this.page.getByTestId('zip-link');
    const link = (await shown.isVisible()) ? shown : await this.prepareZip();
    const download = this.page.waitForEvent('download');
    await link.click();
    return download;
  }
}
