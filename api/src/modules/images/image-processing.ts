import sharp, { type Metadata, type Sharp } from 'sharp';
import type { RenditionKind } from '../../shared/domain/rendition-kind.js';

export const ACCEPTED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff'] as const;
export type AcceptedContentType = (typeof ACCEPTED_CONTENT_TYPES)[number];

export type ImageRejectionReason = 'UNSUPPORTED_TYPE' | 'TOO_MANY_PIXELS' | 'CORRUPT';

export class ImageRejectedError extends Error {
  constructor(readonly reason: ImageRejectionReason, message: string) {
    super(message);
    this.name = 'ImageRejectedError';
  }
}

export interface ImageInfo {
  contentType: AcceptedContentType;
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
}

export interface Rendition {
  kind: RenditionKind;
  data: Buffer;
  width: number;
  height: number;
  contentType: 'image/jpeg';
}

// Keyed by sharp's decoder name, which comes from the bytes: the uploader's declared type never matters.
const FORMAT_TO_TYPE: Partial<Record<string, AcceptedContentType>> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff',
};

// 'error' still aborts on truncated or broken pixel data, but unlike sharp's default 'warning' it
// does not refuse camera files whose only flaw is a benign libjpeg warning (extraneous bytes…).
const FAIL_ON = 'error' as const;

const JPEG_OPTIONS = { quality: 82, mozjpeg: false } as const;

function assertPositiveInt(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

// Signatures of the accepted formats (undefined = any byte). Bytes that start like one of them but
// that sharp cannot open are a damaged upload, e.g. a TIFF cut before its trailing IFD.
const SIGNATURES: readonly (readonly (number | undefined)[])[] = [
  [0xff, 0xd8, 0xff],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

function hasAcceptedSignature(bytes: Buffer): boolean {
  return SIGNATURES.some((sig) => bytes.length >= sig.length && sig.every((b, i) => b === undefined || bytes[i] === b));
}

/**
 * sharp reports everything as plain Errors; its messages are the only signal. Anything we do not
 * recognise while reading input is treated as corrupt rather than leaked as a raw sharp error.
 */
function classifyInputError(err: unknown, bytes: Buffer): ImageRejectedError {
  const message = err instanceof Error ? err.message : String(err);
  if (/exceeds pixel limit/i.test(message)) {
    return new ImageRejectedError('TOO_MANY_PIXELS', 'The image has more pixels than allowed');
  }
  if (/unsupported image format|buffer is empty/i.test(message) && !hasAcceptedSignature(bytes)) {
    return new ImageRejectedError('UNSUPPORTED_TYPE', 'The file is not a JPEG, PNG, WebP or TIFF image');
  }
  return new ImageRejectedError('CORRUPT', `The image could not be read: ${message.split('\n')[0]}`);
}

/**
 * Reads the header only. sharp's limitInputPixels check runs on the header dimensions, so a
 * decompression bomb is refused before any pixel is inflated.
 */
export async function inspectImage(bytes: Buffer, limits: { maxPixels: number }): Promise<ImageInfo> {
  assertPositiveInt('maxPixels', limits.maxPixels);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: FAIL_ON }).metadata();
  } catch (err) {
    throw classifyInputError(err, bytes);
  }
  const contentType = FORMAT_TO_TYPE[metadata.format];
  if (!contentType) {
    throw new ImageRejectedError('UNSUPPORTED_TYPE', `Images of type ${metadata.format} are not accepted`);
  }
  const { width, height } = metadata;
  if (!(width > 0 && height > 0)) throw new ImageRejectedError('CORRUPT', 'The image has no dimensions');
  // Belt and braces: do not depend on sharp's own comparison alone.
  if (width * height > limits.maxPixels) {
    throw new ImageRejectedError('TOO_MANY_PIXELS', 'The image has more pixels than allowed');
  }
  // Orientations 5-8 are rotated by 90°: the displayed image has its sides swapped.
  const swapped = (metadata.orientation ?? 1) >= 5;
  return { contentType, width: swapped ? height : width, height: swapped ? width : height };
}

