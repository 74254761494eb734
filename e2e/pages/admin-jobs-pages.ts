import type { Page } from 'playwright-core';
import type { BrowserLocale } from '../support/browser.ts';
import { messagesFor } from './messages.ts';
import { POLL } from '../support/settle.ts';

/** The job list: a table of jobs, each row opening the job. */
export class JobListPage {
  constructor(private readonly page: Page) {}

  get rows() {
    return this.page.locator('table tbody tr');
  }

  async waitForJobs() {
    await this.rows.first().waitFor();
  }

  async open(title: string) {
    await this.page.getByRole('cell', { name: title, exact: true }).click();
    // Until the job's page is there, the list's package bars would answer for the job's.
    await this.page.waitForURL(/\/admin\/jobs\/[^/]+\/show$/);
  }
}

/** One job: details, package bar and actions, the image grid and the latest audit entries. */
export class JobShowPage {
  private readonly text;

  constructor(
    private readonly page: Page,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale);
  }

  /** The job's own bar, in its details: the list's rows have bars too, and stay on screen a moment after the URL changed. */
  get packageBar() {
    return this.page.getByRole('region', { name: this.text.pixgate.job.details }).getByTestId('package-bar');
  }

  get imageCards() {
    return this.page.getByTestId('image-card');
  }

  get auditSection() {
    return this.page.getByRole('region', { name: this.text.pixgate.job.audit });
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async waitForImages() {
    await this.imageCards.first().waitFor();
    // Thumbnails are loaded lazily; wait until those on screen have arrived.
    await this.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="image-card"] img')].slice(0, 8).every((image) => image.complete), undefined, POLL);
  }

  /** Opens the package-size dialog and saves a new size with a reason. */
  async changePackageSize(size: number, reason: string) {
    await this.page.getByRole('button', { name: this.text.pixgate.package.change_size }).click();
    await this.dialog.getByLabel(this.text.pixgate.package.new_size).fill(String(size));
    await this.dialog.getByLabel(this.text.pixgate.reason.label).fill(reason);
    await this.dialog.getByRole('button', { name: this.text.ra.action.save }).click();
  }

  /** Sets one image's selection state through its menu, with a reason. */
  async setSelectionState(filename: string, stateLabel: string, reason: string) {
    await this.page.getByRole('button', { name: this.text.pixgate.image.actions.replace('%{filename}', filename) }).click();
    await this.page.getByRole('menuitem', { name: this.text.pixgate.image.set_state }).click();
    await this.dialog.getByLabel(this.text.pixgate.image.new_state).click();
    await this.page.getByRole('option', { name: stateLabel, exact: true }).click();
    await this.dialog.getByLabel(this.text.pixgate.reason.label).fill(reason);
    await this.dialog.getByRole('button', { name: this.text.ra.action.save }).click();
  }
}
