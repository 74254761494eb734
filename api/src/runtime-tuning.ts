import v8 from 'node:v8';

/**
 * Garbage collection tuned for a server that streams object bytes (downloads, ZIP archives,
 * uploads, the embedded S3 server's replies).
 *
 * Node 24's V8 (13.6) raised the young generation's capacity, which moved the scavenge that frees
 * short-lived ArrayBuffers above the 64 MB external-memory soft limit. Every 64 KiB socket chunk a
 * stream reads is such an ArrayBuffer, so with the default V8 reclaims them by marking the whole
 * heap over and over: during a ZIP download the main thread spent 35-50 % of its time in
 * mark-compact, one cycle per ~13 MB streamed (nodejs/node#61967, #63863). Counting external memory
 * in V8's global heap limit, which upstream V8 has since made the default, lets the chunks die in
 * far fewer collections. Measured with `npm run bench:zip` (400 MiB, this machine): CPU per GB read
 * from storage 7.2 -> 3.1 s, per GB of ZIP 8.8 -> 4.5 s. The cost is that dead chunks wait longer
 * for a collection, so the process's peak RSS while streaming is some tens of MB higher.
 *
 * The flag is read when external memory is reported, so setting it at start-up, before any
 * stream runs, takes effect; it need not be on the command line.
 */
export function tuneGarbageCollection(): void {
  v8.setFlagsFromString('--external-memory-accounted-in-global-limit');
}
