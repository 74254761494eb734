/**
 * Characters that change how text displays without being seen: C0/C1 controls, line and paragraph
 * separators, a BOM, bidi marks, embeddings, overrides and isolates (U+202E makes `gpj.exe` display
 * as `exe.jpg`), and lone surrogates (not encodable as UTF-8). Zero-width joiners stay: emoji need
 * them.
 */
const INVISIBLE = /[\p{Cc}\p{Zl}\p{Zp}\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cs}]/gu;

/** The text with every invisible character removed; upload names and download names both use it. */
export const withoutInvisibleCharacters = (text: string): string => text.replace(INVISIBLE, '');
