/**
 * The photos bench/ingest.ts uploads: 24 MP JPEGs of quality 90, 8–12 MB each, with EXIF
 * orientations 1, 6 and 8 mixed, made from a fixed seed so every run (and every machine with the
 * same sharp) uploads the same bytes. A shoot weighs 2–10 GB, so they are made once and cached
 * outside the repository (`${XDG_CACHE_HOME:-~/.cache}/pixgate/bench-ingest/v1-seed<seed>/`), with
 * a manifest of each file's size and SHA-256; only missing files are made, in child processes, one
 * per core.
 *
 * What makes them camera-like for a decoder and an encoder: smooth colour fields at several scales
 * (sky, skin, out-of-focus background) down to 2–3 px texture, plus per-pixel sensor noise with a
 * luma and a weaker chroma part. The noise amplitude is what sets the file size (JPEG spends its
 * bits on high frequencies), so each image gets a target size drawn from the seed and the amplitude
 * that the calibration below predicts for it; an image that still lands outside 8–12 MB is made
 * again with a corrected amplitude.
 *
 * This module imports only Node built-ins and sharp: it is also the generator child's entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { ChildRpc, serve } from './child-rpc.js';

const GENERATOR_ROLE = '--ingest-fixture-generator';
/** Bump when the pixels change, so old caches are not mistaken for the new ones. */
const VERSION = 'v1';
export const DEFAULT_SEED = 20261205;
const LONG_EDGE = 6000;
const SHORT_EDGE = 4000;
const QUALITY = 90;
const MIN_BYTES = 8_000_000;
const MAX_BYTES = 12_000_000;
/** What a fixture weighs on average, for the disk-space estimate before any exists. */
export const TYPICAL_FIXTURE_BYTES = 10_000_000;
/** (noise amplitude, JPEG bytes) measured on these pixels at 6000×4000, quality 90; sizes rise monotonically. */
const CALIBRATION: readonly [number, number][] = [
  [0, 2.23e6],
  [8, 7.45e6],
  [16, 10.4e6],
  [24, 12.11e6],
  [32, 13.32e6],
];

export interface Fixture {
  file: string;
  path: string;
  bytes: number;
  sha256: string;
  /** As stored; the displayed image has them swapped for orientations 6 and 8. */
  width: number;
  height: number;
  orientation: 1 | 6 | 8;
}

type ManifestEntry = Omit<Fixture, 'path'> & { noiseAmplitude: number };
interface Manifest {
  version: string;
  seed: number;
  files: Record<string, ManifestEntry>;
}

export const fixtureDir = (seed: number): string =>
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'pixgate', 'bench-ingest', `${VERSION}-seed${seed}`);

const fileName = (index: number) => `img-${String(index + 1).padStart(4, '0')}.jpg`;

/** splitmix32: turns (seed, index, stream) into well-spread 32-bit seeds. */
function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0 || 1;
}

/** xorshift32: fast, seeded, good enough for pixels. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>>= 0);
  };
}

/** What one image will be, decided from the seed alone (cheap, so the parent can list them without generating). */
function plan(seed: number, index: number) {
  const next = random(mix(seed, index, 1));
  const orientation = ([1, 1, 6, 8] as const)[next() % 4]!;
  // Some shot in portrait and stored that way; orientations 6 and 8 are stored landscape, shown portrait.
  const portraitStored = orientation === 1 && next() % 3 === 0;
  const targetBytes = 8.4e6 + (next() / 2 ** 32) * 3.2e6;
  return { orientation, width: portraitStored ? SHORT_EDGE : LONG_EDGE, height: portraitStored ? LONG_EDGE : SHORT_EDGE, targetBytes };
}

