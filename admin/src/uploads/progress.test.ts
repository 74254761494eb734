import { describe, expect, it } from 'vitest';
import { formatDuration, percentOf, queueProgress, RateMeter } from './progress';
import type { UploadEntry, UploadPhase } from './upload-queue';

const entry = (phase: UploadPhase, size: number, sentBytes = 0): UploadEntry => ({ key: `${phase}-${size}-${sentBytes}`, name: 'x.jpg', phase, size, sentBytes });

describe('the queue’s progress', () => {
  it('counts bytes sent of every file not failed, and files whose bytes are all sent', () => {
    const progress = queueProgress([
      entry('ready', 1000, 1000),
      entry('processing', 1000, 1000),
      entry('sending', 1000, 250),
      entry('waiting', 1000),
      entry('failed', 5000),
    ]);
    expect(progress).toMatchObject({ files: 5, sentFiles: 2, totalBytes: 4000, sentBytes: 2250, percent: 56, inFlight: 2 });
    expect(progress.byPhase).toMatchObject({ ready: 1, processing: 1, sending: 1, waiting: 1, failed: 1, hashing: 0 });
  });

  it('is 100 % only when every byte is sent', () => {
    expect(percentOf(999_999, 1_000_000)).toBe(99);
    expect(percentOf(1_000_000, 1_000_000)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('never counts more than a file’s size', () => {
    expect(queueProgress([entry('sending', 100, 150)]).sentBytes).toBe(100);
  });
});

describe('the sending rate', () => {
  it('is measured over the last window, and tells the time left', () => {
    const meter = new RateMeter(10_000);
    expect(meter.bytesPerSecond()).toBeUndefined();
    meter.sample(0, 0);
    meter.sample(500, 1_000_000);
    expect(meter.bytesPerSecond()).toBeUndefined();
    meter.sample(2000, 4_000_000);
    expect(meter.bytesPerSecond()).toBe(2_000_000);
    expect(meter.secondsLeft(10_000_000)).toBe(5);
    // A slow start drops out of the window.
    for (let at = 3000; at <= 20_000; at += 1000) meter.sample(at, 4_000_000 + (at - 2000) * 10_000);
    expect(meter.bytesPerSecond()).toBe(10_000_000);
  });

  it('starts over when the total goes down (a file removed)', () => {
    const meter = new RateMeter();
    meter.sample(0, 0);
    meter.sample(2000, 2_000_000);
    meter.sample(3000, 500_000);
    expect(meter.bytesPerSecond()).toBeUndefined();
  });
});

describe('formatting', () => {
  it('shows durations as m:ss, and hours past an hour', () => {
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1 h 02 min');
  });
});
