import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../pages/messages.ts';
import { seriousAccessibilityViolations } from '../../support/accessibility.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import type { BrowserLocale } from '../../support/browser.ts';
import { screenshot } from '../../support/screenshots.ts';

let session: StaffSession | undefined;
afterEach(async () => {
  await session?.finish();
  session = undefined;
});

/** The audit log's filters as the URL holds them (react-admin keeps the list's filters there). */
const urlFilter = (page: Page) => JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}') as Record<string, string>;

/**
 * Chromium formats `<input type="date">` by its own UI language (en-US here, whatever the page's
 * `lang` or the browser context's locale), which showed a German back office mm/dd/yyyy. The date
 * fields follow the app's language: what a person types and reads is the language's order, what the
 * API gets is ISO.
 */
describe.each<[BrowserLocale, string, string]>([
  ['de-DE', '03122026', '03.12.2026'],
  ['en-US', '12032026', '12/03/2026'],
])('the back office’s date filters in %s', (locale, typed, shown) => {
  it(`take ${shown} as typed, filter by 2026-12-03, and show a date from a link the same way`, async () => {
    session = await signedInStaff(locale, undefined, '/admin/auditEntries');
    const { page, baseUrl } = session;
    const fields = messagesFor(locale).resources.auditEntries.fields;
    const from = page.getByRole('group', { name: fields.from });
    await from.waitFor();
    const fromValue = page.locator('.ra-input-from input');

    // Typed in the language's order: day, month, year in German; month, day, year in English.
    await from.getByRole('spinbutton').first().click();
    await page.keyboard.type(typed.slice(0, 4));
    // Half a date is no filter yet (react-admin applies filters half a second after a change).
    await page.waitForTimeout(800);
    expect(urlFilter(page).from).toBeUndefined();
    await page.keyboard.type(typed.slice(4));
    await page.waitForFunction(() => new URL(location.href).searchParams.get('filter')?.includes('2026-12-03'), undefined, { polling: 100 });
    expect(urlFilter(page).from).toBe('2026-12-03');
    expect(await fromValue.inputValue()).toBe(shown);
    await screenshot(page, 'admin-audit-date-filter', locale);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A link with an ISO date shows it in the language's way.
    await page.goto(`${baseUrl}/admin/auditEntries?filter=${encodeURIComponent(JSON.stringify({ to: '2026-01-31' }))}`);
    await page.getByRole('group', { name: fields.to }).waitFor();
    expect(await page.locator('.ra-input-to input').inputValue()).toBe(locale === 'de-DE' ? '31.01.2026' : '01/31/2026');
  });
});

describe('an English browser with the back office switched to German', () => {
  it('shows and takes German dates in fields and lists, where the browser’s own date input showed mm/dd/yyyy', async () => {
    session = await signedInStaff('en-US', undefined, '/admin/auditEntries');
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Deutsch' }).click();
    const fields = messagesFor('de-DE').resources.auditEntries.fields;
    const from = page.getByRole('group', { name: fields.from });
    await from.waitFor();

    // The list's dates (react-admin's DateField) follow the app's language too.
    const firstDate = (await page.locator('table tbody tr').first().locator('td').first().innerText()).trim();
    expect(firstDate).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4},?\s+\d{1,2}:\d{2}:\d{2}$/);

    await from.getByRole('spinbutton').first().click();
    await page.keyboard.type('03122026');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('filter')?.includes('2026-12-03'), undefined, { polling: 100 });
    expect(urlFilter(page).from).toBe('2026-12-03');
    expect(await page.locator('.ra-input-from input').inputValue()).toBe('03.12.2026');
    await screenshot(page, 'admin-audit-date-filter-app-de', 'en-US');
  });
});
