import v8 from 'node:v8';
import type { Config } from './config.js';

/*
 * Two memory settings cannot be made from here, since they are read before any of our code runs;
 * `npm start` and `npm run worker` (api/package.json) and the bench scripts pass them:
 * - `--max-semi-space-size=16`: Node 24's V8 grows the young generation to 2 × 64 MB under a burst
 *   of allocation (a few 500-image gallery queries at once) and keeps it; 16 MB semi-spaces hold
 *   that to 32 MB at no measurable cost in scavenges.
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (libuv's pool hashing and copying
 *   uploads, libvips reading headers) its own arena of up to 64 MB and rarely returns their freed
 *   pages; two arenas keep the API's native memory from creeping upward pass after pass. The render
 *   child sets the same (sharp's advice for glibc). bench/README.md, ingest, has the figures.
 */

/**
 * How V8 collects the short-lived buffers that streamed bytes leave behind (downloads, ZIP archives,
 * uploads). `GC_MODE`:
 *
 * - `throughput` (default): external memory counts in V8's global heap limit, which upstream V8 has
 *   since made its own default. Node 24's V8 (13.6) raised the young generation's capacity, which
 *   moved the cheap scavenge for young ArrayBuffers above the 64 MB external-memory soft limit
 *   (nodejs/node#61967, #63863): with V8's defaults every 64 KiB chunk a stream reads is reclaimed
 *   by marking the whole heap, one mark-compact per ~13 MB streamed, and the main thread spends
 *   35-50 % of a download in garbage collection.
 * - `memory`: V8's defaults, for a host where every MB counts more than CPU.
 *
 * Measured with `npm run bench:zip` (1 GB, embedded S3 in its own process, this 2-core machine),
 * `throughput` against `memory`: API CPU per GB read from storage 2.4-2.8 s against 4.0-4.1 s, per
 * GB zipped 2.9-3.1 s against 5.4-5.7 s; ZIP 261-285 MiB/s against 190-215; peak RSS growth while
 * zipping 0.4-37 MiB against 26-53 MiB (medians of four and three runs). bench/README.md has them.
 *
 * The flag is read whenever external memory is reported, so setting it at start-up, before any
 * stream runs, takes effect; it need not be on the command line.
 */
export function tuneGarbageCollection(mode: Config['gcMode']): void {
  if (mode === 'throughput') v8.setFlagsFromString('--external-memory-accounted-in-global-limit');
}
