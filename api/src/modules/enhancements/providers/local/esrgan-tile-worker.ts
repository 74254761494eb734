/**
 * The API-side handle on the ESRGAN worker thread: started on first use, kept for later tasks,
 * replaced after a crash. Inference never runs on the caller's event loop.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../../../shared/worker-entry.js';
import { ProviderError } from '../provider.js';
import type { EsrganScale } from './esrgan-models.js';
import type { TileRequest, TileResponse } from './esrgan-worker-protocol.js';
import type { RgbImage } from './tiling.js';

interface Pending {
  resolve: (image: RgbImage) => void;
  reject: (error: Error) => void;
}

const crashed = (detail: string) => new ProviderError('transient', 'The local upscaler stopped unexpectedly', { cause: new Error(detail) });
const canceled = () => new ProviderError('canceled', 'The enhancement was canceled');

export class EsrganTileWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  /**
   * Upscales one tile. Rejects with ProviderError 'canceled' as soon as `signal` aborts (a tile
   * already in the worker finishes there and is dropped), 'transient' if the worker dies.
   */
  upscale(tile: RgbImage, scale: EsrganScale, signal: AbortSignal): Promise<RgbImage> {
    if (this.closed) return Promise.reject(new ProviderError('transient', 'The local upscaler is shut down'));
    if (signal.aborted) return Promise.reject(canceled());
    const worker = this.start();
    const id = this.nextId++;
    // Transfer, don't copy; a view into a larger buffer would detach the whole buffer, so copy that case.
    const owned = tile.data.byteOffset === 0 && tile.data.byteLength === tile.data.buffer.byteLength ? tile.data : tile.data.slice();
    const request: TileRequest = { id, scale, width: tile.width, height: tile.height, pixels: owned };

    return new Promise<RgbImage>((resolve, reject) => {
      const onAbort = () => settle(() => reject(canceled()));
      const settle = (finish: () => void) => {
        signal.removeEventListener('abort', onAbort);
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker?.unref();
        finish();
      };
      this.pending.set(id, {
        resolve: (image) => settle(() => resolve(image)),
        reject: (error) => settle(() => reject(error)),
      });
      signal.addEventListener('abort', onAbort, { once: true });
      // Keep the process alive only while a tile is being worked on; an idle worker must not block exit.
      worker.ref();
      worker.postMessage(request, [owned.buffer as ArrayBuffer]);
    });
  }

  /** Terminates the worker; tiles still in it are rejected as 'transient' (the task can run again elsewhere). */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.discard(worker, new ProviderError('transient', 'The local upscaler is shut down'));
    await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { url, execArgv } = workerEntry(import.meta.url, 'esrgan-worker');
    const worker = new Worker(url, { execArgv, name: 'esrgan' });
    worker.on('message', (response: TileResponse) => this.onResponse(worker, response));
    worker.on('error', (error) => this.discard(worker, crashed(error.message)));
    worker.on('exit', (code) => this.discard(worker, crashed(`exit code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private onResponse(worker: Worker, response: TileResponse): void {
    const pending = this.pending.get(response.id);
    if (response.ok) {
      pending?.resolve({ data: response.pixels, width: response.width, height: response.height });
      return;
    }
    // A failure inside tfjs/wasm may leave its heap in any state: start from a fresh worker next time.
    pending?.reject(new ProviderError('transient', 'The local upscaler failed on this image', { cause: new Error(response.message) }));
    this.discard(worker, crashed(response.message));
    void worker.terminate();
  }

  /** Forgets a dead (or dying) worker and fails everything that was waiting on it. Idempotent. */
  private discard(worker: Worker, error: ProviderError): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const pending of [...this.pending.values()]) pending.reject(error);
  }
}
