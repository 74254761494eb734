import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateDemoPhoto } from '../../db/demo-photos.js';
import { RENDITION_KINDS } from '../../shared/domain/rendition-kind.js';
import {
  ACCEPTED_CONTENT_TYPES,
  ImageRejectedError,
  inspectImage,
  renderRenditions,
  type ImageRejectionReason,
  type Rendition,
} from './image-processing.js';

// Every fixture is built here with sharp: no binaries in the repository.

const LIMITS = { maxPixels: 100_000_000 };
const OPTIONS = { watermarkText: 'Studio Lumière', maxPixels: 100_000_000 };

function solid(width: number, height: number, background: string) {
  return sharp({ create: { width, height, channels: 3, background } });
}

/** Deterministic "photo-like" detail, so encoders produce realistic, non-trivial data. */
function detailed(width: number, height: number) {
  const data = Buffer.alloc(width * height * 3);
  let state = 12345;
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    data[i] = ((Math.floor(i / 3) % width) * 0.3 + (state >>> 24) * 0.5) & 255;
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

async function pixels(bytes: Buffer) {
  return sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

async function pixelAt(bytes: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await pixels(bytes);
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** Mean absolute difference per channel value (0-255), and the share of values changed by > 40. */
async function difference(a: Buffer, b: Buffer) {
  const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
  expect(pb.info.width).toBe(pa.info.width);
  expect(pb.info.height).toBe(pa.info.height);
  let sum = 0;
  let strong = 0;
  for (let i = 0; i < pa.data.length; i++) {
    const d = Math.abs(pa.data[i]! - pb.data[i]!);
    sum += d;
    if (d > 40) strong++;
  }
  return { mean: sum / pa.data.length, strongShare: strong / pa.data.length };
}

function byKind(renditions: Rendition[]) {
  return Object.fromEntries(renditions.map((r) => [r.kind, r])) as Record<Rendition['kind'], Rendition>;
}

async function rejection(promise: Promise<unknown>): Promise<ImageRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  return error as ImageRejectedError;
}

async function expectRejected(bytes: Buffer, reason: ImageRejectionReason, maxPixels = LIMITS.maxPixels) {
  expect((await rejection(inspectImage(bytes, { maxPixels }))).reason).toBe(reason);
  // renderRenditions must refuse on its own, not rely on the caller having inspected first.
  expect((await rejection(renderRenditions(bytes, { ...OPTIONS, maxPixels }))).reason).toBe(reason);
}

/** Inserts an APP13 (Photoshop IRB) segment with an IPTC By-line: sharp cannot write IPTC itself. */
function withIptc(jpeg: Buffer, byline: string): Buffer {
  const value = Buffer.from(byline, 'latin1');
  const iptc = Buffer.concat([Buffer.from([0x1c, 0x02, 0x50, value.length >> 8, value.length & 0xff]), value]);
  const padded = iptc.length % 2 ? Buffer.concat([iptc, Buffer.from([0])]) : iptc;
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), size, padded]);
  const header = Buffer.from([0xff, 0xed, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

describe('inspectImage', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['tiff', 'image/tiff'],
  ] as const)('accepts %s and reports its real type and size', async (format, contentType) => {
    const bytes = await solid(320, 240, '#3366cc').toFormat(format).toBuffer();
    expect(await inspectImage(bytes, LIMITS)).toEqual({ contentType, width: 320, height: 240 });
    expect(ACCEPTED_CONTENT_TYPES).toContain(contentType);
  });

  it.each([
    ['GIF', () => solid(64, 64, '#ff0000').gif().toBuffer()],
    ['SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>')],
    // HEIC (hevc) cannot be written by the prebuilt sharp here; AVIF is the same HEIF container.
    ['AVIF', () => solid(64, 64, '#ff0000').avif().toBuffer()],
    ['PDF', async () => Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')],
    ['plain text', async () => Buffer.from('Hello, this is definitely not an image.\n')],
    ['random bytes', async () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251))],
    ['an empty file', async () => Buffer.alloc(0)],
  ])('rejects %s as UNSUPPORTED_TYPE', async (_name, build) => {
    await expectRejected(await build(), 'UNSUPPORTED_TYPE');
  });

  it.each(['jpeg', 'png', 'webp', 'tiff'] as const)('rejects a truncated %s as CORRUPT, never as a raw sharp error', async (format) => {
    const full = await detailed(600, 400).toFormat(format).toBuffer();
    const half = full.subarray(0, Math.floor(full.length / 2));
    // JPEG and PNG headers survive truncation, so only the decode can tell: accept either step.
    const error = await rejection(inspectImage(half, LIMITS).then(() => renderRenditions(half, OPTIONS)));
    expect(error.reason).toBe('CORRUPT');
  });

  it('rejects a JPEG whose header is garbage as CORRUPT', async () => {
    await expectRejected(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]), 'CORRUPT');
  });

  it('refuses a decompression bomb from its header', async () => {
    // 100 MP of one colour: a few hundred kB on disk, 300 MB once decoded. (20000x20000 would
    // need limitInputPixels: false to build and takes ~7 s to encode; 10000x10000 takes ~1 s.)
    const bomb = await solid(10_000, 10_000, '#ffffff').png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    await expectRejected(bomb, 'TOO_MANY_PIXELS', 50_000_000);
  });

  it('counts pixels exactly: width*height equal to maxPixels passes, one more does not', async () => {
    const bytes = await solid(100, 100, '#808080').png().toBuffer();
    await expect(inspectImage(bytes, { maxPixels: 10_000 })).resolves.toMatchObject({ width: 100, height: 100 });
    await expectRejected(bytes, 'TOO_MANY_PIXELS', 9_999);
  });
});

