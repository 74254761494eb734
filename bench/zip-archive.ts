/**
 * ZIP download of a job with ~1 GB of images (issue targets):
 *   - throughput as a ratio of plainly reading the same objects from storage, same run (>= 0.9)
 *   - peak RSS growth of the API process during the ZIP (<= 64 MB)
 *   - time to first byte of the archive (<= 250 ms)
 *   - a Range request for the last 10 % costs <= 15 % of the whole archive's CPU (API + storage process)
 *
 * Setup: the API (and its embedded S3 and PostgreSQL, as `npm start` runs them) in this process;
 * N objects of random bytes put into storage directly, READY image rows pointing at them (the
 * job includes all images, so every image is released to the customer).
 * Baseline: `storage.openStream` each object in turn and drain it (what the ZIP must read anyway).
 * Second, informational baseline ("relay"): the same objects read the same way and written, one
 * after another, to a plain HTTP response that the same child process drains. It does everything
 * the ZIP route does except build the archive, so ZIP / relay is what the archive itself costs;
 * ZIP / read also charges the ZIP for sending the bytes and for its client, which on a 2-core
 * machine compete for the same CPUs as the storage server.
 * Candidate: `jobArchiveDownload` ticket, then GET the archive URL from a child process (plain
 * node:http) and drain it; the ticket is not part of the timing.
 * Memory: this process is the API process (the embedded S3 server is its child process). Its RSS is sampled every 20 ms during
 * each pass (max - before, after a full GC); the kernel's peak RSS (VmHWM, reset just before) is
 * printed beside it as a cross-check, and the plain read's growth for comparison.
 * Each round runs both passes back to back; the figure is the median of the per-round ratios.
 *
 * Env: BENCH_ZIP_OBJECTS (100), BENCH_ZIP_OBJECT_MB (10), BENCH_ZIP_ROUNDS (3).
 */
import { randomFillSync } from 'node:crypto';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Image } from '../api/src/modules/images/image.entity.js';
import { ImageStatus, SelectionState } from '../api/src/shared/domain/image-enums.js';
import { childCpuSeconds, collectGarbage, fmt, LoadClient, makeCast, mark, MB, median, peakRss, printTable, resetPeakRss, run, startBenchServer, type Figure } from './support.js';

