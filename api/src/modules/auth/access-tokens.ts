import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'pixgate';
const AUDIENCE = 'pixgate-api';

/** Whom a token is for: the user and the session generation it was issued in (see User.sessionGeneration). */
export interface TokenHolder {
  id: string;
  sessionGeneration: number;
}

export interface AccessTokenClaims {
  userId: string;
  sessionGeneration: number;
}

/** Short-lived bearer tokens. They carry only the user id and generation: every request reloads the user. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(holder: TokenHolder, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({ gen: holder.sessionGeneration })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(holder.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims, or null for anything forged, expired or malformed. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') return null;
      // Tokens from before generations existed have none; they were issued in generation 0.
      const generation = payload.gen ?? 0;
      if (!Number.isSafeInteger(generation)) return null;
      return { userId: payload.sub, sessionGeneration: generation as number };
    } catch {
      return null;
    }
  }
}
