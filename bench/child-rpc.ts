/**
 * Calls into a child process the benches start (load generators, the bare ingest server, the memory
 * sampler): the child is a bench file forked with a role argument, so it loads only what that role
 * imports and runs on its own event loop, and answers each call by id. Only Node built-ins.
 */
import { fork, type ChildProcess } from 'node:child_process';

type Handler = (payload: any) => unknown;

/** The parent's side: one forked child, any number of calls in flight. */
export class ChildRpc {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  /** `file` is a path (fileURLToPath(import.meta.url) of the module that serves `role`). */
  constructor(file: string, role: string, options: { env?: NodeJS.ProcessEnv } = {}) {
    this.child = fork(file, [role], { execArgv: process.execArgv, env: options.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    this.child.on('exit', (code, signal) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`child ${role} exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  call<T>(cmd: string, payload?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd, payload });
    });
  }

  /** A call whose answer nobody waits for (e.g. "stop" while another call runs). */
  notify(cmd: string, payload?: unknown): void {
    this.child.send({ id: 0, cmd, payload });
  }

  /** Disconnects; the child exits on that (serve() arranges it). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null || !this.child.connected) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}

/** The child's side: answers calls with `handlers[cmd](payload)`; exits when the parent disconnects or dies. */
export function serve(handlers: Record<string, Handler>): void {
  process.on('disconnect', () => process.exit(0));
  process.on('message', ({ id, cmd, payload }: { id: number; cmd: string; payload: unknown }) => {
    const reply = (message: { result?: unknown; error?: string }) => id !== 0 && process.send!({ id, ...message });
    const handler = handlers[cmd];
    if (!handler) return reply({ error: `unknown command ${cmd}` });
    Promise.resolve()
      .then(() => handler(payload))
      .then(
        (result) => reply({ result }),
        (error: Error) => reply({ error: error.stack ?? error.message }),
      );
  });
}
