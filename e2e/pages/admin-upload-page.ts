import type { Page } from 'playwright-core';
import type { BrowserLocale } from '../support/browser.ts';
import { fill, messagesFor } from './messages.ts';
import { POLL } from '../support/settle.ts';

/** The whole-shoot upload screen of one job (/admin/jobs/:id/upload). */
export class UploadPage {
  readonly text;

  constructor(
    private readonly page: Page,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale).pixgate.upload;
  }

  /** From the job's page, through its toolbar button. */
  async openFromJob() {
    await this.page.getByRole('link', { name: this.text.button }).click();
    await this.page.waitForURL(/\/admin\/jobs\/[^/]+\/upload$/);
    await this.dropZone.waitFor();
  }

  get dropZone() {
    return this.page.getByTestId('upload-drop-zone');
  }

  get rows() {
    return this.page.getByTestId('upload-row');
  }

  row(filename: string) {
    return this.page.locator(`[data-testid="upload-row"][data-filename="${filename}"]`);
  }

  rowsIn(phase: string) {
    return this.page.locator(`[data-testid="upload-row"][data-phase="${phase}"]`);
  }

  get overallProgress() {
    return this.page.getByRole('progressbar', { name: this.text.overall });
  }

  /** Picks files from disk through the hidden input, as the "Choose files" dialog would. */
  async pick(paths: string[]) {
    await this.page.getByTestId('upload-file-input').setInputFiles(paths);
  }

  /** Waits until `count` files are READY (the API rendered them) and none is still on its way. */
  async waitUntilReady(count: number, timeout = 120_000) {
    await this.page.waitForFunction(
      (expected) => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]')];
        return rows.filter((row) => row.dataset.phase === 'ready').length >= expected && rows.every((row) => row.dataset.phase === 'ready' || row.dataset.phase === 'failed');
      },
      count,
      { timeout, polling: 250 },
    );
  }

  /**
   * Scrolls through the list so every lazily loaded thumbnail is fetched, waits until all have
   * arrived, and goes back to the top: a full-page screenshot then shows what a person scrolling sees.
   */
  async loadAllThumbnails() {
    const count = await this.rows.count();
    for (let index = 0; index < count; index += 8) await this.rows.nth(index).scrollIntoViewIfNeeded();
    await this.rows.last().scrollIntoViewIfNeeded();
    await this.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="upload-row"] img')].every((image) => image.complete && image.naturalWidth > 0), undefined, POLL);
    await this.page.evaluate(() => window.scrollTo(0, 0));
  }

  retryButton(filename: string) {
    return this.page.getByRole('button', { name: fill(this.text.retry_name, { name: filename }) });
  }

  removeButton(filename: string) {
    return this.page.getByRole('button', { name: fill(this.text.remove_name, { name: filename }) });
  }

  /**
   * Records in the page every value the per-file progress bars show while files are sent (a
   * MutationObserver: the bars come and go faster than a test could poll them).
   */
  async recordFileProgress() {
    const prefix = this.text.file_progress.split('%{name}')[0]!;
    await this.page.evaluate((labelPrefix) => {
      const seen: number[] = ((window as unknown as { __fileProgress: number[] }).__fileProgress = []);
      const look = () => {
        for (const bar of document.querySelectorAll('[role="progressbar"]')) {
          const value = bar.getAttribute('aria-valuenow');
          if (bar.getAttribute('aria-label')?.startsWith(labelPrefix) && value !== null) seen.push(Number(value));
        }
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    }, prefix);
  }

  fileProgressSeen(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __fileProgress?: number[] }).__fileProgress ?? []);
  }
}
