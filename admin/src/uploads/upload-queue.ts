/**
 * The upload of a whole shoot, as a queue: each file is hashed, given an upload URL just before its
 * bytes go (URLs expire), sent, and completed, at most `concurrency` files at a time; then its
 * render is watched until READY or FAILED. Transient failures (network, 5xx) are retried a few
 * times on their own; the API's upload limit pauses the whole queue for as long as it asks; every
 * other failure stops that file with the API's reason until someone retries or removes it.
 *
 * Pure logic over an injected transport (GraphQL, XHR and the hash worker in the app; fakes in the
 * tests). Views of the entries are immutable: a changed entry is a new object, so a list can skip
 * rows that did not change.
 */
import { RenderWatcher, type PolledImage, type WatcherOptions } from './render-watcher';
import { failureOf, isTransient, resumePoint, retryAfterSeconds, type ResumePoint, type UploadFailure, type UploadStep } from './upload-failure';

export interface FileLike {
  name: string;
  size: number;
  type: string;
  lastModified?: number;
}

export interface UploadTicket {
  imageId: string;
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  /** Epoch ms. */
  expiresAt: number;
}

export interface UploadTransport<F extends FileLike> {
  /** SHA-256 of the file's bytes, hex. */
  hash(file: F): Promise<string>;
  request(file: F, sha256: string): Promise<UploadTicket>;
  send(ticket: UploadTicket, file: F, onProgress: (sentBytes: number) => void, signal: AbortSignal): Promise<void>;
  complete(imageId: string): Promise<PolledImage>;
  retryRender(imageId: string): Promise<PolledImage>;
  poll(ids: string[]): Promise<(PolledImage | null)[]>;
}

export type UploadPhase = 'waiting' | 'hashing' | 'requesting' | 'sending' | 'verifying' | 'processing' | 'ready' | 'failed';

/** Phases in which the page is still needed: bytes to send or a completion to ask for. */
export const IN_FLIGHT: ReadonlySet<UploadPhase> = new Set(['waiting', 'hashing', 'requesting', 'sending', 'verifying']);

export interface UploadEntry {
  key: string;
  name: string;
  size: number;
  phase: UploadPhase;
  /** Bytes the browser has sent of the current attempt (the whole file once it is sent). */
  sentBytes: number;
  imageId?: string;
  thumbnailUrl?: string | null;
  failure?: UploadFailure;
  /** Set while an automatic retry waits: when it will start (epoch ms). */
  retryAt?: number;
}

export interface QueueSnapshot {
  entries: readonly UploadEntry[];
  /** The API's upload limit was reached: nothing new starts before this (epoch ms). */
  pausedUntil?: number;
}

export interface QueueOptions {
  concurrency?: number;
  /** Delays of the automatic retries of a transient failure; their count is how many there are. */
  retryDelaysMs?: number[];
  /** A PUT is repeated on its URL only while that has at least this long left. */
  ticketMarginMs?: number;
  /** The longest wait for the upload limit the queue sits out by itself; a longer one fails the file. */
  maxPauseMs?: number;
  /** Progress is reported at most this often; phase changes at once. */
  progressIntervalMs?: number;
  watcher?: WatcherOptions;
}

const DEFAULTS = { concurrency: 4, retryDelaysMs: [1000, 4000, 10_000], ticketMarginMs: 30_000, maxPauseMs: 120_000, progressIntervalMs: 200 };

interface Item<F> {
  view: UploadEntry;
  file: F;
  sha256?: Promise<string>;
  ticket?: UploadTicket;
  abort?: AbortController;
  resumeAt: ResumePoint;
  automaticRetries: number;
  /** Bumped when the item is removed, so a late answer of an old attempt changes nothing. */
  generation: number;
}

let nextKey = 1;
const identity = (file: FileLike) => `${file.name}\u0000${file.size}\u0000${file.lastModified ?? ''}`;

export class UploadQueue<F extends FileLike> {
  private readonly options: typeof DEFAULTS & { watcher?: WatcherOptions };
  private items: Item<F>[] = [];
  private readonly active = new Set<Item<F>>();
  private readonly byImage = new Map<string, Item<F>>();
  private readonly watcher: RenderWatcher;
  private readonly listeners = new Set<() => void>();
  private snapshot: QueueSnapshot = { entries: [] };
  private dirty = false;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private emitUrgent = false;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil: number | undefined;
  private disposed = false;

  constructor(
    private readonly transport: UploadTransport<F>,
    options: QueueOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.watcher = new RenderWatcher((ids) => transport.poll(ids), (id, image) => this.rendered(id, image), options.watcher);
  }

