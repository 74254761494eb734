/**
 * Watches uploaded images until their renditions exist: polls `imagesByIds` for the ids still
 * PROCESSING, in batches, and reports each image once it is READY or FAILED. The interval starts
 * short (a JPEG renders in well under a second) and grows while nothing changes, so a long queue of
 * renders costs a request every few seconds, not several a second; a new id or a settled image brings
 * it back down. Pure timing logic: the poll itself is passed in.
 */

export interface PolledImage {
  id: string;
  /** PENDING and PROCESSING are still on their way; READY, FAILED (or REMOVED, and any later state) are settled. */
  status: string;
  failureReason?: string | null;
  thumbnailUrl?: string | null;
}

export interface WatcherOptions {
  /** At most this many ids per request (the API takes 500). */
  batchSize?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Factor by which the delay grows after a poll in which nothing settled. */
  backoff?: number;
  /** The delay after a failed poll grows to at most this. */
  maxErrorDelayMs?: number;
}

const DEFAULTS: Required<WatcherOptions> = { batchSize: 200, firstDelayMs: 1000, maxDelayMs: 8000, backoff: 1.5, maxErrorDelayMs: 30_000 };

export class RenderWatcher {
  private readonly ids = new Set<string>();
  private readonly options: Required<WatcherOptions>;
  private delay: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dueAt = 0;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly poll: (ids: string[]) => Promise<(PolledImage | null)[]>,
    /** An image is READY or FAILED, or gone (null: deleted meanwhile). */
    private readonly onSettled: (id: string, image: PolledImage | null) => void,
    options: WatcherOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.delay = this.options.firstDelayMs;
  }

  get watching(): number {
    return this.ids.size;
  }

  watch(id: string): void {
    if (this.stopped) return;
    this.ids.add(id);
    // Something new to look at: look soon again, not after the longest wait. A poll already due
    // sooner stays put, or completions arriving every few hundred ms would postpone it forever.
    this.delay = this.options.firstDelayMs;
    if (!this.polling && (this.timer === undefined || this.dueAt > Date.now() + this.delay)) this.schedule();
  }

  unwatch(id: string): void {
    this.ids.delete(id);
    if (this.ids.size === 0) this.cancel();
  }

  stop(): void {
    this.stopped = true;
    this.ids.clear();
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancel();
    if (this.stopped || this.ids.size === 0) return;
    this.dueAt = Date.now() + this.delay;
    this.timer = setTimeout(() => void this.tick(), this.delay);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.polling = true;
    let settled = 0;
    let failed = false;
    const ids = [...this.ids];
    try {
      for (let start = 0; start < ids.length && !this.stopped; start += this.options.batchSize) {
        const batch = ids.slice(start, start + this.options.batchSize);
        const images = await this.poll(batch);
        batch.forEach((id, index) => {
          const image = images[index] ?? null;
          if (!this.ids.has(id) || (image && (image.status === 'PENDING' || image.status === 'PROCESSING'))) return;
          this.ids.delete(id);
          settled++;
          this.onSettled(id, image);
        });
      }
    } catch {
      // The API or the network is away for a moment: keep the ids and ask again later.
      failed = true;
    } finally {
      this.polling = false;
    }
    if (failed) this.delay = Math.min(this.delay * 2, this.options.maxErrorDelayMs);
    else this.delay = settled > 0 ? this.options.firstDelayMs : Math.min(this.delay * this.options.backoff, this.options.maxDelayMs);
    this.schedule();
  }
}
