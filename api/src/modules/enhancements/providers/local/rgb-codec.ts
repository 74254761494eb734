/** Encoded image ⇄ packed RGB for the local models, with the input checks every local model needs. */
import sharp, { type OutputInfo } from 'sharp';
import { ImageRejectedError, inspectImage } from '../../../images/image-processing.js';
import { ProviderError } from '../provider.js';
import type { RgbImage } from './tiling.js';

/** sharp's strictness for source images, as in image-processing.ts: refuse broken pixel data, tolerate benign warnings. */
export const FAIL_ON = 'error' as const;

/**
 * Refuses what no local model should touch: unsupported types, corrupt files and images over
 * `maxPixels` — from the header, before any pixel is decoded (decompression bombs).
 */
export async function assertDecodable(bytes: Buffer, maxPixels: number): Promise<{ width: number; height: number }> {
  try {
    return await inspectImage(bytes, { maxPixels });
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new ProviderError('invalid-input', error.message);
    throw error;
  }
}

/**
 * Decodes once to 8-bit sRGB as displayed (EXIF orientation applied); transparency is flattened
 * onto white, as the renditions do, because the models know only three channels.
 */
export async function decodeRgb(bytes: Buffer, maxPixels: number): Promise<RgbImage> {
  await assertDecodable(bytes, maxPixels);
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(bytes, { limitInputPixels: maxPixels, failOn: FAIL_ON })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new ProviderError('invalid-input', 'The image could not be decoded', { cause: error });
  }
  const { data, info } = decoded;
  if (info.channels !== 3) throw new ProviderError('invalid-input', `The image decoded to ${info.channels} channels instead of RGB`);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/**
 * Lossless, because the result is a new original that renditions are made from. Adaptive row
 * filtering pays off on upscaled (smooth) pictures: measured on a 4 MP upscale, 2.0 MB in 0.44 s
 * against 5.4 MB in 0.22 s without it — still ~2 % of the time the model took for those pixels.
 */
export async function encodePng(image: RgbImage): Promise<Buffer> {
  const raw = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return sharp(raw, { raw: { width: image.width, height: image.height, channels: 3 }, limitInputPixels: false })
    .png({ compressionLevel: 6, adaptiveFiltering: true })
    .toBuffer();
}