// XML 1.0 forbids these even as character references, so escaping alone cannot make them safe.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const WATERMARK_FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" font-weight="bold"';
const SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** Width of the label as librsvg really draws it: per-glyph widths vary too much to guess. */
async function measureText(label: string, fontSize: number): Promise<number> {
  // 2 em per character: wider than any glyph DejaVu has, so the label is never clipped.
  const canvasWidth = Math.ceil([...label].length * fontSize * 2 + fontSize * 2);
  const svg =
    `<svg ${SVG_NS} width="${canvasWidth}" height="${Math.ceil(fontSize * 1.6)}">` +
    `<text x="${fontSize}" y="${Math.round(fontSize * 1.2)}" ${WATERMARK_FONT} font-size="${fontSize}">${escapeXml(label)}</text></svg>`;
  // Scanning alpha by hand: sharp's trim() costs ~30 ms here, ten times the rendering itself.
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, right] = [info.width, -1];
  for (let i = info.channels - 1; i < data.length; i += info.channels) {
    if (data[i]! === 0) continue;
    const x = ((i - info.channels + 1) / info.channels) % info.width;
    [left, right] = [Math.min(left, x), Math.max(right, x)];
  }
  return right - left + 1; // 0 or less when nothing visible was drawn
}

/**
 * One tile of the watermark: the label along 30° diagonals, white with a dark outline so it shows
 * on light and dark photos, translucent so the customer can still judge the picture. The tile's
 * size is one period of the pattern, so tiled copies continue the same lines across the whole
 * image; rendering a small tile instead of a full-size SVG keeps librsvg's text cost low.
 */
async function watermarkTileSvg(imageWidth: number, imageHeight: number, text: string): Promise<Buffer> {
  const fontSize = Math.max(10, Math.round(Math.max(imageWidth, imageHeight) / 24));
  // Bounded so a very long studio name cannot blow up the rendering time.
  let label = [...text.replace(XML_FORBIDDEN, '').trim()].slice(0, 80).join('');
  let textWidth = label ? await measureText(label, fontSize) : 0;
  if (textWidth < fontSize / 2) {
    // Empty or invisible (zero-width characters only): never leave a preview unmarked.
    label = 'PREVIEW';
    textWidth = await measureText(label, fontSize);
  }
  const period = textWidth + fontSize * 2;
  const tileWidth = Math.max(1, Math.round(period * Math.cos(Math.PI / 6)));
  const rise = period * Math.sin(Math.PI / 6);
  // k rows per period: lines about 3 font sizes apart, and the copy one tile to the right, k rows
  // up, exactly continues each line (the angle is derived from the rounded tile for that).
  const k = Math.max(1, Math.round(rise / (fontSize * 3.2)));
  const tileHeight = Math.max(1, Math.round(rise / k));
  const angle = ((Math.atan2(k * tileHeight, tileWidth) * 180) / Math.PI).toFixed(3);
  const copies: string[] = [];
  for (let i = -1; i <= 1; i++) {
    for (let j = -1; j <= k + 2; j++) copies.push(`<use xlink:href="#w" x="${i * tileWidth}" y="${j * tileHeight}"/>`);
  }
  const stroke = Math.max(1, fontSize / 22).toFixed(1);
  // Cropped to the image when one period is larger than it: then no repetition is needed that way.
  const width = Math.min(tileWidth, imageWidth);
  const height = Math.min(tileHeight, imageHeight);
  return Buffer.from(
    `<svg ${SVG_NS} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<defs><text id="w" transform="rotate(-${angle})" ${WATERMARK_FONT} font-size="${fontSize}" ` +
      `fill="#ffffff" fill-opacity="0.42" stroke="#000000" stroke-opacity="0.38" stroke-width="${stroke}">` +
      `${escapeXml(label)}</text></defs>${copies.join('')}</svg>`,
  );
}

type RawImage = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

