import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_SECRET_PATTERN } from '../../../config.js';

/**
 * Replicate signs each webhook (the Standard Webhooks scheme): HMAC-SHA256, keyed with the
 * base64 part of the account's `whsec_…` secret, over `${webhook-id}.${webhook-timestamp}.${raw body}`,
 * sent base64-encoded as space-separated `v1,<signature>` entries (several while a secret rotates).
 * The timestamp is signed too, so a captured delivery cannot be replayed after the tolerance.
 */

const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface ReplicateWebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type WebhookRejection = 'MISSING_HEADERS' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';

export type WebhookVerification = { valid: true } | { valid: false; reason: WebhookRejection };

export function verifyReplicateWebhook(input: {
  secret: string;
  headers: ReplicateWebhookHeaders;
  rawBody: Buffer;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): WebhookVerification {
  const { id, timestamp, signature } = input.headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'MISSING_HEADERS' };
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { valid: false, reason: 'STALE_TIMESTAMP' };

  const expected = createHmac('sha256', secretKey(input.secret))
    .update(`${id}.${timestamp}.`)
    .update(input.rawBody)
    .digest();
  const matches = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => {
      const given = Buffer.from(entry.slice('v1,'.length), 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return matches ? { valid: true } : { valid: false, reason: 'BAD_SIGNATURE' };
}

function secretKey(secret: string): Buffer {
  if (!WEBHOOK_SECRET_PATTERN.test(secret)) throw new Error('A Replicate webhook secret looks like whsec_<base64>');
  return Buffer.from(secret.slice('whsec_'.length), 'base64');
}
