import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RenderWatcher, type PolledImage } from './render-watcher';
import { resumePoint, type UploadFailure } from './upload-failure';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function api(readyAfterMs: number) {
  const polls: { at: number; ids: string[] }[] = [];
  const started = Date.now();
  const poll = async (ids: string[]): Promise<(PolledImage | null)[]> => {
    polls.push({ at: Date.now() - started, ids });
    return ids.map((id) => (id === 'gone' ? null : { id, status: Date.now() - started >= readyAfterMs ? 'READY' : 'PROCESSING' }));
  };
  return { polls, poll };
}

describe('watching renders', () => {
  it('asks for many ids in batches, and reports each image once when it settles', async () => {
    const { polls, poll } = api(0);
    const settled: string[] = [];
    const watcher = new RenderWatcher(poll, (id) => settled.push(id), { batchSize: 2 });
    ['a', 'b', 'c', 'gone'].forEach((id) => watcher.watch(id));
    await vi.advanceTimersByTimeAsync(1000);
    expect(polls.map((p) => p.ids)).toEqual([
      ['a', 'b'],
      ['c', 'gone'],
    ]);
    expect(settled).toEqual(['a', 'b', 'c', 'gone']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls).toHaveLength(2);
  });

  it('waits longer between polls while nothing changes, up to the longest wait', async () => {
    const { polls, poll } = api(60_000);
    const watcher = new RenderWatcher(poll, () => undefined, { firstDelayMs: 1000, backoff: 2, maxDelayMs: 8000 });
    watcher.watch('a');
    await vi.advanceTimersByTimeAsync(40_000);
    const gaps = polls.slice(1).map((p, index) => p.at - polls[index]!.at);
    expect(polls[0]!.at).toBe(1000);
    expect(gaps.slice(0, 5)).toEqual([2000, 4000, 8000, 8000, 8000]);
    watcher.stop();
  });

  it('looks again soon when a new id comes, but does not put off a poll that is already due', async () => {
    const { polls, poll } = api(60_000);
    const watcher = new RenderWatcher(poll, () => undefined, { firstDelayMs: 1000, backoff: 2, maxDelayMs: 8000 });
    watcher.watch('a');
    await vi.advanceTimersByTimeAsync(7000);
    expect(polls.map((p) => p.at)).toEqual([1000, 3000, 7000]);
    // Next would be at 15 000; a new id brings it to 8 000, and ids every 300 ms do not push it on.
    for (let index = 0; index < 5; index++) {
      watcher.watch(`new-${index}`);
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(polls.map((p) => p.at)).toContain(8000);
    watcher.stop();
  });

  it('keeps its ids through a failed poll and asks again later', async () => {
    let fail = true;
    const settled: string[] = [];
    const watcher = new RenderWatcher(
      async (ids) => {
        if (fail) throw new Error('offline');
        return ids.map((id) => ({ id, status: 'READY' as const }));
      },
      (id) => settled.push(id),
      { firstDelayMs: 1000 },
    );
    watcher.watch('a');
    await vi.advanceTimersByTimeAsync(1500);
    fail = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(settled).toEqual(['a']);
  });
});

describe('where a retry resumes', () => {
  const failure = (step: UploadFailure['step'], code: string, reason?: string): UploadFailure => ({ step, code, reason, details: {} });

  it('repeats a transient step, and starts over after a definitive refusal', () => {
    expect(resumePoint(failure('send', 'NETWORK'), true)).toBe('send');
    expect(resumePoint(failure('send', 'NETWORK'), false)).toBe('request');
    expect(resumePoint(failure('send', 'FORBIDDEN', 'EXPIRED'), true)).toBe('request');
    expect(resumePoint(failure('complete', 'SERVICE_UNAVAILABLE'), true)).toBe('complete');
    expect(resumePoint(failure('complete', 'BAD_USER_INPUT', 'CHECKSUM_MISMATCH'), true)).toBe('hash');
    expect(resumePoint(failure('render', 'BAD_USER_INPUT', 'RENDER_FAILED'), false)).toBe('render');
    expect(resumePoint(failure('render', 'BAD_USER_INPUT', 'CORRUPT'), false)).toBe('hash');
  });
});
