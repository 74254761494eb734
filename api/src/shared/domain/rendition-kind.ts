/** The derived JPEGs stored beside an original: two sizes, each clean and watermarked. */
export type RenditionKind = 'preview' | 'preview_watermarked' | 'thumbnail' | 'thumbnail_watermarked';
export const RENDITION_KINDS: readonly RenditionKind[] = ['preview', 'preview_watermarked', 'thumbnail', 'thumbnail_watermarked'];
