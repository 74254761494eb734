/**
 * Splits an image into tiles with overlapping context and puts the upscaled tiles back together.
 * Pure functions on packed RGB buffers: no sharp, no tfjs, so they are tested on their own.
 *
 * A convolutional model sees a few pixels around each output pixel (its receptive field). If a
 * tile's input reaches at least that far beyond the part of the output it owns, every owned output
 * pixel is computed from exactly the pixels a whole-image run would use: no seams. At the image's
 * own border the tile stops where the image stops, which is what the model's zero padding does in
 * a whole-image run too.
 */

/** Packed 8-bit RGB, row after row, no padding: `data.length === width * height * 3`. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Tile {
  /** The part of the image (source pixels) whose output this tile owns; cores partition the image. */
  core: Rect;
  /** What the model is given: the core plus up to `overlap` pixels on each side, clipped to the image. */
  input: Rect;
}

export interface TilePlanOptions {
  /** Largest core edge in source pixels. */
  tileSize: number;
  /** Context on each side of the core, in source pixels (at least the model's receptive radius). */
  overlap: number;
}

export const CHANNELS = 3;

function assertNonNegativeInt(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** Cuts [0, length) into the fewest segments of at most `maxSize`, as even as possible (no thin last strip). */
function splitAxis(length: number, maxSize: number): { start: number; size: number }[] {
  const count = Math.ceil(length / maxSize);
  const segments = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i * length) / count);
    const end = Math.floor(((i + 1) * length) / count);
    segments.push({ start, size: end - start });
  }
  return segments;
}

/** Tiles row by row, left to right. */
export function planTiles(width: number, height: number, { tileSize, overlap }: TilePlanOptions): Tile[] {
  assertNonNegativeInt('width', width);
  assertNonNegativeInt('height', height);
  assertNonNegativeInt('overlap', overlap);
  if (!Number.isSafeInteger(tileSize) || tileSize < 1) throw new RangeError(`tileSize must be a positive integer, got ${tileSize}`);
  if (width === 0 || height === 0) return [];

  const tiles: Tile[] = [];
  for (const row of splitAxis(height, tileSize)) {
    for (const column of splitAxis(width, tileSize)) {
      const x0 = Math.max(0, column.start - overlap);
      const y0 = Math.max(0, row.start - overlap);
      const x1 = Math.min(width, column.start + column.size + overlap);
      const y1 = Math.min(height, row.start + row.size + overlap);
      tiles.push({
        core: { x: column.start, y: row.start, width: column.size, height: row.size },
        input: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      });
    }
  }
  return tiles;
}

export function assertRgbImage(image: RgbImage): void {
  if (image.data.length !== image.width * image.height * CHANNELS) {
    throw new RangeError(`RGB buffer of ${image.data.length} bytes does not hold ${image.width}×${image.height} pixels`);
  }
}

/** Copies a rectangle out of an image (a fresh buffer, so it can be transferred to a worker). */
export function cropRgb(image: RgbImage, rect: Rect): RgbImage {
  assertRgbImage(image);
  if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > image.width || rect.y + rect.height > image.height) {
    throw new RangeError('crop rectangle outside the image');
  }
  const rowBytes = rect.width * CHANNELS;
  const data = new Uint8Array(rowBytes * rect.height);
  for (let row = 0; row < rect.height; row++) {
    const from = ((rect.y + row) * image.width + rect.x) * CHANNELS;
    data.set(image.data.subarray(from, from + rowBytes), row * rowBytes);
  }
  return { data, width: rect.width, height: rect.height };
}

/** An empty output for a source of `width`×`height` upscaled by `scale`. */
export function createUpscaledCanvas(width: number, height: number, scale: number): RgbImage {
  return { data: new Uint8Array(width * scale * height * scale * CHANNELS), width: width * scale, height: height * scale };
}

/**
 * Copies the part of an upscaled tile that the tile owns (its core, scaled) into the output; the
 * overlap, which only served as context, is dropped.
 */
export function pasteUpscaledTile(output: RgbImage, upscaled: RgbImage, tile: Tile, scale: number): void {
  assertRgbImage(output);
  assertRgbImage(upscaled);
  if (upscaled.width !== tile.input.width * scale || upscaled.height !== tile.input.height * scale) {
    throw new RangeError(
      `upscaled tile is ${upscaled.width}×${upscaled.height}, expected ${tile.input.width * scale}×${tile.input.height * scale}`,
    );
  }
  const offsetX = (tile.core.x - tile.input.x) * scale;
  const offsetY = (tile.core.y - tile.input.y) * scale;
  const rowBytes = tile.core.width * scale * CHANNELS;
  for (let row = 0; row < tile.core.height * scale; row++) {
    const from = ((offsetY + row) * upscaled.width + offsetX) * CHANNELS;
    const to = ((tile.core.y * scale + row) * output.width + tile.core.x * scale) * CHANNELS;
    output.data.set(upscaled.data.subarray(from, from + rowBytes), to);
  }
}
