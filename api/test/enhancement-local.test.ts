import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esrganModelDir, esrganPackageFile, type EsrganScale } from '../src/modules/enhancements/providers/local/esrgan-models.js';
import { initWasmBackend } from '../src/modules/enhancements/providers/local/esrgan-runtime.js';
import { EsrganTileWorker } from '../src/modules/enhancements/providers/local/esrgan-tile-worker.js';
import { LocalEnhancementProvider } from '../src/modules/enhancements/providers/local/local-provider.js';
import { isProviderError, type ProviderRequest } from '../src/modules/enhancements/providers/provider.js';

/**
 * The local provider for real: the esrgan-slim weights on TensorFlow.js/wasm in a worker thread,
 * sharp for decoding, encoding and restore-basic. The references below run the shipped model with
 * bare tfjs in this process (no provider code beyond selecting the wasm backend), or are the
 * sample results the esrgan-slim package itself ships.
 */

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

const rawOf = async (bytes: Buffer | string): Promise<Raw> => {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

/** The shipped model on the whole image, with nothing but tfjs: 0–255 in, clip and round out. */
const bareModels = new Map<EsrganScale, tf.LayersModel>();
async function bareEsrgan(image: Raw, scale: EsrganScale): Promise<Raw> {
  await initWasmBackend();
  let model = bareModels.get(scale);
  if (!model) {
    const dir = esrganModelDir(scale);
    const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
    const weights = Buffer.concat(json.weightsManifest.flatMap((group: { paths: string[] }) => group.paths.map((file) => readFileSync(path.join(dir, file)))));
    model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((group: { weights: unknown[] }) => group.weights), weightData: new Uint8Array(weights).buffer }),
    );
    bareModels.set(scale, model);
  }
  const output = tf.tidy(() => (model.predict(tf.tensor4d(Float32Array.from(image.data), [1, image.height, image.width, 3])) as tf.Tensor).clipByValue(0, 255).round());
  const data = Buffer.from(Uint8Array.from(await output.data()));
  output.dispose();
  return { data, width: image.width * scale, height: image.height * scale };
}

/** Largest per-channel difference, and how many channel values differ at all. */
function compare(actual: Raw, expected: Raw): { max: number; differing: number } {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  let max = 0;
  let differing = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const difference = Math.abs(actual.data[i]! - expected.data[i]!);
    if (difference > 0) differing++;
    if (difference > max) max = difference;
  }
  return { max, differing };
}

const noisePng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#6a8fb0', noise: { type: 'gaussian', mean: 120, sigma: 45 } } }).png().toBuffer();

/** A real photograph (the fixture esrgan-slim ships) at another size: structure, not noise. */
const photoPng = (width: number, height: number) => sharp(esrganPackageFile('assets/fixture.png')).removeAlpha().resize(width, height, { fit: 'fill' }).png().toBuffer();

function request(bytes: Buffer, modelRef: string, extra: Partial<ProviderRequest> = {}): ProviderRequest {
  return {
    taskId: 'test-task',
    modelRef,
    params: {},
    image: { bytes, contentType: 'image/png', width: 0, height: 0 },
    signal: new AbortController().signal,
    ...extra,
  };
}

async function failureKind(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isProviderError(error), `expected a ProviderError, got ${String(error)}`).toBe(true);
  return (error as { kind: string }).kind;
}

/**
 * For tests that run real inference: it runs at nice 19, so on a saturated machine (CI runs test
 * files in parallel on two cores) it can be starved far beyond its usual second or so.
 */
const INFERENCE_TIMEOUT = 120_000;

let provider: LocalEnhancementProvider;
let smallTiles: LocalEnhancementProvider;

beforeAll(() => {
  provider = new LocalEnhancementProvider();
  smallTiles = new LocalEnhancementProvider({ tileSize: 128 });
});

afterAll(async () => {
  await provider.close();
  await smallTiles.close();
});