/** Inverse of CALIBRATION by linear interpolation. */
function amplitudeFor(targetBytes: number): number {
  for (let i = 1; i < CALIBRATION.length; i++) {
    const [a0, b0] = CALIBRATION[i - 1]!;
    const [a1, b1] = CALIBRATION[i]!;
    if (targetBytes <= b1 || i === CALIBRATION.length - 1) return a0 + ((targetBytes - b0) / (b1 - b0)) * (a1 - a0);
  }
  return CALIBRATION.at(-1)![0];
}

/** Random colours on a coarse grid, to be smoothed by the upscale that follows. */
function coarse(next: () => number, width: number, height: number, cell: number): Uint8Array {
  const w = Math.max(2, Math.ceil(width / cell));
  const h = Math.max(2, Math.ceil(height / cell));
  const grid = new Uint8Array(w * h * 3);
  for (let i = 0; i < grid.length; i++) grid[i] = next() & 0xff;
  return grid;
}

async function upscale(data: Uint8Array, from: { w: number; h: number }, to: { w: number; h: number }): Promise<Buffer> {
  return sharp(data, { raw: { width: from.w, height: from.h, channels: 3 } }).resize(to.w, to.h, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer();
}

/** The JPEG of one fixture at a given noise amplitude. */
async function render(seed: number, index: number, noiseAmplitude: number): Promise<Buffer> {
  const { width, height, orientation } = plan(seed, index);
  const next = random(mix(seed, index, 2));
  // Colour fields at four scales, mixed at a quarter of the size and upscaled once: the
  // finest becomes 2–3 px texture, the coarsest a gradient across the frame.
  const quarter = { w: width / 4, h: height / 4 };
  const layers = await Promise.all(
    [200, 40, 8, 2].map((cell) => {
      const grid = coarse(next, quarter.w, quarter.h, cell);
      return upscale(grid, { w: Math.max(2, Math.ceil(quarter.w / cell)), h: Math.max(2, Math.ceil(quarter.h / cell)) }, quarter);
    }),
  );
  const weights = [0.55, 0.25, 0.12, 0.08];
  const base = new Uint8Array(quarter.w * quarter.h * 3);
  for (let i = 0; i < base.length; i++) {
    base[i] = layers[0]![i]! * weights[0]! + layers[1]![i]! * weights[1]! + layers[2]![i]! * weights[2]! + layers[3]![i]! * weights[3]!;
  }
  const pixels = await upscale(base, quarter, { w: width, h: height });
  // Sensor noise: a luma part (triangular, from two bytes) on all channels and a weaker chroma part per channel.
  const noise = random(mix(seed, index, 3));
  const luma = noiseAmplitude / 128;
  const chroma = noiseAmplitude / 64;
  for (let i = 0; i < pixels.length; i += 3) {
    const r = noise();
    const common = ((r & 0xff) + ((r >>> 8) & 0xff) - 255) * luma;
    for (let c = 0; c < 3; c++) {
      const value = pixels[i + c]! + common + (((r >>> (16 + c * 5)) & 31) - 15.5) * chroma;
      pixels[i + c] = value < 0 ? 0 : value > 255 ? 255 : value;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: QUALITY })
    .withExif({ IFD0: { Make: 'pixgate bench', Model: `fixture ${VERSION}` } })
    // withExif's own Orientation tag is dropped by sharp; withMetadata's is written.
    .withMetadata({ orientation })
    .toBuffer();
}

/** Makes one fixture within 8–12 MB: the predicted amplitude, then (rarely) a corrected one. */
async function generate(seed: number, index: number, dir: string): Promise<ManifestEntry> {
  const { width, height, orientation, targetBytes } = plan(seed, index);
  let amplitude = amplitudeFor(targetBytes);
  let jpeg = await render(seed, index, amplitude);
  for (let attempt = 0; attempt < 3 && (jpeg.length < MIN_BYTES || jpeg.length > MAX_BYTES); attempt++) {
    // Bytes per unit of amplitude near the target, from the calibration's slope there.
    const slope = (amplitudeFor(targetBytes + 1e5) - amplitudeFor(targetBytes)) / 1e5;
    amplitude = Math.max(0, amplitude + (targetBytes - jpeg.length) * slope);
    jpeg = await render(seed, index, amplitude);
  }
  const file = fileName(index);
  // Written under a temporary name: a run interrupted half-way never leaves a truncated fixture.
  const partial = path.join(dir, `${file}.partial`);
  writeFileSync(partial, jpeg);
  renameSync(partial, path.join(dir, file));
  return { file, bytes: jpeg.length, sha256: createHash('sha256').update(jpeg).digest('hex'), width, height, orientation, noiseAmplitude: Number(amplitude.toFixed(3)) };
}

function readManifest(dir: string, seed: number): Manifest {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.version === VERSION && manifest.seed === seed) return manifest;
  } catch {
    // None yet, or unreadable: start afresh (existing files are regenerated, they are deterministic).
  }
  return { version: VERSION, seed, files: {} };
}