describe('EXIF orientation', () => {
  it('reports displayed dimensions and renders the photo upright (orientation 6)', async () => {
    // Stored 300x200: left half red, right half blue. Orientation 6 = rotate 90° clockwise to
    // display, so the stored left edge becomes the top: red on top, blue at the bottom.
    const source = await solid(300, 200, '#0000ff')
      .composite([{ input: { create: { width: 150, height: 200, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(source).metadata()).orientation).toBe(6);

    expect(await inspectImage(source, LIMITS)).toEqual({ contentType: 'image/jpeg', width: 200, height: 300 });

    const renditions = byKind(await renderRenditions(source, OPTIONS));
    for (const kind of ['preview', 'thumbnail'] as const) {
      const r = renditions[kind];
      expect(r.height).toBeGreaterThan(r.width);
      const [top, bottom] = await Promise.all([
        pixelAt(r.data, Math.floor(r.width / 2), Math.floor(r.height * 0.1)),
        pixelAt(r.data, Math.floor(r.width / 2), Math.floor(r.height * 0.9)),
      ]);
      expect(top[0]).toBeGreaterThan(200); // red
      expect(top[2]).toBeLessThan(60);
      expect(bottom[2]).toBeGreaterThan(200); // blue
      expect(bottom[0]).toBeLessThan(60);
    }
  });
});

describe('renderRenditions', () => {
  it('returns the four kinds as JPEG, in RENDITION_KINDS order', async () => {
    const renditions = await renderRenditions(await detailed(800, 600).png().toBuffer(), OPTIONS);
    expect(renditions.map((r) => r.kind)).toEqual([...RENDITION_KINDS]);
    for (const r of renditions) {
      expect(r.contentType).toBe('image/jpeg');
      const meta = await sharp(r.data).metadata();
      expect(meta.format).toBe('jpeg');
      expect([meta.width, meta.height]).toEqual([r.width, r.height]);
    }
  });

  it('sizes previews to 1600 and thumbnails to 400 on the long edge', async () => {
    const renditions = byKind(await renderRenditions(await detailed(3000, 2000).jpeg().toBuffer(), OPTIONS));
    for (const kind of ['preview', 'preview_watermarked'] as const) {
      expect([renditions[kind].width, renditions[kind].height]).toEqual([1600, 1067]);
    }
    for (const kind of ['thumbnail', 'thumbnail_watermarked'] as const) {
      expect([renditions[kind].width, renditions[kind].height]).toEqual([400, 267]);
    }
  });

  it('never upscales a small original', async () => {
    const renditions = byKind(await renderRenditions(await detailed(500, 300).jpeg().toBuffer(), OPTIONS));
    expect([renditions.preview.width, renditions.preview.height]).toEqual([500, 300]);
    expect([renditions.thumbnail.width, renditions.thumbnail.height]).toEqual([400, 240]);

    const tiny = byKind(await renderRenditions(await detailed(120, 80).jpeg().toBuffer(), OPTIONS));
    expect([tiny.thumbnail_watermarked.width, tiny.thumbnail_watermarked.height]).toEqual([120, 80]);
  });

  it('honours custom sizes', async () => {
    const source = await detailed(1000, 2000).webp().toBuffer();
    const renditions = byKind(await renderRenditions(source, { ...OPTIONS, previewSize: 800, thumbnailSize: 200 }));
    expect([renditions.preview.width, renditions.preview.height]).toEqual([400, 800]);
    expect([renditions.thumbnail.width, renditions.thumbnail.height]).toEqual([100, 200]);
  });

  it('puts transparent areas on white, not on JPEG black', async () => {
    const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
    const source = await sharp({ create: { width: 300, height: 200, channels: 4, background: transparent } }).png().toBuffer();
    const { preview } = byKind(await renderRenditions(source, OPTIONS));
    expect(await pixelAt(preview.data, 150, 100)).toEqual([255, 255, 255]);
  });

  it('strips EXIF (with GPS), XMP, IPTC, ICC and the orientation tag from every rendition', async () => {
    const jpeg = await detailed(800, 600)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Copyright: 'secret-copyright', Artist: 'secret-artist' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 40/1' },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>secret-xmp</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .toBuffer();
    const source = withIptc(jpeg, 'secret-iptc');
    // The fixture really carries everything we claim to strip.
    const before = await sharp(source).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain('secret-copyright');
    expect(before.exif?.toString('latin1')).toContain('N'); // GPSLatitudeRef
    expect(before.xmp?.toString()).toContain('secret-xmp');
    expect(before.iptc?.toString('latin1')).toContain('secret-iptc');
    expect(before.icc).toBeDefined();

    const renditions = await renderRenditions(source, OPTIONS);
    expect(renditions).toHaveLength(4);
    for (const r of renditions) {
      const meta = await sharp(r.data).metadata();
      expect(meta.exif, r.kind).toBeUndefined();
      expect(meta.xmp, r.kind).toBeUndefined();
      expect(meta.iptc, r.kind).toBeUndefined();
      expect(meta.icc, r.kind).toBeUndefined();
      expect(meta.orientation, r.kind).toBeUndefined();
      expect(r.data.toString('latin1'), r.kind).not.toMatch(/secret/);
    }
  });

  describe('watermark', () => {
    // Measured on 1200x800 flat images with 'Studio Lumière': mean difference 5.2–8.9 and 3.5–9 %
    // of values changed by more than 40 levels (grey, white, black; preview and thumbnail). A
    // missing watermark scores 0 (JPEG of a flat image is exactly flat), and a faint uniform tint
    // could pass the mean but never the "strongly changed" share. Thresholds sit at ~60 % of the
    // weakest measurement, so halving the watermark's strength or coverage fails the test.
    const MIN_MEAN = 3;
    const MIN_STRONG_SHARE = 0.02;

    it.each(['#808080', '#ffffff', '#000000'])('is clearly visible on a flat %s image, and only on the watermarked kinds', async (background) => {
      const source = await solid(1200, 800, background).jpeg().toBuffer();
      const renditions = byKind(await renderRenditions(source, OPTIONS));
      for (const [clean, marked] of [
        ['preview', 'preview_watermarked'],
        ['thumbnail', 'thumbnail_watermarked'],
      ] as const) {
        const stats = await sharp(renditions[clean].data).stats();
        for (const channel of stats.channels) expect(channel.stdev, clean).toBeLessThan(0.5);
        const diff = await difference(renditions[clean].data, renditions[marked].data);
        expect(diff.mean, marked).toBeGreaterThan(MIN_MEAN);
        expect(diff.strongShare, marked).toBeGreaterThan(MIN_STRONG_SHARE);
      }
    });

    it('survives text that would break naive SVG and still marks the image', async () => {
      const source = await solid(1200, 800, '#808080').jpeg().toBuffer();
      for (const watermarkText of ['<script>&"\'', ']]></text></svg><svg>', 'a\u0000b\u0007c']) {
        const renditions = byKind(await renderRenditions(source, { ...OPTIONS, watermarkText }));
        const diff = await difference(renditions.preview.data, renditions.preview_watermarked.data);
        // Punctuation is thin: '<script>&"\'' measured 3.4, so this one asserts presence only.
        expect(diff.mean, watermarkText).toBeGreaterThan(1.5);
      }
    });

    it('falls back to PREVIEW when the text is empty or invisible', async () => {
      const source = await solid(600, 400, '#808080').jpeg().toBuffer();
      const reference = byKind(await renderRenditions(source, { ...OPTIONS, watermarkText: 'PREVIEW' }));
      for (const watermarkText of ['', '   ', '\u200b\u200b']) {
        const renditions = byKind(await renderRenditions(source, { ...OPTIONS, watermarkText }));
        expect(renditions.preview_watermarked.data.equals(reference.preview_watermarked.data), JSON.stringify(watermarkText)).toBe(true);
        expect(renditions.thumbnail_watermarked.data.equals(reference.thumbnail_watermarked.data)).toBe(true);
      }
    });
  });
});

describe('generateDemoPhoto', () => {
  it('returns a JPEG of the default and of a requested size', async () => {
    const photo = await generateDemoPhoto({ seed: 1, label: 'Living room' });
    expect(await inspectImage(photo, LIMITS)).toEqual({ contentType: 'image/jpeg', width: 2400, height: 1600 });
    const small = await generateDemoPhoto({ seed: 1, width: 640, height: 480, label: 'Kitchen & <Dining>' });
    expect(await inspectImage(small, LIMITS)).toEqual({ contentType: 'image/jpeg', width: 640, height: 480 });
  });

  it('is deterministic per seed and differs between seeds', async () => {
    const [a, again, b] = await Promise.all([
      generateDemoPhoto({ seed: 1, width: 600, height: 400, label: 'Facade' }),
      generateDemoPhoto({ seed: 1, width: 600, height: 400, label: 'Facade' }),
      generateDemoPhoto({ seed: 2, width: 600, height: 400, label: 'Facade' }),
    ]);
    expect(a.equals(again)).toBe(true);
    expect((await difference(a, b)).mean).toBeGreaterThan(10);
  });
});