describe('local ESRGAN upscaling', () => {
  it('upscales a one-tile image ×2 to exactly twice its size, matching the bare model within 1/255', async () => {
    const png = await noisePng(64, 48);
    const progress: number[] = [];
    const result = await provider.enhance(request(png, 'esrgan-slim/x2', { onProgress: (fraction) => progress.push(fraction) }));

    expect(result.contentType).toBe('image/png');
    const metadata = await sharp(result.bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.channels]).toEqual(['png', 128, 96, 3]);
    const { max } = compare(await rawOf(result.bytes), await bareEsrgan(await rawOf(png), 2));
    expect(max).toBeLessThanOrEqual(1);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, INFERENCE_TIMEOUT);

  it('matches the ×2 sample esrgan-slim ships for its own fixture, also when cut into tiles', async () => {
    const fixture = readFileSync(esrganPackageFile('assets/fixture.png'));
    const tiles = new LocalEnhancementProvider({ tileSize: 48 });
    try {
      const result = await tiles.enhance(request(fixture, 'esrgan-slim/x2'));
      const { max } = compare(await rawOf(result.bytes), await rawOf(esrganPackageFile('assets/samples/2x/result.png')));
      expect(max).toBeLessThanOrEqual(1);
    } finally {
      await tiles.close();
    }
  }, INFERENCE_TIMEOUT);

  it('puts a multi-tile image together without seams: within 1/255 of one whole-image run', async () => {
    // 300×200 in 128 px tiles: 3×2 tiles of 100×100, each given 10 px of context per side. Noise,
    // so that any missing context shows.
    const png = await noisePng(300, 200);
    const progress: number[] = [];
    const result = await smallTiles.enhance(request(png, 'esrgan-slim/x2', { onProgress: (fraction) => progress.push(fraction) }));
    const { max, differing } = compare(await rawOf(result.bytes), await bareEsrgan(await rawOf(png), 2));
    // The bound is 1/255. In fact the overlap equals the network's receptive radius, so
    // every output value is computed from the same inputs, in the same order, as in the whole-image
    // run: identical. One pixel less of overlap already makes a few values differ by 1.
    expect(max).toBeLessThanOrEqual(1);
    expect(differing).toBe(0);
    expect(progress).toHaveLength(7);
  }, INFERENCE_TIMEOUT);

  it('upscales ×4 and ×3 (scale given as a parameter) to exact sizes', async () => {
    const png = await noisePng(32, 24);
    expect(await sharp((await provider.enhance(request(png, 'esrgan-slim/x4'))).bytes).metadata()).toMatchObject({ width: 128, height: 96 });
    const three = await provider.enhance(request(png, 'esrgan-slim', { params: { scale: 3 } }));
    expect(await sharp(three.bytes).metadata()).toMatchObject({ width: 96, height: 72 });
  }, INFERENCE_TIMEOUT);

  it('takes greyscale images with transparency and returns RGB', async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 4, background: { r: 90, g: 90, b: 90, alpha: 0.5 } } }).greyscale().png().toBuffer();
    const metadata = await sharp((await provider.enhance(request(png, 'esrgan-slim/x2'))).bytes).metadata();
    expect([metadata.width, metadata.height, metadata.channels, metadata.hasAlpha]).toEqual([40, 20, 3, false]);
  }, INFERENCE_TIMEOUT);

  it('keeps the event loop free while the worker computes', async () => {
    const png = await photoPng(300, 200);
    const cpuMicros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;
    const mainBefore = process.threadCpuUsage();
    const processBefore = process.cpuUsage();
    await provider.enhance(request(png, 'esrgan-slim/x2'));
    const mainThread = cpuMicros(process.threadCpuUsage(mainBefore));
    const elsewhere = cpuMicros(process.cpuUsage(processBefore)) - mainThread;
    // A 300×200 image takes ~1 s of model time, all of it on the worker thread; on this thread only
    // decoding, cropping, pasting and handing the PNG to libvips happen. CPU time, unlike wall-clock
    // event-loop delay, does not grow when a loaded machine deschedules this thread or the worker.
    // Had inference run here, this thread would have spent far more CPU than all the others.
    expect(mainThread, `main-thread CPU time, µs (elsewhere: ${elsewhere} µs)`).toBeLessThan(elsewhere / 4);
  }, INFERENCE_TIMEOUT);

  it.runIf(process.platform === 'linux')('runs inference at the lowest CPU priority, on its own thread only', async () => {
    await provider.enhance(request(await photoPng(32, 24), 'esrgan-slim/x2'));
    const niceOf = (name: string) =>
      readdirSync('/proc/self/task')
        .filter((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === name)
        // Field 19 of stat is the nice value; the command name before it may contain spaces, so count after ")".
        .map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(')').at(-1)!.trim().split(' ')[16]));
    // Other tests in this file start workers of their own: every one of them runs at 19.
    expect(niceOf('esrgan').length).toBeGreaterThan(0);
    expect(niceOf('esrgan').every((nice) => nice === 19)).toBe(true);
    expect(niceOf('MainThread').length).toBeGreaterThan(0);
    expect(niceOf('MainThread').every((nice) => nice !== 19)).toBe(true);
  }, INFERENCE_TIMEOUT);
});

