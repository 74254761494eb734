import type { Page } from 'playwright-core';

/**
 * Waits until the app has no request in flight: react-admin's loading indicator in the app bar
 * (`.app-loader`, the spinner named "Loading data" / "Daten werden geladen") is gone. A screenshot
 * then shows the screen as a person sees it, and axe checks that screen, not a moment of a refetch.
 */
export async function appSettled(page: Page): Promise<void> {
  await page.locator('.app-loader').waitFor({ state: 'detached' });
}

/**
 * How page.waitForFunction polls: every 100 ms. Its default polls on every animation frame, which
 * keeps the page drawing 60 frames a second for as long as a test waits (CPU the page being tested
 * then lacks).
 */
export const POLL = { polling: 100 } as const;
