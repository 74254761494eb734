import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { BrowserLocale } from '../support/browser.ts';
import { messagesFor } from './messages.ts';

/** The menu entry of a resource, named by the plural of its name ("Customer |||| Customers"). */
export const menuItem = (page: Page, resourceName: string) => page.getByRole('menuitem', { name: resourceName.split(' |||| ')[1] ?? resourceName, exact: true });

/** A list's rows (react-admin's Datagrid). */
export const tableRows = (page: Page) => page.locator('table tbody tr');

/** Clicks the list's Export button and resolves with the downloaded CSV's text once it is saved. */
export async function exportCsv(page: Page, exportLabel: string): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: exportLabel, exact: true }).click();
  const file = await (await download).path();
  return readFile(file, 'utf8');
}

/** A customer's page: the plan, usage and credits with their audited actions, users, jobs and the audit trail. */
export class CustomerShowPage {
  private readonly text;

  constructor(
    private readonly page: Page,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale);
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  get creditBalance() {
    return this.page.getByTestId('credit-balance');
  }

  get auditSection() {
    return this.page.getByRole('region', { name: this.text.pixgate.customer.audit });
  }

  get planSection() {
    return this.page.getByRole('region', { name: this.text.pixgate.plan.section });
  }

  async grantCredits(units: number, reason: string) {
    await this.page.getByRole('button', { name: this.text.pixgate.credits.grant }).click();
    await this.dialog.getByLabel(this.text.pixgate.credits.units).fill(String(units));
    await this.dialog.getByLabel(this.text.pixgate.reason.label).fill(reason);
    await this.dialog.getByRole('button', { name: this.text.pixgate.credits.grant }).click();
  }

  async changePlan(planName: string, reason: string) {
    await this.page.getByRole('button', { name: this.text.pixgate.plan.change }).click();
    await this.dialog.getByLabel(this.text.pixgate.plan.new_plan).click();
    await this.page.getByRole('option', { name: planName, exact: true }).click();
    await this.dialog.getByLabel(this.text.pixgate.reason.label).fill(reason);
    await this.dialog.getByRole('button', { name: this.text.ra.action.save }).click();
  }
}

/** The audit log with its filters (each one the API's). */
export class AuditLogPage {
  private readonly text;

  constructor(
    private readonly page: Page,
    locale: BrowserLocale,
  ) {
    this.text = messagesFor(locale);
  }

  private get fields() {
    return this.text.resources.auditEntries.fields;
  }

  /** Opens the log with filters already set, as a link to it would (react-admin keeps them in the URL). */
  async open(baseUrl: string, filter: Record<string, string> = {}) {
    const query = Object.keys(filter).length > 0 ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '';
    await this.page.goto(`${baseUrl}/admin/auditEntries${query}`);
  }

  get rows() {
    return tableRows(this.page);
  }

  /** Waits until the list shows what the filters ask for: every row matches, or the list is empty. */
  async waitForRows(predicate: (texts: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = await this.rows.allTextContents();
      if (predicate(texts)) return texts;
      if (Date.now() > deadline) throw new Error(`the audit log did not show the expected rows within ${timeoutMs} ms; it shows:\n${texts.join('\n')}`);
      await this.page.waitForTimeout(200);
    }
  }

  async filterByActor(name: string) {
    await this.page.getByRole('combobox', { name: this.fields.actorId, exact: true }).fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async filterByField(label: string) {
    // MUI's select is named by its label and its value.
    await this.page.getByRole('combobox', { name: new RegExp(`^${this.fields.field}\\b`) }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  get empty() {
    return this.page.getByText(this.text.pixgate.job.no_audit);
  }
}
