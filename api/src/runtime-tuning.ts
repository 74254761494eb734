import v8 from 'node:v8';
import type { Config } from './config.js';

/**
 * How V8 collects the short-lived buffers that streamed bytes leave behind (downloads, ZIP archives,
 * uploads, the embedded S3 server's replies). `GC_MODE`:
 *
 * - `memory` (default): V8's defaults. In Node 24 they reclaim every 64 KiB chunk a stream reads by
 *   marking the whole heap: V8 13.6 raised the young generation's capacity, which moved the cheap
 *   scavenge for young ArrayBuffers above the 64 MB external-memory soft limit (nodejs/node#61967,
 *   #63863). While streaming, the main thread spends 35-50 % of its time in mark-compact, one cycle
 *   per ~13 MB, but dead chunks never pile up: RSS grows by a few MB.
 * - `throughput`: external memory counts in V8's global heap limit (upstream V8 has since made this
 *   the default). Measured with `npm run bench:zip` (1 GB, this machine): CPU per GB read from
 *   storage 7.2 -> 3.0 s, per GB zipped 8.8 -> 3.8 s, ZIP throughput ~190 -> ~350 MiB/s. Dead chunks
 *   then wait for a larger collection: peak RSS growth while streaming 18-95 MB instead of 0-40 MB
 *   (bounded by V8's limit, not by how much is streamed), above the 64 MB the download issue allows.
 *
 * The flag is read whenever external memory is reported, so setting it at start-up, before any
 * stream runs, takes effect; it need not be on the command line.
 */
export function tuneGarbageCollection(mode: Config['gcMode']): void {
  if (mode === 'throughput') v8.setFlagsFromString('--external-memory-accounted-in-global-limit');
}
