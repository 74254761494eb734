/**
 * Peak resident memory of the API process and of the processes it started, sampled from /proc
 * every 50 ms. It runs as a child process of the API (this file forked with its role), so reading
 * /proc twenty times a second costs the API's event loop nothing; it leaves itself out.
 *
 * Processes are grouped by their command line: the render child (`render` in it), the embedded S3
 * server, PostgreSQL (all its backends together) and the bare ingest server. A group's figure is the
 * sum over its processes at one instant; `apiPlusRender` is the largest sum of the two at one instant.
 */
import { fileURLToPath } from 'node:url';
import { ChildRpc, serve } from './child-rpc.js';
import { descendants, processGroup, residentBytes } from './processes.js';

const SAMPLER_ROLE = '--memory-sampler';

const MEMORY_GROUPS = ['api', 'render', 's3', 'postgres', 'bare'] as const;
type MemoryGroup = (typeof MEMORY_GROUPS)[number];

export interface MemoryPeaks {
  samples: number;
  /** Largest sampled sum per group, bytes; 0 where no such process ran. */
  peakBytes: Record<MemoryGroup | 'apiPlusRender', number>;
  /** The first sample's, to tell growth from what the process held before. */
  startBytes: Record<MemoryGroup, number>;
  /** How many distinct render processes were seen (a restarted one counts again). */
  renderProcesses: number;
}

let timers: NodeJS.Timeout[] = [];
let peaks: MemoryPeaks;

function start({ intervalMs = 50, rediscoverMs = 500 }: { intervalMs?: number; rediscoverMs?: number } = {}): void {
  stop();
  const root = process.ppid;
  const watched = new Map<number, MemoryGroup>();
  const renderPids = new Set<number>();
  peaks = { samples: 0, peakBytes: { api: 0, render: 0, s3: 0, postgres: 0, bare: 0, apiPlusRender: 0 }, startBytes: { api: 0, render: 0, s3: 0, postgres: 0, bare: 0 }, renderProcesses: 0 };
  // Finding processes means reading all of /proc; the ones found are re-read much more often.
  const discover = () => {
    watched.clear();
    for (const { pid, command } of descendants(root)) {
      const group = pid === process.pid ? undefined : processGroup(command);
      if (!group || group === 'client') continue;
      watched.set(pid, group);
      if (group === 'render') renderPids.add(pid);
    }
    peaks.renderProcesses = renderPids.size;
  };
  const sample = () => {
    const sums: Record<MemoryGroup, number> = { api: residentBytes(root) ?? 0, render: 0, s3: 0, postgres: 0, bare: 0 };
    for (const [pid, group] of watched) sums[group] += residentBytes(pid) ?? 0;
    for (const group of MEMORY_GROUPS) peaks.peakBytes[group] = Math.max(peaks.peakBytes[group], sums[group]);
    peaks.peakBytes.apiPlusRender = Math.max(peaks.peakBytes.apiPlusRender, sums.api + sums.render);
    if (peaks.samples++ === 0) peaks.startBytes = sums;
  };
  discover();
  sample();
  timers = [setInterval(discover, rediscoverMs), setInterval(sample, intervalMs)];
}

function stop(): MemoryPeaks {
  for (const timer of timers) clearInterval(timer);
  timers = [];
  return peaks;
}

/** The parent's handle: start before the work, stop after it for the peaks in between. */
export class MemorySampler {
  private readonly rpc = new ChildRpc(fileURLToPath(import.meta.url), SAMPLER_ROLE);

  start(): Promise<void> {
    return this.rpc.call('start');
  }

  stop(): Promise<MemoryPeaks> {
    return this.rpc.call('stop');
  }

  close(): Promise<void> {
    return this.rpc.close();
  }
}

if (process.argv[2] === SAMPLER_ROLE) serve({ start, stop });
