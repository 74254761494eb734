/**
 * The figures the upload screen shows for the whole queue: files and bytes sent, files by state,
 * the sending rate and the time left. Pure, so the arithmetic is tested without a browser.
 */
import { IN_FLIGHT, type UploadEntry, type UploadPhase } from './upload-queue';

export interface QueueProgress {
  files: number;
  /** Files whose bytes are all sent (verifying, processing, ready). */
  sentFiles: number;
  /** Bytes of every file not failed, and how many of them are sent. A failed file leaves both until it is retried. */
  totalBytes: number;
  sentBytes: number;
  /** 0–100, whole; 100 only once every byte is sent. */
  percent: number;
  byPhase: Record<UploadPhase, number>;
  /** Files still needing this page: waiting, or on their way. */
  inFlight: number;
}

const PHASES: UploadPhase[] = ['waiting', 'hashing', 'requesting', 'sending', 'verifying', 'processing', 'ready', 'failed'];

export function queueProgress(entries: readonly UploadEntry[]): QueueProgress {
  const byPhase = Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<UploadPhase, number>;
  let totalBytes = 0;
  let sentBytes = 0;
  let sentFiles = 0;
  let inFlight = 0;
  for (const entry of entries) {
    byPhase[entry.phase]++;
    if (IN_FLIGHT.has(entry.phase)) inFlight++;
    if (entry.phase === 'failed') continue;
    totalBytes += entry.size;
    sentBytes += Math.min(entry.sentBytes, entry.size);
    if (entry.phase === 'verifying' || entry.phase === 'processing' || entry.phase === 'ready') sentFiles++;
  }
  return { files: entries.length, sentFiles, totalBytes, sentBytes, percent: percentOf(sentBytes, totalBytes), byPhase, inFlight };
}

/** Whole percent, rounded down so that 100 % means done, not "nearly". */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.floor((part / whole) * 100));
}

/**
 * Bytes per second over a sliding window of samples (the total sent at a moment). A window, not
 * the whole run: the rate after a pause or a slow start should show the present, not the average.
 */
export class RateMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  /** Records the total sent at `at` (ms). A total that went down (a file removed or failed) restarts the window. */
  sample(at: number, bytes: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && bytes < last.bytes) this.samples = [];
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && this.samples[0]!.at < at - this.windowMs) this.samples.shift();
  }

  /** Bytes per second, or undefined while the window is too short to say (under a second). */
  bytesPerSecond(): number | undefined {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < 1000) return undefined;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  /** Seconds until `remaining` bytes are sent at the current rate, or undefined when that cannot be told. */
  secondsLeft(remaining: number): number | undefined {
    const rate = this.bytesPerSecond();
    if (rate === undefined || rate <= 0) return undefined;
    return Math.ceil(remaining / rate);
  }
}

/** A duration as minutes and seconds ("2:05"), or hours and minutes past an hour ("1 h 05 min"). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole >= 3600) return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
