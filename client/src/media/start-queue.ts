/**
 * Spreads the start of image loads over tasks. Scrolling a screen of the gallery mounts a few dozen
 * tiles at once, and starting each thumbnail's request (Chromium's ResourceFetcher::requestResource,
 * 1–2 ms each on a loaded two-core machine) in the same task as React's commit made that task long
 * (a trace of bench/client-gallery.ts: 20–58 ms of a 90–165 ms task). Here every image still starts,
 * in the order it was mounted, a few per task, so the page stays responsive between them.
 */
const PER_TASK = 6;

const queue = new Set<() => void>();
let scheduled = false;
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();

function drain() {
  scheduled = false;
  let started = 0;
  for (const start of queue) {
    queue.delete(start);
    start();
    if (++started === PER_TASK) break;
  }
  if (queue.size > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // A message runs as its own task, without setTimeout's clamping.
  if (channel) channel.port2.postMessage(null);
  else setTimeout(drain, 0);
}

if (channel) channel.port1.onmessage = drain;

/** Calls `start` in a coming task; the returned function withdraws it (a tile scrolled away first). */
export function queueStart(start: () => void): () => void {
  queue.add(start);
  schedule();
  return () => queue.delete(start);
}
