import type { Page } from 'playwright-core';
import type { BrowserLocale } from '../support/browser.ts';
import { fill, messagesFor, plural } from './messages.ts';
import { POLL } from '../support/settle.ts';

type Texts = ReturnType<typeof messagesFor>;
export type BulkActionName = keyof Texts['pixgate']['images']['bulk']['action'];

/** A job's images: the state filter, grid or list, the selection bar with its bulk changes, the lightbox. */
export class JobImagesPart {
  private readonly text;

  constructor(
    private readonly page: Page,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale);
  }

  get section() {
    return this.page.getByRole('region', { name: this.text.pixgate.job.images });
  }

  get cards() {
    return this.page.getByTestId('image-card');
  }

  card(filename: string) {
    return this.cards.filter({ hasText: filename });
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  get written() {
    return this.page.getByTestId('written-audit-entries');
  }

  get lightboxPosition() {
    return this.page.getByTestId('lightbox-position');
  }

  async waitForImages(count: number) {
    await this.page.waitForFunction((expected) => document.querySelectorAll('[data-testid="image-card"]').length === expected, count, POLL);
    await this.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="image-card"] img')].every((image) => image.complete && image.naturalWidth > 0), undefined, POLL);
  }

  async showAs(view: 'grid' | 'list') {
    await this.page.getByRole('button', { name: this.text.pixgate.images.view[view], exact: true }).click();
  }

  async select(...filenames: string[]) {
    for (const filename of filenames) await this.page.getByRole('checkbox', { name: fill(this.text.pixgate.images.select.one, { filename }) }).check();
  }

  /** Opens the bulk menu and one of its changes: the reason dialog. */
  async openBulkChange(action: BulkActionName) {
    await this.page.getByRole('button', { name: this.text.pixgate.images.bulk.menu }).click();
    await this.page.getByRole('menuitem', { name: this.text.pixgate.images.bulk.action[action] }).click();
    await this.dialog.waitFor();
  }

  async confirmWithReason(reason: string) {
    await this.dialog.getByLabel(this.text.pixgate.reason.label).fill(reason);
    await this.dialog.getByRole('button', { name: this.text.ra.action.save }).click();
  }

  async openLightbox(filename: string) {
    await this.page.getByRole('button', { name: fill(this.text.pixgate.images.lightbox.open, { filename }) }).first().click();
    await this.page.getByTestId('lightbox-image').waitFor();
    await this.page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('[data-testid="lightbox-image"]');
      return !!image && image.complete && image.naturalWidth > 0;
    }, undefined, POLL);
  }

  lightboxAt(index: number, total: number) {
    return fill(this.text.pixgate.images.lightbox.position, { index, total });
  }

  imagesCount(count: number) {
    return plural(this.text.pixgate.images.bulk.images, count);
  }
}

/** One image's page: preview, selection and lock, deliveries, enhancements, extra requests, audit trail. */
export class ImagePage {
  private readonly text;

  constructor(
    private readonly page: Page,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale);
  }

  region(name: keyof Texts['pixgate']['images']['page']) {
    return this.page.getByRole('region', { name: this.text.pixgate.images.page[name] });
  }

  get lockState() {
    return this.page.getByTestId('lock-state');
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async waitForPreview() {
    await this.page.getByTestId('image-preview').or(this.page.getByTestId('before-after')).first().waitFor();
    await this.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('main img')].every((image) => image.complete && image.naturalWidth > 0), undefined, POLL);
  }

  async unlock(reason: string) {
    await this.region('selection').getByRole('button', { name: this.text.pixgate.image.unlock }).click();
    await this.dialog.getByLabel(this.text.pixgate.reason.label).fill(reason);
    await this.dialog.getByRole('button', { name: this.text.pixgate.image.unlock }).click();
  }
}
