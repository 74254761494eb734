import { chromium, type BrowserContext, type Browser as Chromium, type LaunchOptions, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright-core downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Tests run V8 without its optimizing compilers (TurboFan, Maglev): a test's pages live seconds, too
 * short for optimized code to pay for its compiling; measured here, 20–25 % less Chromium CPU for the
 * same page loads. Only how fast the app's JavaScript runs changes, never what it does. Benches keep
 * V8 as users' browsers run it, since they measure exactly that speed.
 */
const TEST_LAUNCH: LaunchOptions = { ...LAUNCH, args: [...(LAUNCH.args ?? []), '--js-flags=--no-opt --no-maglev'] };

export type BrowserLocale = 'de-DE' | 'en-US';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Content Security Policy violations the page reported so far (each fails the test). */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

let shared: Promise<Chromium> | undefined;

/**
 * Under vitest, one Chromium per test worker, kept from file to file (the worker keeps its modules):
 * launching one per test cost 1–5 s each on two cores. Each test gets its own context in it (own
 * cookies, storage and cache, like a fresh profile), which takes milliseconds. Anywhere else (the
 * benches) every browser is its own and goes with close().
 */
async function chromiumFor(): Promise<{ chromium: Chromium; own: boolean }> {
  if (process.env.VITEST) return { chromium: await (shared ??= chromium.launch(TEST_LAUNCH)), own: false };
  return { chromium: await chromium.launch(LAUNCH), own: true };
}

/**
 * A fresh browser context in the given language. Every page reports CSP violations from the moment
 * it starts (an init script, which CSP does not govern, hands each to the test at once, so a
 * navigation loses none), and the console's CSP complaints count too.
 */
export async function openBrowser(locale: BrowserLocale): Promise<Browser> {
  const { chromium: browser, own } = await chromiumFor();
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
  const violations: string[] = [];
  await context.exposeBinding('__pixgateCspViolation', (_source, violation: string) => void violations.push(violation));
  await context.addInitScript(() => {
    const report = (window as unknown as { __pixgateCspViolation: (violation: string) => void }).__pixgateCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  return {
    context,
    page,
    async cspViolations() {
      return [...violations];
    },
    async close() {
      await context.close();
      if (own) await browser.close();
    },
  };
}
