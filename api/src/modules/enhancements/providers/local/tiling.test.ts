import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, createUpscaledCanvas, cropRgb, pasteUpscaledTile, planTiles, type RgbImage } from './tiling.js';

/**
 * A stand-in "model" with the two properties that matter for tiling: each output pixel depends on a
 * neighbourhood of `radius` source pixels (a box mean, zero outside the given image, like a
 * convolution with 'same' padding), and the result is `scale` times larger (nearest neighbour).
 */
function boxThenUpscale(image: RgbImage, radius: number, scale: number): RgbImage {
  const out = createUpscaledCanvas(image.width, image.height, scale);
  const window = (2 * radius + 1) ** 2;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      for (let c = 0; c < CHANNELS; c++) {
        let sum = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          for (let dx = -radius; dx <= radius; dx++) {
            const sx = x + dx;
            const sy = y + dy;
            if (sx >= 0 && sy >= 0 && sx < image.width && sy < image.height) sum += image.data[(sy * image.width + sx) * CHANNELS + c]!;
          }
        }
        const value = Math.round(sum / window);
        for (let oy = 0; oy < scale; oy++) {
          for (let ox = 0; ox < scale; ox++) out.data[((y * scale + oy) * out.width + x * scale + ox) * CHANNELS + c] = value;
        }
      }
    }
  }
  return out;
}

function tiled(image: RgbImage, options: { tileSize: number; overlap: number }, model: (tile: RgbImage) => RgbImage, scale: number): RgbImage {
  const output = createUpscaledCanvas(image.width, image.height, scale);
  for (const tile of planTiles(image.width, image.height, options)) pasteUpscaledTile(output, model(cropRgb(image, tile.input)), tile, scale);
  return output;
}

const imageArbitrary = (maxSide: number) =>
  fc
    .record({ width: fc.integer({ min: 1, max: maxSide }), height: fc.integer({ min: 1, max: maxSide }), seed: fc.integer() })
    .map(({ width, height, seed }) => {
      const data = new Uint8Array(width * height * CHANNELS);
      let state = seed >>> 0;
      for (let i = 0; i < data.length; i++) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        data[i] = state >>> 24;
      }
      return { data, width, height };
    });

describe('planTiles', () => {
  it('cores partition the image, never exceed the tile size, and inputs add exactly the available overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 40 }),
        (width, height, tileSize, overlap) => {
          const tiles = planTiles(width, height, { tileSize, overlap });
          const covered = new Uint8Array(width * height);
          // One expect per run, not per tile: fast-check then reports the first bad tile whole.
          const badTile = tiles.find(
            ({ core, input }) =>
              !(core.width > 0 && core.height > 0 && Math.max(core.width, core.height) <= tileSize) ||
              input.x !== Math.max(0, core.x - overlap) ||
              input.y !== Math.max(0, core.y - overlap) ||
              input.x + input.width !== Math.min(width, core.x + core.width + overlap) ||
              input.y + input.height !== Math.min(height, core.y + core.height + overlap),
          );
          expect(badTile).toBeUndefined();
          // Every pixel covered and the areas adding up to the image's: then no pixel is covered twice.
          for (const { core } of tiles) {
            for (let y = core.y; y < core.y + core.height; y++) covered.fill(1, y * width + core.x, y * width + core.x + core.width);
          }
          expect(covered.every((flag) => flag === 1)).toBe(true);
          expect(tiles.reduce((area, { core }) => area + core.width * core.height, 0)).toBe(width * height);
          expect(tiles.length).toBe(Math.ceil(width / tileSize) * Math.ceil(height / tileSize));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('balances the tiles instead of leaving a thin last strip', () => {
    const widths = planTiles(300, 10, { tileSize: 128, overlap: 0 }).map((tile) => tile.core.width);
    expect(widths).toEqual([100, 100, 100]);
  });

  it('refuses nonsense sizes', () => {
    expect(() => planTiles(10, 10, { tileSize: 0, overlap: 0 })).toThrow(RangeError);
    expect(() => planTiles(10, 10, { tileSize: 4, overlap: -1 })).toThrow(RangeError);
    expect(() => planTiles(1.5, 10, { tileSize: 4, overlap: 0 })).toThrow(RangeError);
    expect(planTiles(0, 10, { tileSize: 4, overlap: 0 })).toEqual([]);
  });
});

describe('split, upscale and merge', () => {
  it('equals the whole-image result when the overlap covers the receptive radius', () => {
    fc.assert(
      fc.property(
        imageArbitrary(48),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(1, 2, 3, 4),
        (image, tileSize, radius, extra, scale) => {
          const model = (tile: RgbImage) => boxThenUpscale(tile, radius, scale);
          const merged = tiled(image, { tileSize, overlap: radius + extra }, model, scale);
          expect(Buffer.from(merged.data).equals(Buffer.from(model(image).data))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('shows seams when the overlap is smaller than the receptive radius (so the property above is not vacuous)', () => {
    const image = { width: 16, height: 16, data: new Uint8Array(16 * 16 * CHANNELS).map((_, i) => (i * 37) % 251) };
    const model = (tile: RgbImage) => boxThenUpscale(tile, 2, 2);
    const merged = tiled(image, { tileSize: 8, overlap: 1 }, model, 2);
    expect(Buffer.from(merged.data).equals(Buffer.from(model(image).data))).toBe(false);
  });

  it('refuses a tile the model returned at the wrong size', () => {
    const [tile] = planTiles(4, 4, { tileSize: 4, overlap: 0 });
    const output = createUpscaledCanvas(4, 4, 2);
    expect(() => pasteUpscaledTile(output, createUpscaledCanvas(4, 4, 3), tile!, 2)).toThrow(/expected 8×8/);
  });
});