  /** Adds files to the end of the queue; a file already in the list (same name, size and date) is skipped. */
  add(files: Iterable<F>): { added: number; duplicates: number } {
    const known = new Set(this.items.map((item) => identity(item.file)));
    let added = 0;
    let duplicates = 0;
    for (const file of files) {
      const id = identity(file);
      if (known.has(id)) {
        duplicates++;
        continue;
      }
      known.add(id);
      this.items.push({ file, view: { key: `u${nextKey++}`, name: file.name, size: file.size, phase: 'waiting', sentBytes: 0 }, resumeAt: 'hash', automaticRetries: 0, generation: 0 });
      added++;
    }
    if (added > 0) {
      this.changed(true);
      this.pump();
    }
    return { added, duplicates };
  }

  retry(key: string): void {
    const item = this.items.find((candidate) => candidate.view.key === key);
    if (item?.view.phase !== 'failed') return;
    this.requeue(item);
    this.changed(true);
    this.pump();
  }

  retryAllFailed(): void {
    const failed = this.items.filter((item) => item.view.phase === 'failed');
    failed.forEach((item) => this.requeue(item));
    if (failed.length > 0) {
      this.changed(true);
      this.pump();
    }
  }

  /** Takes files off the list; one in flight is aborted (the API fails its pending image later). */
  remove(keys: Iterable<string>): void {
    const gone = new Set(keys);
    for (const item of this.items.filter((candidate) => gone.has(candidate.view.key))) {
      item.generation++;
      item.abort?.abort();
      this.active.delete(item);
      if (item.view.imageId) {
        this.byImage.delete(item.view.imageId);
        this.watcher.unwatch(item.view.imageId);
      }
    }
    this.items = this.items.filter((item) => !gone.has(item.view.key));
    this.changed(true);
    this.pump();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The same object until something changed (what React's useSyncExternalStore needs). */
  getSnapshot = (): QueueSnapshot => this.snapshot;

  /** Stops everything: aborts transfers, stops watching renders; pending answers change nothing. */
  dispose(): void {
    this.disposed = true;
    for (const item of this.items) {
      item.generation++;
      item.abort?.abort();
    }
    this.active.clear();
    this.watcher.stop();
    clearTimeout(this.emitTimer);
    clearTimeout(this.pumpTimer);
    this.listeners.clear();
  }

  private requeue(item: Item<F>): void {
    const failure = item.view.failure!;
    const ticketGood = item.ticket !== undefined && item.ticket.expiresAt - Date.now() > this.options.ticketMarginMs;
    item.resumeAt = resumePoint(failure, ticketGood);
    // Starting over reads the file again: it may have been fixed or replaced on disk meanwhile.
    if (item.resumeAt === 'hash') item.sha256 = undefined;
    if (item.resumeAt === 'hash' || item.resumeAt === 'request') item.ticket = undefined;
    item.automaticRetries = 0;
    this.update(item, { phase: 'waiting', failure: undefined, retryAt: undefined, sentBytes: item.resumeAt === 'complete' || item.resumeAt === 'render' ? item.view.size : 0 });
  }

  /** Starts waiting files while there is room, and hashes the next few ahead so a free slot need not wait for it. */
  private pump(): void {
    if (this.disposed) return;
    clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
    const now = Date.now();
    let wakeAt = Infinity;
    if (this.pausedUntil !== undefined && this.pausedUntil <= now) {
      this.pausedUntil = undefined;
      this.changed(true);
    }
    let lookahead = this.options.concurrency;
    for (const item of this.items) {
      if (item.view.phase !== 'waiting' || this.active.has(item)) continue;
      const startsAt = Math.max(item.view.retryAt ?? 0, this.pausedUntil ?? 0);
      if (startsAt <= now && this.active.size < this.options.concurrency) {
        void this.run(item);
      } else {
        wakeAt = Math.min(wakeAt, startsAt > now ? startsAt : Infinity);
        if (lookahead-- > 0 && item.resumeAt === 'hash') this.hashAhead(item);
      }
    }
    if (wakeAt < Infinity) this.pumpTimer = setTimeout(() => this.pump(), wakeAt - now);
  }

  private hashAhead(item: Item<F>): void {
    if (item.sha256) return;
    item.sha256 = this.transport.hash(item.file);
    // Awaited (and its failure reported) when the file's turn comes.
    item.sha256.catch(() => undefined);
  }

  private async run(item: Item<F>): Promise<void> {
    this.active.add(item);
    const generation = item.generation;
    const current = () => item.generation === generation && !this.disposed;
    let step: UploadStep = 'hash';
    try {
      let point = item.resumeAt;
      if (point === 'hash' || point === 'request') {
        step = 'hash';
        this.update(item, { phase: 'hashing', retryAt: undefined, sentBytes: 0 });
        item.sha256 ??= this.transport.hash(item.file);
        const sha256 = await item.sha256;
        if (!current()) return;
        step = 'request';
        this.update(item, { phase: 'requesting' });
        item.ticket = await this.transport.request(item.file, sha256);
        if (!current()) return;
        // A new upload of the same file: its earlier image (failed on the API) is no longer this entry's.
        if (item.view.imageId) this.byImage.delete(item.view.imageId);
        this.byImage.set(item.ticket.imageId, item);
        this.update(item, { imageId: item.ticket.imageId });
        point = 'send';
      }
      if (point === 'send') {
        step = 'send';
        this.update(item, { phase: 'sending', retryAt: undefined, sentBytes: 0 });
        item.abort = new AbortController();
        await this.transport.send(item.ticket!, item.file, (sent) => current() && this.progress(item, sent), item.abort.signal);
        if (!current()) return;
        point = 'complete';
      }
      const imageId = item.view.imageId!;
      let image: PolledImage;
      if (point === 'render') {
        step = 'render';
        this.update(item, { phase: 'processing', retryAt: undefined });
        image = await this.transport.retryRender(imageId);
      } else {
        step = 'complete';
        this.update(item, { phase: 'verifying', retryAt: undefined, sentBytes: item.view.size });
        image = await this.transport.complete(imageId);
      }
      if (!current()) return;
      this.rendered(imageId, image);
    } catch (error) {
      if (current()) this.failed(item, failureOf(step, error));
    } finally {
      if (item.generation === generation) {
        this.active.delete(item);
        item.abort = undefined;
      }
      this.pump();
    }
  }

  /** An image's state as completion, a render retry or the watcher saw it. */
  private rendered(imageId: string, image: PolledImage | null): void {
    const item = this.byImage.get(imageId);
    if (!item) return;
    if (image?.status === 'PENDING' || image?.status === 'PROCESSING') {
      this.update(item, { phase: 'processing', sentBytes: item.view.size });
      this.watcher.watch(imageId);
    } else if (image?.status === 'READY') {
      this.update(item, { phase: 'ready', sentBytes: item.view.size, thumbnailUrl: image.thumbnailUrl, failure: undefined });
    } else {
      // FAILED with its reason, or gone (removed or deleted by someone else meanwhile).
      const failure: UploadFailure =
        image?.status === 'FAILED'
          ? { step: 'render', code: 'BAD_USER_INPUT', reason: image.failureReason ?? undefined, details: {} }
          : { step: 'render', code: 'NOT_FOUND', details: { status: image?.status } };
      this.update(item, { phase: 'failed', failure, sentBytes: item.view.size });
      item.resumeAt = resumePoint(failure, false);
    }
  }

  private failed(item: Item<F>, failure: UploadFailure): void {
    const ticketGood = item.ticket !== undefined && item.ticket.expiresAt - Date.now() > this.options.ticketMarginMs;
    const wait = retryAfterSeconds(failure);
    if (failure.code === 'RATE_LIMITED' && (wait ?? 0) * 1000 <= this.options.maxPauseMs) {
      // The limit is the caller's, not this file's: everything waits, and this file goes first again.
      this.pausedUntil = Math.max(this.pausedUntil ?? 0, Date.now() + (wait ?? 10) * 1000);
      item.resumeAt = resumePoint(failure, ticketGood);
      this.update(item, { phase: 'waiting', sentBytes: item.resumeAt === 'complete' ? item.view.size : 0 });
      return;
    }
    if (isTransient(failure) && failure.code !== 'RATE_LIMITED' && item.automaticRetries < this.options.retryDelaysMs.length) {
      const delay = this.options.retryDelaysMs[item.automaticRetries++]!;
      item.resumeAt = resumePoint(failure, ticketGood);
      this.update(item, { phase: 'waiting', retryAt: Date.now() + delay, sentBytes: item.resumeAt === 'complete' ? item.view.size : 0 });
      return;
    }
    item.resumeAt = resumePoint(failure, ticketGood);
    this.update(item, { phase: 'failed', failure, retryAt: undefined, sentBytes: 0 });
  }

  private progress(item: Item<F>, sent: number): void {
    item.view = { ...item.view, sentBytes: Math.min(Math.max(sent, 0), item.view.size) };
    this.changed(false);
  }

  private update(item: Item<F>, change: Partial<UploadEntry>): void {
    item.view = { ...item.view, ...change };
    this.changed(true);
  }

  /** Tells the listeners soon: at once (next task) for a phase change, within `progressIntervalMs` for progress. */
  private changed(urgent: boolean): void {
    if (this.disposed) return;
    this.dirty = true;
    if (this.emitTimer !== undefined && (this.emitUrgent || !urgent)) return;
    clearTimeout(this.emitTimer);
    this.emitUrgent = urgent;
    this.emitTimer = setTimeout(() => this.emit(), urgent ? 0 : this.options.progressIntervalMs);
  }

  private emit(): void {
    this.emitTimer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    this.snapshot = { entries: this.items.map((item) => item.view), pausedUntil: this.pausedUntil };
    for (const listener of this.listeners) listener();
  }
}
