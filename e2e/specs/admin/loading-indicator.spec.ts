import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../pages/messages.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import type { BrowserLocale } from '../../support/browser.ts';
import { ARTIFACTS } from '../../support/screenshots.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's serious and critical findings on the page *while* it loads. The shared check
 * (support/accessibility.ts) waits for the loading indicator to go first, so it never sees the
 * spinner; this one runs with a request held open.
 */
async function seriousViolationsNow(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

let session: StaffSession | undefined;
afterEach(async () => {
  await session?.finish();
  session = undefined;
});

describe.each<BrowserLocale>(['de-DE', 'en-US'])('the app bar’s loading indicator in %s', (locale) => {
  it('is a progressbar named in the page’s language while data loads, which axe accepts, and goes when the data is there', async () => {
    session = await signedInStaff(locale);
    const { page } = session;
    const text = messagesFor(locale);

    // Hold every GraphQL answer until axe has looked at the page, so the spinner stays.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/graphql', (route) => void (holding ? held.push(route) : route.continue()));
    await page.getByRole('button', { name: text.ra.action.refresh }).first().click();
    await page.locator('.app-loader').waitFor();
    expect(held.length, 'no GraphQL request was held').toBeGreaterThan(0);

    expect(await seriousViolationsNow(page)).toEqual([]);
    await expect(page.getByRole('progressbar', { name: text.pixgate.loading_indicator, exact: true }).count()).resolves.toBe(1);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.locator('header').screenshot({ path: `${ARTIFACTS}admin-app-bar-loading.${locale}.png`, animations: 'disabled' });

    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await page.locator('.app-loader').waitFor({ state: 'detached' });
    expect(await page.getByRole('progressbar', { name: text.pixgate.loading_indicator, exact: true }).count()).toBe(0);
  });
});
