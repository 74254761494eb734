import os from 'node:os';

/**
 * Entry of the render process. Its CPU priority is lowered before anything else runs: on Linux a
 * thread inherits the niceness of the thread that creates it, so libuv's pool and libvips' threads,
 * all started later, render at this priority and leave the cores to the API when it needs them.
 */
const nice = Number(process.argv[2] ?? 0);
if (nice > 0) {
  try {
    os.setPriority(nice);
  } catch {
    // Not permitted here (some containers): rendering still works, only at the API's priority.
  }
}
await import('./render-process-main.js');
