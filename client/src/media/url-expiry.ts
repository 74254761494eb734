/**
 * A short-lived URL with the expiry the API states for it (`Image.mediaUrlsExpireAt`, ISO time).
 * Without one, the expiry is read from the URL itself (urlExpiresAt): the fallback for answers that
 * do not carry the field.
 */
export type MediaLink = string | null | undefined | { url: string | null | undefined; expiresAt?: string | null };

function expiryOf(link: MediaLink): { url: string; expiresAt: number | null } | null {
  const url = typeof link === 'object' && link !== null ? link.url : link;
  if (!url) return null;
  const stated = typeof link === 'object' && link?.expiresAt ? Date.parse(link.expiresAt) : NaN;
  return { url, expiresAt: Number.isFinite(stated) ? stated : rememberedExpiry(url) };
}

/** The text that changes when any link or its stated expiry changes. */
export const linksKey = (links: readonly MediaLink[]): string =>
  links.map((link) => (typeof link === 'object' && link !== null ? `${link.url ?? ''} ${link.expiresAt ?? ''}` : (link ?? ''))).join('\n');

/**
 * When a short-lived image URL stops working, read from the URL itself: the API's own media links
 * carry their expiry (`exp`, seconds) in the signed token's readable half, and presigned S3 links
 * carry `X-Amz-Date` and `X-Amz-Expires`. Null when the URL says neither; the caller then refreshes
 * on a fixed schedule.
 */
export function urlExpiresAt(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return null;
  }
  const amzDate = parsed.searchParams.get('X-Amz-Date');
  const amzExpires = parsed.searchParams.get('X-Amz-Expires');
  if (amzDate && amzExpires) {
    const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!match) return null;
    const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
    return Date.UTC(year!, month! - 1, day, hour, minute, second) + Number(amzExpires) * 1000;
  }
  const token = /\/media\/([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(parsed.pathname)?.[1];
  if (!token) return null;
  try {
    const json = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * `urlExpiresAt`, remembered per URL: a gallery asks again for every loaded URL whenever a page of
 * photos arrives, and decoding a thousand tokens each time made that a long task. Bounded, since
 * every refresh brings new URLs.
 */
const expiries = new Map<string, number | null>();
const REMEMBERED = 5_000;
function rememberedExpiry(url: string): number | null {
  let expiresAt = expiries.get(url);
  if (expiresAt === undefined) {
    if (expiries.size >= REMEMBERED) expiries.clear();
    expiresAt = urlExpiresAt(url);
    expiries.set(url, expiresAt);
  }
  return expiresAt;
}

/** Refresh when a link has this share of its life left (and never later than a second and a half before its end). */
const REFRESH_AT_REMAINING_SHARE = 0.3;
const MIN_LEAD_MS = 1_500;
/** URLs whose expiry cannot be read are asked for anew this often. */
export const UNKNOWN_EXPIRY_REFRESH_MS = 60_000;

/**
 * When to ask for fresh URLs: before the first of `links` expires, leaving time for the answer and
 * for images still loading. `receivedAt` is when these URLs arrived (their lifetime starts about then).
 */
export function refreshDelay(links: readonly MediaLink[], receivedAt: number, now = Date.now()): number | null {
  let earliest = Infinity;
  let unknown = false;
  for (const link of links) {
    const expiry = expiryOf(link);
    if (!expiry) continue;
    const { expiresAt } = expiry;
    if (expiresAt === null) unknown = true;
    else earliest = Math.min(earliest, expiresAt);
  }
  if (earliest === Infinity) return unknown ? Math.max(0, receivedAt + UNKNOWN_EXPIRY_REFRESH_MS - now) : null;
  const lifetime = Math.max(0, earliest - receivedAt);
  const lead = Math.max(MIN_LEAD_MS, lifetime * REFRESH_AT_REMAINING_SHARE);
  return Math.max(0, earliest - lead - now);
}
