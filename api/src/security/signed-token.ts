import { createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from 'node:crypto';

export type TokenPurpose = 'upload' | 'media' | 'download-image' | 'download-archive' | 'second-factor';

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'WRONG_PURPOSE') {
    super(`invalid token: ${reason}`);
  }
}

/**
 * Compact HMAC-signed tokens for URLs the API serves itself (uploads, renditions). A JWT library
 * would work too, but these sit in hundreds of gallery URLs per page: a synchronous HMAC is a few
 * microseconds and the token stays short. Each purpose has its own derived key, so a token for one
 * path (a preview, an upload, an image download, an archive) never works on another.
 */
export class UrlTokenSigner {
  private readonly keys: Record<TokenPurpose, KeyObject>;

  constructor(secret: string) {
    // KeyObjects, not Buffers: on Node 24 an HMAC over a Buffer key costs ~20 µs, over a KeyObject ~3 µs,
    // and a gallery signs hundreds of URLs per request.
    const derive = (purpose: TokenPurpose) => createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'pixgate-url-tokens', purpose, 32)));
    this.keys = { upload: derive('upload'), media: derive('media'), 'download-image': derive('download-image'), 'download-archive': derive('download-archive'), 'second-factor': derive('second-factor') };
  }

  sign<T extends object>(purpose: TokenPurpose, claims: T, expiresAt: Date): string {
    const payload = Buffer.from(JSON.stringify({ ...claims, p: purpose, exp: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
    return `${payload}.${this.mac(purpose, payload)}`;
  }

  /**
   * The claims of a genuine, unexpired token of this purpose; with `acceptExpiredForSeconds`, also of
   * one that expired at most that long ago (the caller decides what an expired one may still do).
   */
  verify<T extends object>(purpose: TokenPurpose, token: string, now: Date = new Date(), options: { acceptExpiredForSeconds?: number } = {}): T & { exp: number } {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) throw new InvalidTokenError('MALFORMED');
    const expected = Buffer.from(this.mac(purpose, payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidTokenError('BAD_SIGNATURE');
    let claims: T & { p?: string; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidTokenError('MALFORMED');
    }
    if (claims.p !== purpose) throw new InvalidTokenError('WRONG_PURPOSE');
    const grace = (options.acceptExpiredForSeconds ?? 0) * 1000;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 + grace <= now.getTime()) throw new InvalidTokenError('EXPIRED');
    return claims as T & { exp: number };
  }

  private mac(purpose: TokenPurpose, payload: string): string {
    return createHmac('sha256', this.keys[purpose]).update(payload).digest('base64url');
  }
}
