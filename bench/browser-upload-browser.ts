/**
 * The browser side of bench/browser-upload.ts: Debian's Chromium driven by playwright-core (as the
 * e2e tests drive it), signing in to the real back office, measuring the JavaScript it loads until
 * the job list is usable, and uploading files through the real upload screen. Only playwright-core,
 * zlib and /proc: no API imports.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { descendants } from './processes.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ScriptBudget {
  scripts: number;
  /** Bytes as sent (the API serves them uncompressed). */
  rawBytes: number;
  /** Each script gzipped at zlib's default level, as a compressing proxy in front of the API would send it. */
  gzipBytes: number;
  /** From opening the sign-in page to the first row of the job list. */
  ms: number;
}

export interface BrowserUpload {
  /** From handing the files to the page until every file is sent and its completion answered. */
  seconds: number;
  /** CPU seconds of all Chromium processes (browser, renderer with its workers, network, GPU) meanwhile. */
  chromiumCpuSeconds: number;
  /** The same by process kind (browser, renderer, utility = network service, gpu-process). */
  chromiumCpuByType: Record<string, number>;
  /** The renderer's CPU seconds by thread name, the busiest first. */
  rendererCpuByThread: [string, number][];
  /** The renderer main thread's busy time meanwhile (CDP Performance.getMetrics TaskDuration). */
  mainThreadSeconds: number;
  failed: number;
  firstFailure?: string;
  cspViolations: string[];
}

/** CPU seconds so far of the Chromium processes this process started, by kind (`--type=renderer`, `utility` for the network service, none for the browser process). */
function chromiumCpu(): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const process of descendants()) {
    if (!process.command.includes('chromium')) continue;
    const type = /--type=([a-z-]+)/.exec(process.command)?.[1] ?? 'browser';
    byType[type] = (byType[type] ?? 0) + process.cpuSeconds;
  }
  return byType;
}
/**
 * CPU seconds so far of the renderer processes' threads, by thread name (CrRendererMain, the hash
 * worker's DedicatedWorker thread, Compositor, ThreadPool…): where the page itself spends it.
 */
function rendererCpuByThread(): Record<string, number> {
  const byThread: Record<string, number> = {};
  for (const process of descendants()) {
    if (!process.command.includes('chromium') || !process.command.includes('--type=renderer')) continue;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${process.pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const stat = readFileSync(`/proc/${process.pid}/task/${task}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byThread[name] = (byThread[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // The thread ended while we looked.
      }
    }
  }
  return byThread;
}

const total = (byType: Record<string, number>) => Object.values(byType).reduce((sum, seconds) => sum + seconds, 0);

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

export class BenchBrowser {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
    private readonly profile: string,
    private readonly cdp: CDPSession,
  ) {}

  static async open(): Promise<BenchBrowser> {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    const profile = mkdtempSync(path.join(os.tmpdir(), 'pixgate-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
    });
    // An init script runs before the page's CSP applies; a string, as this file is checked without the DOM's typings (api/tsconfig.json).
    await context.addInitScript(`
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline')));
    `);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return new BenchBrowser(context, page, profile, cdp);
  }

  /**
   * Signs in on the sign-in page and waits for the job list, counting every script the page loaded
   * on the way (the app's chunks; a worker would count too).
   */
  async signInMeasuringScripts(baseUrl: string, email: string, password: string): Promise<ScriptBudget> {
    const scripts: Promise<{ raw: number; gzip: number }>[] = [];
    const onResponse = (response: import('playwright-core').Response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && !response.url().endsWith('.js')) return;
      scripts.push(response.body().then((body) => ({ raw: body.length, gzip: gzipSync(body).length })));
    };
    this.page.on('response', onResponse);
    const started = performance.now();
    await this.page.goto(`${baseUrl}/admin/login`);
    await this.page.locator('input[type="email"]').fill(email);
    await this.page.locator('input[type="password"]').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.page
      .locator('table tbody tr')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: Error) => {
        const picture = path.join(os.tmpdir(), 'pixgate-bench-sign-in.png');
        await this.page.screenshot({ path: picture });
        throw new Error(`the job list did not show after sign-in (the page is in ${picture}): ${error.message}`);
      });
    const ms = performance.now() - started;
    this.page.off('response', onResponse);
    const sizes = await Promise.all(scripts);
    return { scripts: sizes.length, rawBytes: sizes.reduce((sum, size) => sum + size.raw, 0), gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0), ms };
  }

  /** Opens the job's upload screen, hands it the files, and waits until each is sent and completed. */
  /** With `profilePath`, the renderer main thread's CPU profile of the uploads is written there (a .cpuprofile for DevTools). */
  async upload(baseUrl: string, jobId: string, files: string[], profilePath?: string): Promise<BrowserUpload> {
    await this.page.goto(`${baseUrl}/admin/jobs/${jobId}/upload`);
    await this.page.getByTestId('upload-drop-zone').waitFor({ timeout: 60_000 });
    const cpuBefore = chromiumCpu();
    const threadsBefore = rendererCpuByThread();
    const mainBefore = await taskDuration(this.cdp);
    if (profilePath) {
      await this.cdp.send('Profiler.enable');
      await this.cdp.send('Profiler.start');
    }
    const started = performance.now();
    // With file paths, playwright hands Chromium the paths: the page reads the files from disk as a picked file would be.
    await this.page.getByTestId('upload-file-input').setInputFiles(files);
    // A function, not a string: the page's CSP forbids eval, which a string predicate would need.
    await this.page.waitForFunction(
      (count: number) => {
        const rows: { dataset: { phase?: string } }[] = [...(globalThis as any).document.querySelectorAll('[data-testid="upload-row"]')];
        return rows.length === count && rows.every((row) => ['processing', 'ready', 'failed'].includes(row.dataset.phase ?? ''));
      },
      files.length,
      { polling: 100, timeout: 0 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (profilePath) writeFileSync(profilePath, JSON.stringify(((await this.cdp.send('Profiler.stop')) as { profile: unknown }).profile));
    const cpuAfter = chromiumCpu();
    const chromiumCpuByType = Object.fromEntries(Object.keys(cpuAfter).map((type) => [type, Math.max(0, cpuAfter[type]! - (cpuBefore[type] ?? 0))]));
    const chromiumCpuSeconds = total(chromiumCpuByType);
    const threadsAfter = rendererCpuByThread();
    const rendererThreads = Object.entries(threadsAfter)
      .map(([name, seconds]): [string, number] => [name, Math.max(0, seconds - (threadsBefore[name] ?? 0))])
      .filter(([, seconds]) => seconds >= 0.05)
      .sort((a, b) => b[1] - a[1]);
    const mainThreadSeconds = (await taskDuration(this.cdp)) - mainBefore;
    const failures = await this.page.locator('[data-testid="upload-row"][data-phase="failed"]').allTextContents();
    const cspViolations = await this.page.evaluate<string[]>('window.__cspViolations ?? []');
    return { seconds, chromiumCpuSeconds, chromiumCpuByType, rendererCpuByThread: rendererThreads, mainThreadSeconds, failed: failures.length, firstFailure: failures[0], cspViolations };
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
