/** Upscales a decoded image tile by tile through the worker, so memory stays at one tile's worth. */
import { ESRGAN_TILE_OVERLAP, type EsrganScale } from './esrgan-models.js';
import type { EsrganTileWorker } from './esrgan-tile-worker.js';
import { createUpscaledCanvas, cropRgb, pasteUpscaledTile, planTiles, type RgbImage } from './tiling.js';

export interface TiledUpscaleOptions {
  scale: EsrganScale;
  /** Largest tile core edge, in source pixels. */
  tileSize: number;
  signal: AbortSignal;
  /** Called after each tile with the number done and the total. */
  onTile?: (done: number, total: number) => void;
}

export async function upscaleTiled(worker: EsrganTileWorker, source: RgbImage, options: TiledUpscaleOptions): Promise<RgbImage> {
  const { scale, tileSize, signal, onTile } = options;
  const tiles = planTiles(source.width, source.height, { tileSize, overlap: ESRGAN_TILE_OVERLAP });
  const output = createUpscaledCanvas(source.width, source.height, scale);
  for (const [index, tile] of tiles.entries()) {
    // Sequential on purpose: the worker runs one tile at a time anyway, and the signal is checked
    // before each one (worker.upscale rejects at once when it is aborted).
    const upscaled = await worker.upscale(cropRgb(source, tile.input), scale, signal);
    pasteUpscaledTile(output, upscaled, tile, scale);
    onTile?.(index + 1, tiles.length);
  }
  return output;
}