const OBJECTS = Number(process.env.BENCH_ZIP_OBJECTS ?? 100);
const OBJECT_BYTES = Math.round(Number(process.env.BENCH_ZIP_OBJECT_MB ?? 10) * MB);
const ROUNDS = Number(process.env.BENCH_ZIP_ROUNDS ?? 3);
const SAMPLE_MS = 20;
run(async () => {
  const started = performance.now();
  const bench = await startBenchServer();
  const client = new LoadClient();
  try {
    const { services } = bench.server;
    const { storage } = services;
    const cast = await makeCast(bench, { includedImages: 0, allImagesIncluded: true });
    const job = cast.job;

    // Objects straight into storage, one reused buffer refilled with random bytes for each.
    const keys: string[] = [];
    const crcs: number[] = [];
    const buffer = Buffer.allocUnsafe(OBJECT_BYTES);
    const putStarted = performance.now();
    for (let index = 0; index < OBJECTS; index++) {
      const key = `customers/${cast.customer.id}/jobs/${job.id}/originals/bench-${String(index).padStart(4, '0')}`;
      randomFillSync(buffer);
      // Kept at upload in the product; the archive states it before the bytes.
      crcs.push(zlib.crc32(buffer));
      await storage.put(key, buffer, { contentType: 'image/jpeg', byteSize: OBJECT_BYTES });
      keys.push(key);
    }
    const putSeconds = (performance.now() - putStarted) / 1000;
    const totalBytes = OBJECTS * OBJECT_BYTES;
    console.log(`put ${OBJECTS} objects x ${fmt(OBJECT_BYTES / MB, 1)} MiB = ${fmt(totalBytes / MB, 0)} MiB in ${fmt(putSeconds, 1)} s`);

    const em = services.orm.em.fork();
    keys.forEach((key, index) => {
      const rendition = { key: `${key}-thumb`, width: 400, height: 300, byteSize: 1000, contentType: 'image/jpeg' };
      em.create(Image, {
        job: job.id,
        uploadedBy: null,
        filename: `bench-${String(index).padStart(4, '0')}.jpg`,
        status: ImageStatus.READY,
        selectionState: SelectionState.INCLUDED,
        declaredContentType: 'image/jpeg',
        contentType: 'image/jpeg',
        byteSize: OBJECT_BYTES,
        crc32: crcs[index]!,
        sha256: 'a'.repeat(64),
        width: 4000,
        height: 3000,
        uploadKey: `${key}-upload`,
        originalKey: key,
        renditions: { preview: rendition, preview_watermarked: rendition, thumbnail: rendition, thumbnail_watermarked: rendition },
      });
    });
    await em.flush();

    /** Runs `work` with this process's RSS sampled every 20 ms after a full GC; growth = max - before (and VmHWM - before). */
    const withRss = async <T>(work: () => Promise<T>) => {
      collectGarbage();
      const cpu0 = process.cpuUsage();
      const s3Cpu0 = childCpuSeconds('embedded-s3-process');
      const clientCpu0 = childCpuSeconds('load-client');
      const rssBefore = process.memoryUsage.rss();
      const hwmAvailable = resetPeakRss();
      let rssMax = rssBefore;
      const sampler = setInterval(() => {
        rssMax = Math.max(rssMax, process.memoryUsage.rss());
      }, SAMPLE_MS);
      let result: T;
      try {
        result = await work();
      } finally {
        clearInterval(sampler);
      }
      rssMax = Math.max(rssMax, process.memoryUsage.rss());
      const cpu = process.cpuUsage(cpu0);
      const s3CpuSeconds = childCpuSeconds('embedded-s3-process') - s3Cpu0;
      const clientCpuSeconds = childCpuSeconds('load-client') - clientCpu0;
      const hwm = hwmAvailable ? peakRss() : undefined;
      return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, s3CpuSeconds, clientCpuSeconds, rssGrowth: rssMax - rssBefore, hwmGrowth: hwm === undefined ? undefined : hwm - rssBefore };
    };

    const baseline = async () => {
      const { result, ...measured } = await withRss(async () => {
        const t0 = performance.now();
        let bytes = 0;
        for (const key of keys) {
          const object = await storage.openStream(key);
          if (!object) throw new Error(`object ${key} is missing`);
          for await (const chunk of object.body) bytes += (chunk as Buffer).length;
        }
        return { bytes, seconds: (performance.now() - t0) / 1000 };
      });
      if (result.bytes !== totalBytes) throw new Error(`baseline read ${result.bytes} bytes, expected ${totalBytes}`);
      return { bytesPerSecond: result.bytes / result.seconds, seconds: result.seconds, ...measured };
    };

    // The relay: a plain HTTP route in this process streaming the objects back to back.
    const relayServer = createServer((_req, res) => {
      void (async () => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(totalBytes) });
        for (const key of keys) {
          const object = await storage.openStream(key);
          if (!object) throw new Error(`object ${key} is missing`);
          for await (const chunk of object.body) if (!res.write(chunk)) await once(res, 'drain');
        }
        res.end();
      })().catch((error: unknown) => res.destroy(error as Error));
    });
    await new Promise<void>((resolve) => relayServer.listen(0, '127.0.0.1', resolve));
    const relayUrl = `http://127.0.0.1:${(relayServer.address() as AddressInfo).port}/`;
    const relay = async () => {
      const { result, ...measured } = await withRss(() => client.download(relayUrl));
      if (result.status !== 200 || result.bytes !== totalBytes) throw new Error(`relay answered ${result.status} with ${result.bytes} bytes`);
      return { bytesPerSecond: result.bytes / (result.elapsedMs / 1000), ...measured };
    };

    const candidate = async () => {
      const ticket = await bench.gql<{ jobArchiveDownload: { url: string } }>(
        'mutation($jobId: ID!) { jobArchiveDownload(jobId: $jobId) { url } }',
        { jobId: job.id },
        cast.token,
      );
      if (!ticket.data?.jobArchiveDownload) throw new Error(`jobArchiveDownload failed: ${JSON.stringify(ticket.errors)}`);
      const { result, ...measured } = await withRss(() => client.download(ticket.data!.jobArchiveDownload.url));
      if (result.status !== 200) throw new Error(`archive download answered ${result.status}`);
      if (result.bytes < totalBytes) throw new Error(`archive has ${result.bytes} bytes, less than the ${totalBytes} bytes of its images`);
      return {
        bytesPerSecond: result.bytes / (result.elapsedMs / 1000),
        seconds: result.elapsedMs / 1000,
        zipBytes: result.bytes,
        firstByteMs: result.firstByteMs,
        headersMs: result.headersMs,
        ...measured,
      };
    };

    // The last 10 % of the archive, as a client resuming near the end asks for it: with the exact
    // layout only the originals it covers are read, from where the range starts.
    const tail = async (zipBytes: number) => {
      const ticket = await bench.gql<{ jobArchiveDownload: { url: string } }>('mutation($jobId: ID!) { jobArchiveDownload(jobId: $jobId) { url } }', { jobId: job.id }, cast.token);
      const from = Math.floor(zipBytes * 0.9);
      const { result, ...measured } = await withRss(() => client.download(ticket.data!.jobArchiveDownload.url, { range: `bytes=${from}-` }));
      if (result.status !== 206 || result.bytes !== zipBytes - from) throw new Error(`range answered ${result.status} with ${result.bytes} bytes`);
      return measured;
    };

    // One untimed pass of each warms the page cache, the S3 client's sockets and the code paths.
    await baseline();
    await relay();
    const warm = await candidate();
    await tail(warm.zipBytes);

    const baselines: Awaited<ReturnType<typeof baseline>>[] = [];
    const candidates: Awaited<ReturnType<typeof candidate>>[] = [];
    const relays: Awaited<ReturnType<typeof relay>>[] = [];
    const tails: Awaited<ReturnType<typeof tail>>[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      mark(`read-${round}-start`);
      const b = await baseline();
      mark(`read-${round}-end`);
      baselines.push(b);
      mark(`relay-${round}-start`);
      const r = await relay();
      mark(`relay-${round}-end`);
      relays.push(r);
      mark(`zip-${round}-start`);
      const c = await candidate();
      mark(`zip-${round}-end`);
      candidates.push(c);
      const t = await tail(c.zipBytes);
      tails.push(t);
      console.log(
        `round ${round}: read ${fmt(b.bytesPerSecond / MB, 0)} MiB/s (${fmt(b.seconds, 2)} s, CPU ${fmt(b.cpuSeconds, 2)} s, RSS +${fmt(b.rssGrowth / MB, 1)} MiB) | ` +
          `relay ${fmt(r.bytesPerSecond / MB, 0)} MiB/s (CPU ${fmt(r.cpuSeconds, 2)} s) | ` +
          `zip ${fmt(c.bytesPerSecond / MB, 0)} MiB/s (${fmt(c.seconds, 2)} s, CPU ${fmt(c.cpuSeconds, 2)} s, ${c.zipBytes} bytes) ratio ${fmt(c.bytesPerSecond / b.bytesPerSecond, 3)} | TTFB ${fmt(c.firstByteMs, 1)} ms (headers ${fmt(c.headersMs, 1)} ms) | ` +
          `RSS +${fmt(c.rssGrowth / MB, 1)} MiB sampled, +${c.hwmGrowth === undefined ? '?' : fmt(c.hwmGrowth / MB, 1)} MiB VmHWM | ` +
          `last 10 %: CPU ${fmt(t.cpuSeconds + t.s3CpuSeconds, 2)} s (API + S3) vs ${fmt(c.cpuSeconds + c.s3CpuSeconds, 2)} s whole`,
      );
    }

    const readMedian = median(baselines.map((b) => b.bytesPerSecond));
    const zipMedian = median(candidates.map((c) => c.bytesPerSecond));
    // Each round reads and zips back to back; the median of those paired ratios is what drifting background load disturbs least.
    const ratios = baselines.map((b, index) => candidates[index]!.bytesPerSecond / b.bytesPerSecond);
    const ratio = median(ratios);
    const rss = median(candidates.map((c) => c.rssGrowth)) / MB;
    const rssWorst = Math.max(...candidates.map((c) => c.rssGrowth)) / MB;
    const hwms = candidates.map((c) => c.hwmGrowth).filter((value): value is number => value !== undefined);
    const ttfb = median(candidates.map((c) => c.firstByteMs));

    console.log(
      `\nmedian of ${ROUNDS}: plain read ${fmt(readMedian / MB, 1)} MiB/s, ZIP ${fmt(zipMedian / MB, 1)} MiB/s; ZIP/read: median of per-round ratios ${fmt(ratio, 3)} ` +
        `(per round ${ratios.map((r) => fmt(r, 3)).join(', ')}), ratio of medians ${fmt(zipMedian / readMedian, 3)}`,
    );
    const relayRatios = relays.map((r, index) => candidates[index]!.bytesPerSecond / r.bytesPerSecond);
    const cpuRelay = median(relays.map((r) => r.cpuSeconds));
    console.log(
      `relay (the same objects sent over plain HTTP to the same client, no archive) ${fmt(median(relays.map((r) => r.bytesPerSecond)) / MB, 1)} MiB/s; ` +
        `ZIP/relay: median of per-round ratios ${fmt(median(relayRatios), 3)} (per round ${relayRatios.map((r) => fmt(r, 3)).join(', ')}); relay/read ${fmt(median(relays.map((r, index) => r.bytesPerSecond / baselines[index]!.bytesPerSecond)), 3)}`,
    );
    console.log(`RSS growth of the API process (in-process 20 ms samples, max - before): median ${fmt(rss, 1)} MiB, worst ${fmt(rssWorst, 1)} MiB` +
      (hwms.length ? `; VmHWM - before: median ${fmt(median(hwms) / MB, 1)} MiB, worst ${fmt(Math.max(...hwms) / MB, 1)} MiB` : ''));
    console.log(`for comparison, RSS growth while plainly reading the same objects (same sampling): median ${fmt(median(baselines.map((b) => b.rssGrowth)) / MB, 1)} MiB`);
    console.log(`time to first byte: median ${fmt(ttfb, 1)} ms`);
    const cpuRead = median(baselines.map((b) => b.cpuSeconds));
    const cpuZip = median(candidates.map((c) => c.cpuSeconds));
    type Pass = { cpuSeconds: number; s3CpuSeconds: number; clientCpuSeconds: number };
    const perGb = (passes: Pass[], of: (pass: Pass) => number) => median(passes.map(of)) / (totalBytes / 1e9);
    const s3 = (pass: Pass) => pass.s3CpuSeconds;
    const drain = (pass: Pass) => pass.clientCpuSeconds;
    const all = (pass: Pass) => pass.cpuSeconds + pass.s3CpuSeconds + pass.clientCpuSeconds;
    console.log(`CPU of the embedded S3 server's process: read ${fmt(perGb(baselines, s3))} s/GB, relay ${fmt(perGb(relays, s3))} s/GB, ZIP ${fmt(perGb(candidates, s3))} s/GB`);
    console.log(`CPU of the client process (draining the response): relay ${fmt(perGb(relays, drain))} s/GB, ZIP ${fmt(perGb(candidates, drain))} s/GB`);
    // When all cores are busy, throughput is cores / (CPU per byte of every process involved).
    console.log(
      `CPU of all three per GB: read ${fmt(perGb(baselines, all))} s, relay ${fmt(perGb(relays, all))} s, ZIP ${fmt(perGb(candidates, all))} s; ` +
        `read/ZIP ${fmt(perGb(baselines, all) / perGb(candidates, all), 3)} (the ratio reachable when the machine's cores are the limit)`,
    );
    console.log(
      `CPU of the API process (user+system, all threads; without the embedded S3 server): read ${fmt(cpuRead / (totalBytes / 1e9), 2)} s/GB, ` +
        `relay ${fmt(cpuRelay / (totalBytes / 1e9), 2)} s/GB, ZIP ${fmt(cpuZip / (totalBytes / 1e9), 2)} s/GB, read/ZIP ${fmt(cpuRead / cpuZip, 3)} (the throughput ratio a CPU-bound single thread can reach)`,
    );

    // API and storage processes together: what serving the range costs the server side.
    const serverCpu = (pass: Pass) => pass.cpuSeconds + pass.s3CpuSeconds;
    const tailShare = median(tails.map((t, index) => serverCpu(t) / serverCpu(candidates[index]!)));
    console.log(`a Range request for the last 10 % costs ${fmt(tailShare * 100, 1)} % of the whole archive's CPU (API + embedded S3, median of per-round ratios)`);

    const figures: Figure[] = [
      { name: 'ZIP throughput / plain read', value: ratio, unit: '', target: { op: '>=', value: 0.9 }, digits: 3 },
      { name: 'ZIP throughput / relay (informational)', value: median(relayRatios), unit: '', digits: 3 },
      { name: 'peak RSS growth (sampled, median)', value: rss, unit: 'MiB', target: { op: '<=', value: 64 }, digits: 1 },
      ...(hwms.length ? [{ name: 'peak RSS growth (VmHWM, median)', value: median(hwms) / MB, unit: 'MiB', target: { op: '<=' as const, value: 64 }, digits: 1 }] : []),
      { name: 'time to first byte (median)', value: ttfb, unit: 'ms', target: { op: '<=', value: 250 }, digits: 1 },
      { name: 'CPU of a Range for the last 10 % / whole archive (API + S3)', value: tailShare, unit: '', target: { op: '<=', value: 0.15 }, digits: 3 },
    ];
    printTable(`ZIP of ${OBJECTS} x ${fmt(OBJECT_BYTES / MB, 1)} MiB (${fmt(totalBytes / 1e9, 2)} GB), ${ROUNDS} rounds, total ${fmt((performance.now() - started) / 1000, 0)} s`, figures, {
      objects: OBJECTS,
      objectMiB: OBJECT_BYTES / MB,
      rounds: ROUNDS,
      gcMode: process.env.GC_MODE ?? 'default',
    });

    relayServer.close();
    await storage.delete(keys);
  } finally {
    await client.close();
    await bench.close();
  }
});
