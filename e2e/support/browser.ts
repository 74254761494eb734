import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright-core downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type BrowserLocale = 'de-DE' | 'en-US';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Content Security Policy violations the page reported so far (each fails the test). */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile in the given language. Every page records CSP violations from the moment
 * it starts (an init script, which CSP does not govern), and the console's CSP complaints too.
 */
export async function openBrowser(locale: BrowserLocale): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'pixgate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--lang=${locale}`],
  });
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
  });
  const consoleViolations: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) consoleViolations.push(message.text());
  });
  return {
    context,
    page,
    async cspViolations() {
      const reported = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
      return [...reported, ...consoleViolations];
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
