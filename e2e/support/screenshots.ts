import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { appSettled } from './settle.ts';

/** Where screenshots go: a git-ignored folder CI keeps as the run's artifacts. */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/**
 * A full-page PNG named after the screen and the language, e.g. artifacts/admin-job-show.de-DE.png.
 * `fullPage: false` takes the viewport only: what a person sees of a modal dialog.
 */
export async function screenshot(page: Page, screen: string, locale: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}${screen}.${locale}.png`;
  // Fonts, lazy images and the app's requests settle first, so the picture shows what a person sees.
  await appSettled(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}
