/**
 * The embedded provider: real AI without network. ESRGAN super-resolution (TensorFlow.js, wasm,
 * one worker thread, tiled) and a classical sharp restore. See local-models.ts for the model refs.
 */
import { type EnhancementProvider, ProviderError, type ProviderRequest, type ProviderResult } from '../provider.js';
import type { EsrganScale } from './esrgan-models.js';
import { EsrganTileWorker } from './esrgan-tile-worker.js';
import { upscaleTiled } from './esrgan-upscale.js';
import { resolveLocalModel } from './local-models.js';
import { restoreBasic } from './restore-basic.js';
import { decodeRgb, encodePng } from './rgb-codec.js';

export interface LocalProviderOptions {
  /**
   * Largest tile core edge in source pixels (default 236: with the 10 px overlap on each side the
   * model sees at most 256×256, about 1.2 s per tile on one core here).
   */
  tileSize?: number;
  /** Defensive ceiling on input pixels (default 40 MP); the registry's per-model limits are far lower. */
  maxInputPixels?: number;
  /** Defensive ceiling on upscaled pixels (default 64 MP, i.e. a 192 MB RGB buffer). */
  maxOutputPixels?: number;
}

export const DEFAULT_TILE_SIZE = 236;
const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;
const DEFAULT_MAX_OUTPUT_PIXELS = 64_000_000;

export class LocalEnhancementProvider implements EnhancementProvider {
  readonly name = 'local' as const;
  private readonly tileWorker = new EsrganTileWorker();
  private readonly tileSize: number;
  private readonly maxInputPixels: number;
  private readonly maxOutputPixels: number;

  constructor(options: LocalProviderOptions = {}) {
    this.tileSize = options.tileSize ?? DEFAULT_TILE_SIZE;
    this.maxInputPixels = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
    this.maxOutputPixels = options.maxOutputPixels ?? DEFAULT_MAX_OUTPUT_PIXELS;
    if (!Number.isSafeInteger(this.tileSize) || this.tileSize < 16) throw new RangeError(`tileSize must be an integer ≥ 16, got ${this.tileSize}`);
  }

  async enhance(request: ProviderRequest): Promise<ProviderResult> {
    const model = resolveLocalModel(request.modelRef, request.params);
    if (request.signal.aborted) throw new ProviderError('canceled', 'The enhancement was canceled');
    const bytes =
      model.kind === 'esrgan'
        ? await this.upscale(request, model.scale)
        : await restoreBasic(request.image.bytes, { strength: model.strength, maxPixels: this.maxInputPixels, signal: request.signal });
    request.onProgress?.(1);
    return { bytes, contentType: 'image/png' };
  }

  async close(): Promise<void> {
    await this.tileWorker.close();
  }

  private async upscale(request: ProviderRequest, scale: EsrganScale): Promise<Buffer> {
    const source = await decodeRgb(request.image.bytes, this.maxInputPixels);
    if (source.width * source.height * scale * scale > this.maxOutputPixels) {
      throw new ProviderError('invalid-input', `The upscaled image would exceed ${Math.floor(this.maxOutputPixels / 1e6)} megapixels`);
    }
    const upscaled = await upscaleTiled(this.tileWorker, source, {
      scale,
      tileSize: this.tileSize,
      signal: request.signal,
      // Encoding the PNG is the last step, so tiles go up to just below 1.
      onTile: (done, total) => request.onProgress?.(done / (total + 1)),
    });
    return encodePng(upscaled);
  }
}