describe('cancel and failures', () => {
  it('rejects with kind canceled when aborted between tiles, and at once when aborted before', async () => {
    const png = await photoPng(300, 200);
    const controller = new AbortController();
    const progress: number[] = [];
    // 64 px tiles: 5×4 = 20 tiles; abort after the first.
    const tiles = new LocalEnhancementProvider({ tileSize: 64 });
    try {
      const running = tiles.enhance(
        request(png, 'esrgan-slim/x2', {
          signal: controller.signal,
          onProgress: (fraction) => {
            progress.push(fraction);
            controller.abort();
          },
        }),
      );
      expect(await failureKind(running)).toBe('canceled');
      expect(progress).toHaveLength(1);

      expect(await failureKind(tiles.enhance(request(png, 'esrgan-slim/x2', { signal: AbortSignal.abort() })))).toBe('canceled');
      // The worker is still usable after a cancel.
      expect((await tiles.enhance(request(await noisePng(16, 16), 'esrgan-slim/x2'))).bytes.length).toBeGreaterThan(0);
    } finally {
      await tiles.close();
    }
  }, INFERENCE_TIMEOUT);

  it('fails the running tile as transient when the worker thread dies, and starts a fresh worker next time', async () => {
    const tileWorker = new EsrganTileWorker();
    const tile = { data: new Uint8Array(128 * 128 * 3).fill(100), width: 128, height: 128 };
    try {
      const running = tileWorker.upscale({ ...tile, data: tile.data.slice() }, 2, new AbortController().signal);
      // The thread exits under the request, as after an out-of-memory abort; terminate() is the
      // only way to end a thread from outside, and the handle does not know it was not itself.
      await (tileWorker as unknown as { worker: Worker }).worker.terminate();
      expect(await failureKind(running)).toBe('transient');

      const again = await tileWorker.upscale({ ...tile, data: tile.data.slice() }, 2, new AbortController().signal);
      expect([again.width, again.height]).toEqual([256, 256]);
    } finally {
      await tileWorker.close();
    }
  }, INFERENCE_TIMEOUT);

  it('fails as transient when the model throws inside the worker, and recovers', async () => {
    const tileWorker = new EsrganTileWorker();
    try {
      // 10 bytes cannot be a 5×5 RGB tile: tfjs throws in the worker.
      expect(await failureKind(tileWorker.upscale({ data: new Uint8Array(10), width: 5, height: 5 }, 2, new AbortController().signal))).toBe('transient');
      const again = await tileWorker.upscale({ data: new Uint8Array(5 * 5 * 3), width: 5, height: 5 }, 2, new AbortController().signal);
      expect(again.data.length).toBe(10 * 10 * 3);
    } finally {
      await tileWorker.close();
    }
  }, INFERENCE_TIMEOUT);

  it('refuses unknown models, bad parameters, undecodable bytes and absurd sizes as invalid input', async () => {
    const png = await noisePng(40, 30);
    expect(await failureKind(provider.enhance(request(png, 'esrgan-slim/x8')))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(png, 'nightmareai/real-esrgan')))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(png, 'esrgan-slim/large', { params: { scale: 2 } })))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(png, 'esrgan-slim/x2', { params: { scale: 4 } })))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(png, 'esrgan-slim', { params: { scale: 5 } })))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(png, 'sharp/restore-basic', { params: { strength: 1.5 } })))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(Buffer.from('not an image at all'), 'esrgan-slim/x2')))).toBe('invalid-input');
    expect(await failureKind(provider.enhance(request(png.subarray(0, png.length / 2), 'esrgan-slim/x2')))).toBe('invalid-input');

    const limited = new LocalEnhancementProvider({ maxInputPixels: 1000, maxOutputPixels: 10_000 });
    try {
      expect(await failureKind(limited.enhance(request(png, 'esrgan-slim/x2')))).toBe('invalid-input');
      expect(await failureKind(limited.enhance(request(png, 'sharp/restore-basic')))).toBe('invalid-input');
      // 30×30 = 900 px is a fine input, but ×4 would be 14,400 px.
      expect(await failureKind(limited.enhance(request(await noisePng(30, 30), 'esrgan-slim/x4')))).toBe('invalid-input');
    } finally {
      await limited.close();
    }
  });
});

describe('sharp/restore-basic', () => {
  it('keeps the size, changes the pixels, and does more with more strength', async () => {
    // A dull, noisy picture: the kind restore-basic is for.
    const source = await sharp(await photoPng(200, 150)).linear(0.5, 60).png().toBuffer();
    const original = await rawOf(source);
    const outputs = new Map<number, Raw>();
    for (const strength of [0, 0.5, 1]) {
      const result = await provider.enhance(request(source, 'sharp/restore-basic', { params: strength === 0.5 ? {} : { strength } }));
      expect(result.contentType).toBe('image/png');
      outputs.set(strength, await rawOf(result.bytes));
    }
    const meanDifference = (raw: Raw) => raw.data.reduce((sum, value, i) => sum + Math.abs(value - original.data[i]!), 0) / raw.data.length;
    for (const output of outputs.values()) expect([output.width, output.height]).toEqual([200, 150]);
    // Stretching levels alone moves every value of a half-contrast picture a lot.
    expect(meanDifference(outputs.get(0.5)!)).toBeGreaterThan(10);
    expect(compare(outputs.get(1)!, outputs.get(0)!).differing).toBeGreaterThan(0);
  });
});