// A job's photos share the studio's text and mostly one or two sizes: rasterising the tile once
// saves ~20 ms of librsvg text layout per rendition. Small, so it bounds memory (~1 MB a tile).
const TILE_CACHE_SIZE = 16;
const tileCache = new Map<string, Promise<RawImage>>();

function watermarkTile(width: number, height: number, text: string): Promise<RawImage> {
  const key = `${width}x${height}:${text}`;
  let tile = tileCache.get(key);
  if (tile) {
    tileCache.delete(key); // re-inserted below, so eviction drops the least recently used
  } else {
    tile = watermarkTileSvg(width, height, text).then((svg) => toRaw(sharp(svg).ensureAlpha()));
    tile.catch(() => tileCache.delete(key));
  }
  tileCache.set(key, tile);
  if (tileCache.size > TILE_CACHE_SIZE) tileCache.delete(tileCache.keys().next().value!);
  return tile;
}

function fromRaw(image: RawImage, maxPixels: number): Sharp {
  const { width, height, channels } = image;
  return sharp(image.data, { raw: { width, height, channels }, limitInputPixels: maxPixels });
}

async function encode(kind: RenditionKind, image: RawImage, maxPixels: number, watermark?: string): Promise<Rendition> {
  let pipeline = fromRaw(image, maxPixels);
  if (watermark !== undefined) {
    const tile = await watermarkTile(image.width, image.height, watermark);
    const raw = { width: tile.width, height: tile.height, channels: tile.channels };
    pipeline = pipeline.composite([{ input: tile.data, raw, tile: true, gravity: 'northwest', limitInputPixels: maxPixels }]);
  }
  // No withMetadata/keepMetadata: sharp then writes no EXIF, XMP, IPTC or ICC at all.
  const { data, info } = await pipeline.jpeg(JPEG_OPTIONS).toBuffer({ resolveWithObject: true });
  return { kind, data, width: info.width, height: info.height, contentType: 'image/jpeg' };
}

async function toRaw(pipeline: Sharp): Promise<RawImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * Decodes the original once (auto-oriented, flattened, sRGB, already shrunk to the preview size)
 * and derives all four renditions from that decoded buffer.
 */
export async function renderRenditions(
  bytes: Buffer,
  options: {
    watermarkText: string;
    maxPixels: number;
    /** Long edge of the preview, default 1600. */
    previewSize?: number;
    /** Long edge of the thumbnail, default 400. */
    thumbnailSize?: number;
  },
): Promise<Rendition[]> {
  const { watermarkText, maxPixels, previewSize = 1600, thumbnailSize = 400 } = options;
  assertPositiveInt('previewSize', previewSize);
  assertPositiveInt('thumbnailSize', thumbnailSize);
  // Refuses unsupported types and bombs from the header, before any decoding.
  await inspectImage(bytes, { maxPixels });

  let preview: RawImage;
  try {
    preview = await toRaw(
      sharp(bytes, { limitInputPixels: maxPixels, failOn: FAIL_ON })
        .rotate()
        // Transparent PNG/WebP would otherwise turn black in JPEG.
        .flatten({ background: '#ffffff' })
        .toColorspace('srgb')
        // Resizing here lets libjpeg/libwebp shrink on load instead of decoding every pixel.
        .resize(previewSize, previewSize, { fit: 'inside', withoutEnlargement: true }),
    );
  } catch (err) {
    // Only the decode is inside this try: a failure here is the input's fault, not ours.
    throw classifyInputError(err, bytes);
  }

  const thumbnailPromise = toRaw(
    fromRaw(preview, maxPixels).resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true }),
  );
  return Promise.all([
    encode('preview', preview, maxPixels),
    encode('preview_watermarked', preview, maxPixels, watermarkText),
    thumbnailPromise.then((thumbnail) => encode('thumbnail', thumbnail, maxPixels)),
    thumbnailPromise.then((thumbnail) => encode('thumbnail_watermarked', thumbnail, maxPixels, watermarkText)),
  ]);
}
