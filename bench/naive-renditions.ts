/**
 * What `renderRenditions` saves by decoding the original once: the same four renditions made the
 * naive way, each from its own decode of the original, timed against the product's function on the
 * same files (information only, bench/ingest.ts).
 *
 * Same sizes (long edge 1600 and 400, never enlarged), same orientation, flattening, colour space and
 * JPEG settings (quality 82, no mozjpeg, no metadata), four at once as the product runs them. The
 * watermark is included on both sides: here a tile of the same label along a diagonal, rasterised
 * once per size and cached (as the product caches its tiles), composited the same way (tiled,
 * raw RGBA). Its layout is simpler than the product's, which only matters for the first, untimed
 * pass that fills the caches.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import sharp, { type Sharp } from 'sharp';
import { renderRenditions } from '../api/src/modules/images/image-processing.js';
import { median } from './stats.js';

type Tile = { data: Buffer; width: number; height: number };
const tiles = new Map<string, Promise<Tile>>();

function tileFor(width: number, height: number, text: string): Promise<Tile> {
  const fontSize = Math.max(10, Math.round(Math.max(width, height) / 24));
  const size = Math.min(Math.max(width, height), fontSize * (text.length + 2));
  const key = `${size}:${text}`;
  let tile = tiles.get(key);
  if (!tile) {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><text x="${fontSize}" y="${size - fontSize}" transform="rotate(-30 ${size / 2} ${size / 2})" ` +
      `font-family="DejaVu Sans" font-weight="bold" font-size="${fontSize}" fill="#fff" fill-opacity="0.42" stroke="#000" stroke-opacity="0.38">${text.replace(/[<&>"']/g, '')}</text></svg>`;
    tile = sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true }).then(({ data, info }) => ({ data, width: info.width, height: info.height }));
    tiles.set(key, tile);
  }
  return tile;
}

async function naiveRendition(bytes: Buffer, size: number, options: { maxPixels: number; watermarkText?: string }): Promise<Buffer> {
  let pipeline: Sharp = sharp(bytes, { limitInputPixels: options.maxPixels, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColorspace('srgb')
    .resize(size, size, { fit: 'inside', withoutEnlargement: true });
  if (options.watermarkText !== undefined) {
    // Compositing needs the resized size first; a second pipeline from the raw pixels, as the product does.
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const tile = await tileFor(info.width, info.height, options.watermarkText);
    pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).composite([
      { input: tile.data, raw: { width: tile.width, height: tile.height, channels: 4 }, tile: true, gravity: 'northwest' },
    ]);
  }
  return pipeline.jpeg({ quality: 82, mozjpeg: false }).toBuffer();
}

/** The four renditions, each decoding the original on its own. */
export function renderEachFromOriginal(bytes: Buffer, options: { maxPixels: number; watermarkText: string }): Promise<Buffer[]> {
  const { maxPixels, watermarkText } = options;
  return Promise.all([
    naiveRendition(bytes, 1600, { maxPixels }),
    naiveRendition(bytes, 1600, { maxPixels, watermarkText }),
    naiveRendition(bytes, 400, { maxPixels }),
    naiveRendition(bytes, 400, { maxPixels, watermarkText }),
  ]);
}

export interface DecodeComparison {
  images: number;
  /** Median ms per image. */
  onceMs: number;
  eachMs: number;
}

/**
 * Times both on each file in turn, alternating which goes first, after one untimed pass of each
 * (tile caches, sharp's start-up). Files are read before timing.
 */
export async function compareDecodes(paths: string[], options: { maxPixels: number; watermarkText: string }): Promise<DecodeComparison> {
  const files = paths.map((path) => readFileSync(path));
  await renderRenditions(files[0]!, options);
  await renderEachFromOriginal(files[0]!, options);
  const once: number[] = [];
  const each: number[] = [];
  const time = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  for (const [index, bytes] of files.entries()) {
    const runOnce = async () => once.push(await time(() => renderRenditions(bytes, options)));
    const runEach = async () => each.push(await time(() => renderEachFromOriginal(bytes, options)));
    if (index % 2 === 0) await runOnce().then(runEach);
    else await runEach().then(runOnce);
  }
  return { images: files.length, onceMs: median(once), eachMs: median(each) };
}
