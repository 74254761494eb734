import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../../logger.js';
import { workerEntry } from '../../../shared/worker-entry.js';
import type { StorageSettings } from '../../../storage/object-storage.js';
import type { RenderOutcome, RenderReply, RenderRequest, ToRenderProcess } from './render-protocol.js';

/** The render process ended (crashed, killed, out of memory) while this render ran: another try may succeed. */
export class RenderProcessLost extends Error {
  constructor(detail: string) {
    super(`the render process ended during the render (${detail})`);
    this.name = 'RenderProcessLost';
  }
}

interface Pending {
  resolve(outcome: RenderOutcome): void;
  reject(error: Error): void;
}

/**
 * One child process per API or worker process that does the pixel work of renders, at a lower CPU
 * priority (render-process-entry.ts). Started on the first render, started again after it dies;
 * renders that were running in a process that died fail with RenderProcessLost.
 */
export class RenderProcess {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private stopping = false;

  constructor(
    private readonly settings: { storage: StorageSettings; threads: number; nice: number },
    private readonly logger: Logger,
  ) {}

  async render(request: Omit<RenderRequest, 'type' | 'requestId'>): Promise<RenderOutcome> {
    if (this.stopping) throw new RenderProcessLost('shutting down');
    const child = this.running();
    const requestId = this.nextRequestId++;
    return new Promise<RenderOutcome>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      send(child, { ...request, type: 'render', requestId });
    });
  }

  /** The process id of the running render process, if one runs (for tests and benchmarks). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Ends the render process (renders still running in it fail); the next render starts a new one. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.stopping = true;
    try {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    } finally {
      this.stopping = false;
    }
  }

  private running(): ChildProcess {
    if (this.child) return this.child;
    const { url, execArgv } = workerEntry(import.meta.url, 'render-process-entry');
    const child = fork(fileURLToPath(url), [String(this.settings.nice)], {
      execArgv: execArgv ?? [],
      // glibc gives each libvips thread its own malloc arenas and keeps their freed pages: sharp's
      // documentation advises two arenas (or jemalloc) so the process's memory does not creep up.
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    send(child, { type: 'init', storage: this.settings.storage, threads: this.settings.threads });
    child.on('message', (reply: RenderReply) => {
      const waiting = this.pending.get(reply.requestId);
      if (!waiting) return;
      this.pending.delete(reply.requestId);
      const { type: _type, requestId: _id, ...outcome } = reply;
      waiting.resolve(outcome as RenderOutcome);
    });
    child.on('error', (error) => this.logger.error({ err: error }, 'render process error'));
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      const lost = [...this.pending.values()];
      this.pending.clear();
      if (lost.length > 0 || !this.stopping) this.logger.warn({ event: 'render_process.exit', code, signal, rendersLost: lost.length }, 'render process ended');
      for (const waiting of lost) waiting.reject(new RenderProcessLost(signal ?? `exit code ${code}`));
    });
    return child;
  }
}

function send(child: ChildProcess, message: ToRenderProcess): void {
  // A process that died between our check and this send reports it through 'exit'; nothing to do here.
  child.send(message, (error) => void error);
}
