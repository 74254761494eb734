import type { HashAnswer, HashQuestion } from './hash-worker';
import { UploadError } from './upload-failure';

/**
 * The page's side of the hash worker: one module worker (a file of the app's own origin, which the
 * CSP's `script-src 'self'` allows as a worker), started on first use, answering by id.
 */
export class Hasher {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (sha256: string) => void; reject: (error: UploadError) => void }>();

  hash(file: Blob): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, file } satisfies HashQuestion);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.failAll('the upload page was closed');
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Vite bundles the worker as its own file because of this exact `new Worker(new URL(…))` form.
    const worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module', name: 'pixgate-sha256' });
    worker.onmessage = ({ data }: MessageEvent<HashAnswer>) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      if ('sha256' in data) waiting.resolve(data.sha256);
      else waiting.reject(new UploadError({ code: data.unreadable ? 'FILE_UNREADABLE' : 'UNKNOWN', details: {}, serverMessage: data.error }));
    };
    // The worker could not start or crashed: nothing it was asked will be answered.
    worker.onerror = (event) => {
      event.preventDefault();
      this.worker = undefined;
      this.failAll(event.message || 'the checksum worker stopped');
    };
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new UploadError({ code: 'UNKNOWN', details: {}, serverMessage: message }));
    this.pending.clear();
  }
}
