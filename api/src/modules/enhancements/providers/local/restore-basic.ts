/**
 * Classical restoration with sharp (libvips): a mild median denoise, levels stretched to the full
 * range, and unsharp masking that spares flat areas. No AI: predictable, fast (well under a second
 * per megapixel), for scans and dull or soft photos rather than for damage.
 */
import sharp from 'sharp';
import { ProviderError } from '../provider.js';
import { assertDecodable, FAIL_ON } from './rgb-codec.js';

/** How `strength` (0–1) maps onto the three steps. */
export function restoreSettings(strength: number) {
  return {
    /** 3×3 median from 0.25 on: it removes speckle and JPEG mosquito noise but also fine texture. */
    medianWindow: strength >= 0.25 ? 3 : undefined,
    /** Percentiles of luminance clipped at each end (0 = plain min–max stretch). */
    clipPercent: 2 * strength,
    sharpen: {
      sigma: 0.5 + strength,
      /** Flat areas (noise lives there): little. */
      m1: 0.5 * strength,
      /** Edges. */
      m2: 0.5 + 2.5 * strength,
    },
  };
}

export async function restoreBasic(bytes: Buffer, options: { strength: number; maxPixels: number; signal: AbortSignal }): Promise<Buffer> {
  const { strength, maxPixels, signal } = options;
  await assertDecodable(bytes, maxPixels);
  const settings = restoreSettings(strength);
  let pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: FAIL_ON })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb');
  if (settings.medianWindow) pipeline = pipeline.median(settings.medianWindow);
  pipeline = pipeline
    .normalise({ lower: settings.clipPercent, upper: 100 - settings.clipPercent })
    .sharpen(settings.sharpen)
    // Lossless for the same reason as the upscales: the result becomes an original.
    .png({ compressionLevel: 6, adaptiveFiltering: true });
  // libvips cannot be interrupted: the signal is honoured before and after.
  if (signal.aborted) throw new ProviderError('canceled', 'The enhancement was canceled');
  let output: Buffer;
  try {
    output = await pipeline.toBuffer();
  } catch (error) {
    throw new ProviderError('invalid-input', 'The image could not be decoded', { cause: error });
  }
  if (signal.aborted) throw new ProviderError('canceled', 'The enhancement was canceled');
  return output;
}
