import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolledImage } from './render-watcher';
import { UploadError, type UploadProblem } from './upload-failure';
import { UploadQueue, type FileLike, type UploadTicket, type UploadTransport } from './upload-queue';

type Call = { step: 'hash' | 'request' | 'send' | 'complete' | 'render' | 'poll'; name?: string };

const file = (name: string, size = 1000): FileLike => ({ name, size, type: 'image/jpeg', lastModified: 1 });
const problem = (code: string, extra: Partial<UploadProblem> = {}): UploadError => new UploadError({ code, details: {}, ...extra });

/**
 * An API in memory: every step answers after `stepMs`, and a test can make a step fail for a file
 * a given number of times. Records the calls and how many PUTs ran at once.
 */
function fakeApi(options: { stepMs?: number; fail?: Partial<Record<Call['step'], Record<string, UploadError[]>>>; renderAfterPolls?: number } = {}) {
  const { stepMs = 10, fail = {}, renderAfterPolls = 1 } = options;
  const calls: Call[] = [];
  let sending = 0;
  let maxSending = 0;
  let nextImage = 1;
  const images = new Map<string, { name: string; polls: number; status: PolledImage['status'] }>();
  const after = <T>(step: Call['step'], name: string | undefined, value: () => T): Promise<T> => {
    calls.push({ step, name });
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        const failure = name === undefined ? undefined : fail[step]?.[name]?.shift();
        if (failure) reject(failure);
        else resolve(value());
      }, stepMs),
    );
  };
  const transport: UploadTransport<FileLike> = {
    hash: (f) => after('hash', f.name, () => `sha-of-${f.name}`),
    request: (f) =>
      after('request', f.name, (): UploadTicket => {
        const imageId = `img-${nextImage++}`;
        images.set(imageId, { name: f.name, polls: 0, status: 'PENDING' });
        return { imageId, url: `/uploads/${imageId}`, method: 'PUT', headers: [], expiresAt: Date.now() + 300_000 };
      }),
    send: async (ticket, f, onProgress) => {
      sending++;
      maxSending = Math.max(maxSending, sending);
      try {
        onProgress(f.size / 2);
        await after('send', f.name, () => undefined);
        onProgress(f.size);
      } finally {
        sending--;
      }
    },
    complete: (imageId) => after('complete', images.get(imageId)!.name, () => ({ id: imageId, status: (images.get(imageId)!.status = 'PROCESSING') })),
    retryRender: (imageId) => after('render', images.get(imageId)!.name, () => ({ id: imageId, status: (images.get(imageId)!.status = 'PROCESSING') })),
    poll: (ids) =>
      after('poll', undefined, () =>
        ids.map((id) => {
          const image = images.get(id)!;
          if (image.status === 'PROCESSING' && ++image.polls >= renderAfterPolls) image.status = image.name.startsWith('broken') ? 'FAILED' : 'READY';
          return { id, status: image.status, failureReason: image.status === 'FAILED' ? 'RENDER_FAILED' : null, thumbnailUrl: image.status === 'READY' ? `/media/${id}` : null };
        }),
      ),
  };
  return { transport, calls, images, maxSending: () => maxSending, count: (step: Call['step']) => calls.filter((call) => call.step === step).length };
}

