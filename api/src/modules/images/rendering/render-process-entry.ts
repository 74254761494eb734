import { readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * Entry of the render process: its CPU priority is lowered before anything else runs, so the pixel
 * work leaves the cores to the API when it needs them.
 *
 * On Linux a priority belongs to a thread, and a new thread inherits its creator's. Lowering only
 * the calling thread is not enough: V8's workers and libuv's pool exist before this line (the module
 * loader reads files through the pool), and libvips starts its workers from the pool's threads, so
 * the renders ran at the API's priority with only this process's main thread lowered. Every thread
 * is lowered by its id, once now and once after the render code is loaded.
 */
function lowerEveryThread(nice: number): void {
  const threads = process.platform === 'linux' ? readdirSync('/proc/self/task').map(Number) : [0];
  for (const thread of threads) {
    try {
      os.setPriority(thread, nice);
    } catch {
      // Not permitted here (some containers), or the thread has ended: it renders at the API's priority.
    }
  }
}

const nice = Number(process.argv[2] ?? 0);
if (nice > 0) lowerEveryThread(nice);
await import('./render-process-main.js');
if (nice > 0) lowerEveryThread(nice);
