import { withoutInvisibleCharacters } from '../../shared/invisible-characters.js';
import type { AcceptedContentType } from '../images/image-processing.js';

/**
 * File names for what we hand out (ZIP entries, Content-Disposition), chosen by the server from
 * the uploader's name: the upload name is untrusted text and must not decide where an unzipper
 * writes, what a file manager shows, or what program opens the file.
 */

const MAX_NAME_BYTES = 150;
const FALLBACK_STEM = 'image';

/** Accepted spellings per type; the first is used when the name has none of them. */
const EXTENSIONS: Record<AcceptedContentType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
};

// Windows refuses these as file names whatever the extension (`con.jpg`, `LPT1.tar.gz`).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*]/g;
// A trailing `.part` counts as an extension only if short and with a letter (checked below): `scan.2024` keeps its number.
const EXTENSION = /\.([\p{L}\p{N}]{1,8})$/u;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

export function archiveFileNames(items: { filename: string; contentType: string }[]): string[] {
  const taken = new Set<string>();
  return items.map(({ filename, contentType }) => {
    const { stem, extension } = safeParts(filename, contentType);
    const suffix = extension ? `.${extension}` : '';
    for (let copy = 1; ; copy++) {
      const name = fit(stem, copy === 1 ? suffix : ` (${copy})${suffix}`);
      const key = foldCase(name);
      if (!taken.has(key)) {
        taken.add(key);
        return name;
      }
    }
  });
}

function safeParts(filename: string, contentType: string): { stem: string; extension: string } {
  // Upload names are cleaned already; rows from before that, and derived names, are cleaned here too.
  const segments = withoutInvisibleCharacters(filename.normalize('NFC')).split(/[/\\]/);
  const base = segments.filter((segment) => segment !== '' && segment !== '.' && segment !== '..').pop() ?? '';
  const cleaned = base.replace(WINDOWS_FORBIDDEN, '_');

  const match = EXTENSION.exec(cleaned);
  const hasExtension = match !== null && /\p{L}/u.test(match[1]!);
  let stem = hasExtension ? cleaned.slice(0, match.index) : cleaned;
  let extension = hasExtension ? match[1]! : '';

  // Other types (`application/octet-stream` for legacy rows) keep whatever extension they had.
  const wanted = (EXTENSIONS as Record<string, readonly string[] | undefined>)[contentType];
  if (wanted && !wanted.includes(extension.toLowerCase())) extension = wanted[0]!;

  stem = trimEnds(stem);
  if (stem === '') stem = FALLBACK_STEM;
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  return { stem, extension };
}

/** Leading dots hide files on Unix; trailing dots and spaces are dropped by Windows. */
function trimEnds(stem: string): string {
  return stem.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
}

/** Shortens the stem on a grapheme boundary so the whole name fits, keeping the tail (copy number, extension). */
function fit(stem: string, tail: string): string {
  const budget = MAX_NAME_BYTES - Buffer.byteLength(tail);
  if (Buffer.byteLength(stem) <= budget) return stem + tail;
  let kept = '';
  for (const { segment } of graphemes.segment(stem)) {
    if (Buffer.byteLength(kept + segment) > budget) break;
    kept += segment;
  }
  return (trimEnds(kept) || FALLBACK_STEM) + tail;
}

/** Wider than any one file system's folding (ß collides with ss), so no unzipper overwrites a file. */
function foldCase(name: string): string {
  return name.toUpperCase().toLowerCase();
}