const phases = (queue: UploadQueue<FileLike>) => Object.fromEntries(queue.getSnapshot().entries.map((entry) => [entry.name, entry.phase]));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the upload queue', () => {
  it('sends at most `concurrency` files at once and brings every one to READY', async () => {
    const api = fakeApi();
    const queue = new UploadQueue(api.transport, { concurrency: 4 });
    queue.add(Array.from({ length: 20 }, (_, index) => file(`photo-${index}.jpg`)));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.maxSending()).toBe(4);
    expect(new Set(Object.values(phases(queue)))).toEqual(new Set(['ready']));
    expect(queue.getSnapshot().entries.every((entry) => entry.thumbnailUrl?.startsWith('/media/'))).toBe(true);
    // One URL per file, each asked for right before its PUT: never more outstanding than slots.
    expect(api.count('request')).toBe(20);
    queue.dispose();
  });

  it('asks for a file’s upload URL only when its turn comes, not for the whole queue up front', async () => {
    const api = fakeApi({ stepMs: 100 });
    const queue = new UploadQueue(api.transport, { concurrency: 2 });
    queue.add(Array.from({ length: 10 }, (_, index) => file(`photo-${index}.jpg`)));
    await vi.advanceTimersByTimeAsync(250);
    expect(api.count('request')).toBe(2);
    // Hashing runs ahead of the free slots, so the next files are ready when a slot frees.
    expect(api.count('hash')).toBeGreaterThanOrEqual(4);
    queue.dispose();
  });

  it('skips a file that is already in the list', () => {
    const queue = new UploadQueue(fakeApi().transport);
    expect(queue.add([file('a.jpg'), file('b.jpg')])).toEqual({ added: 2, duplicates: 0 });
    expect(queue.add([file('a.jpg'), file('c.jpg')])).toEqual({ added: 1, duplicates: 1 });
    queue.dispose();
  });

  it('retries a network failure of the PUT by itself, on the same URL while it is still good', async () => {
    const api = fakeApi({ fail: { send: { 'a.jpg': [problem('NETWORK')] } } });
    const queue = new UploadQueue(api.transport, { retryDelaysMs: [1000] });
    queue.add([file('a.jpg')]);
    await vi.advanceTimersByTimeAsync(500);
    expect(queue.getSnapshot().entries[0]).toMatchObject({ phase: 'waiting', retryAt: expect.any(Number) });
    await vi.advanceTimersByTimeAsync(5000);
    expect(phases(queue)).toEqual({ 'a.jpg': 'ready' });
    expect(api.count('request')).toBe(1);
    expect(api.count('send')).toBe(2);
    queue.dispose();
  });

  it('stops a file the API refused, with the API’s reason, until someone retries it; a retry starts over', async () => {
    const refusal = problem('BAD_USER_INPUT', { reason: 'TYPE_MISMATCH', serverMessage: 'The file’s content does not match the declared content type.' });
    const api = fakeApi({ fail: { complete: { 'notes.jpg': [refusal] } } });
    const queue = new UploadQueue(api.transport);
    queue.add([file('notes.jpg'), file('fine.jpg')]);
    await vi.advanceTimersByTimeAsync(10_000);
    const [bad, good] = queue.getSnapshot().entries;
    expect(good!.phase).toBe('ready');
    expect(bad).toMatchObject({ phase: 'failed', failure: { step: 'complete', code: 'BAD_USER_INPUT', reason: 'TYPE_MISMATCH' } });
    // Nothing more happens by itself.
    const callsBefore = api.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.calls.length).toBe(callsBefore);

    queue.retry(bad!.key);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(phases(queue)).toEqual({ 'notes.jpg': 'ready', 'fine.jpg': 'ready' });
    // Read and hashed again, a new upload asked for: the first image is failed for good on the API.
    expect(api.calls.filter((call) => call.name === 'notes.jpg').map((call) => call.step)).toEqual(['hash', 'request', 'send', 'complete', 'hash', 'request', 'send', 'complete']);
    queue.dispose();
  });

  it('gives up on a transient failure after its automatic retries, and "retry all failed" picks up every failed file', async () => {
    const down = () => [problem('SERVICE_UNAVAILABLE'), problem('SERVICE_UNAVAILABLE'), problem('SERVICE_UNAVAILABLE')];
    const api = fakeApi({ fail: { request: { 'a.jpg': down(), 'b.jpg': down() } } });
    const queue = new UploadQueue(api.transport, { retryDelaysMs: [100, 200] });
    queue.add([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(phases(queue)).toEqual({ 'a.jpg': 'failed', 'b.jpg': 'failed', 'c.jpg': 'ready' });
    expect(api.calls.filter((call) => call.name === 'a.jpg' && call.step === 'request')).toHaveLength(3);

    queue.retryAllFailed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(phases(queue)).toEqual({ 'a.jpg': 'ready', 'b.jpg': 'ready', 'c.jpg': 'ready' });
    // The checksum was still good: a failed request does not read the file again.
    expect(api.calls.filter((call) => call.name === 'a.jpg' && call.step === 'hash')).toHaveLength(1);
    queue.dispose();
  });

  it('pauses the whole queue for as long as the API’s upload limit asks, then goes on by itself', async () => {
    const limited = problem('RATE_LIMITED', { details: { retryAfterSeconds: 30 } });
    const api = fakeApi({ fail: { request: { 'b.jpg': [limited] } } });
    const queue = new UploadQueue(api.transport, { concurrency: 1 });
    queue.add([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(phases(queue)).toEqual({ 'a.jpg': 'ready', 'b.jpg': 'waiting', 'c.jpg': 'waiting' });
    expect(queue.getSnapshot().pausedUntil).toBeGreaterThan(Date.now() + 25_000);
    const requestsDuringPause = api.count('request');
    await vi.advanceTimersByTimeAsync(25_000);
    expect(api.count('request')).toBe(requestsDuringPause);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(phases(queue)).toEqual({ 'a.jpg': 'ready', 'b.jpg': 'ready', 'c.jpg': 'ready' });
    expect(queue.getSnapshot().pausedUntil).toBeUndefined();
    queue.dispose();
  });

  it('asks again for a completion the limit refused, without sending the bytes again', async () => {
    const api = fakeApi({ fail: { complete: { 'a.jpg': [problem('RATE_LIMITED', { details: { retryAfterSeconds: 5 } })] } } });
    const queue = new UploadQueue(api.transport);
    queue.add([file('a.jpg')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.getSnapshot().entries[0]).toMatchObject({ phase: 'waiting', sentBytes: 1000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(phases(queue)).toEqual({ 'a.jpg': 'ready' });
    expect([api.count('request'), api.count('send'), api.count('complete')]).toEqual([1, 1, 2]);
    queue.dispose();
  });

  it('fails a file at once when the limit would keep it waiting for longer than the queue sits out', async () => {
    const api = fakeApi({ fail: { request: { 'a.jpg': [problem('RATE_LIMITED', { details: { retryAfterSeconds: 3600 } })] } } });
    const queue = new UploadQueue(api.transport);
    queue.add([file('a.jpg')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.getSnapshot().entries[0]).toMatchObject({ phase: 'failed', failure: { code: 'RATE_LIMITED' } });
    queue.dispose();
  });

  it('renders again, without uploading again, an image whose render failed for reasons outside it', async () => {
    const api = fakeApi();
    const queue = new UploadQueue(api.transport);
    queue.add([file('broken-render.jpg')]);
    await vi.advanceTimersByTimeAsync(5000);
    const [entry] = queue.getSnapshot().entries;
    expect(entry).toMatchObject({ phase: 'failed', failure: { step: 'render', reason: 'RENDER_FAILED' } });
    api.images.get(entry!.imageId!)!.name = 'fixed.jpg';
    queue.retry(entry!.key);
    await vi.advanceTimersByTimeAsync(5000);
    expect(phases(queue)).toEqual({ 'broken-render.jpg': 'ready' });
    expect(api.count('render')).toBe(1);
    expect(api.count('send')).toBe(1);
    queue.dispose();
  });

  it('removes a file in flight: its PUT is aborted and nothing it answers later comes back', async () => {
    const api = fakeApi({ stepMs: 1000 });
    let aborted = false;
    const send = api.transport.send;
    api.transport.send = (ticket, f, onProgress, signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return send(ticket, f, onProgress, signal);
    };
    const queue = new UploadQueue(api.transport);
    queue.add([file('a.jpg'), file('b.jpg')]);
    await vi.advanceTimersByTimeAsync(2500);
    const a = queue.getSnapshot().entries.find((entry) => entry.name === 'a.jpg')!;
    expect(a.phase).toBe('sending');
    queue.remove([a.key]);
    expect(aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(phases(queue)).toEqual({ 'b.jpg': 'ready' });
    queue.dispose();
  });

  it('reports progress at most every `progressIntervalMs`, phase changes at once', async () => {
    const api = fakeApi({ stepMs: 1000 });
    const queue = new UploadQueue(api.transport, { progressIntervalMs: 200 });
    let notified = 0;
    queue.subscribe(() => notified++);
    queue.add([file('a.jpg', 5000)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(notified).toBe(1);
    await vi.advanceTimersByTimeAsync(2100);
    expect(queue.getSnapshot().entries[0]).toMatchObject({ phase: 'sending', sentBytes: 2500 });
    const snapshot = queue.getSnapshot();
    expect(queue.getSnapshot()).toBe(snapshot);
    queue.dispose();
  });
});