function writeManifest(dir: string, manifest: Manifest): void {
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(dir, 'manifest.json.partial'), `${JSON.stringify({ ...manifest, files: sorted }, null, 1)}\n`);
  renameSync(path.join(dir, 'manifest.json.partial'), path.join(dir, 'manifest.json'));
}

/** Free bytes for an unprivileged writer on the filesystem holding `dir` (or its nearest existing parent). */
export function freeBytes(dir: string): number {
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  const stats = statfsSync(existing);
  return stats.bavail * stats.bsize;
}

/** The filesystem a path is on, to tell whether two needs add up on the same disk. */
export function deviceOf(dir: string): number {
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  return statSync(existing).dev;
}

/** Which of the first `count` fixtures are missing or do not match the manifest's size. */
export function missingFixtures(count: number, seed = DEFAULT_SEED): number[] {
  const dir = fixtureDir(seed);
  const manifest = readManifest(dir, seed);
  const missing: number[] = [];
  for (let index = 0; index < count; index++) {
    const entry = manifest.files[fileName(index)];
    const file = path.join(dir, fileName(index));
    if (!entry || !existsSync(file) || statSync(file).size !== entry.bytes) missing.push(index);
  }
  return missing;
}

/**
 * The first `count` fixtures, making the missing ones with one child process per core. The caller
 * checks disk space first (missingFixtures tells how many will be made).
 */
export async function ensureFixtures(count: number, seed = DEFAULT_SEED): Promise<Fixture[]> {
  const dir = fixtureDir(seed);
  mkdirSync(dir, { recursive: true });
  const missing = missingFixtures(count, seed);
  const manifest = readManifest(dir, seed);
  if (missing.length > 0) {
    const started = performance.now();
    const workers = Math.min(os.availableParallelism(), missing.length);
    console.log(`making ${missing.length} of ${count} fixtures in ${dir} (${workers} processes)…`);
    const queue = [...missing];
    let done = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const child = new ChildRpc(fileURLToPath(import.meta.url), GENERATOR_ROLE);
        try {
          for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
            const entry = await child.call<ManifestEntry>('generate', { seed, index, dir });
            // Recorded as each one lands, so an interrupted generation keeps what it made.
            manifest.files[entry.file] = entry;
            writeManifest(dir, manifest);
            if (++done % 10 === 0 || done === missing.length) console.log(`  ${done}/${missing.length} fixtures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
          }
        } finally {
          await child.close();
        }
      }),
    );
    console.log(`made ${missing.length} fixtures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return Array.from({ length: count }, (_, index) => {
    const { noiseAmplitude: _amplitude, ...entry } = manifest.files[fileName(index)]!;
    return { ...entry, path: path.join(dir, entry.file) };
  });
}

if (process.argv[2] === GENERATOR_ROLE) {
  // Each child makes one image at a time; the parent runs one child per core.
  sharp.concurrency(1);
  sharp.cache(false);
  serve({ generate: ({ seed, index, dir }: { seed: number; index: number; dir: string }) => generate(seed, index, dir) });
}
