/**
 * Checks AWS Signature Version 4 on requests to the embedded S3 server: the Authorization header
 * form (what the API's S3 client sends) and the presigned query form (what presigned URLs carry).
 * The canonical request is rebuilt with @smithy/signature-v4, the code the AWS SDK signs with, so
 * the two sides cannot drift apart on escaping or header canonicalisation.
 *
 * The request body is not hashed against `x-amz-content-sha256`: s3rver writes bodies straight into
 * the object file, so a mismatch found at the end would come too late to refuse anything. What is
 * signed (method, path, query, signed headers, the declared payload hash and the time) cannot be
 * changed without the secret, which only the API holds; a presigned PUT signs no body either, on
 * S3 as here.
 */
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ALGORITHM_IDENTIFIER,
  KEY_TYPE_IDENTIFIER,
  MAX_PRESIGNED_TTL,
  SignatureV4Base,
  UNSIGNED_PAYLOAD,
  createScope,
  getCanonicalHeaders,
  getCanonicalQuery,
  getSigningKey,
} from '@smithy/signature-v4';

type SmithyRequest = Parameters<typeof getCanonicalQuery>[0];
type Query = Record<string, string | string[]>;

export interface RequestToVerify {
  method: string;
  /** The request target exactly as received: escaped path and query. */
  url: string;
  headers: IncomingHttpHeaders;
}

export type RefusalCode = 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch' | 'RequestTimeTooSkewed';
export type Verdict = { ok: true } | { ok: false; code: RefusalCode; message: string };

/** What a request claims about its signature, before anything of it is believed. */
interface Claim {
  credential: string;
  signedHeaders: string;
  signature: string;
  longDate: string;
  payloadHash: string;
  /** Presigned URLs only: seconds the signature is valid after `longDate`. */
  expiresInSeconds?: number;
}

/** How far a header-signed request's clock may be from ours, as on S3. */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;
const HEADER_NAME = /^[a-z0-9-]+$/;
const PRESIGN_PARAMETERS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature'];

const refuse = (code: RefusalCode, message: string): Verdict => ({ ok: false, code, message });

/** SHA-256, or HMAC-SHA256 when given a key: the hash constructor @smithy/signature-v4 expects. */
export class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export class SigV4Verifier extends SignatureV4Base {
  private readonly accessKeyId: string;
  private readonly secretAccessKey: string;

  constructor(credentials: { accessKeyId: string; secretAccessKey: string }) {
    // S3 signs the path as sent (already escaped once), hence no second escaping. The region is
    // whatever the request's credential scope names (it is part of what was signed).
    super({ service: 's3', region: 'taken-from-each-request', credentials, sha256: NodeSha256, uriEscapePath: false });
    this.accessKeyId = credentials.accessKeyId;
    this.secretAccessKey = credentials.secretAccessKey;
  }

  async verify(request: RequestToVerify, now = Date.now()): Promise<Verdict> {
    const queryStart = request.url.indexOf('?');
    const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
    const query = parseQuery(queryStart === -1 ? '' : request.url.slice(queryStart + 1));
    if (!query) return refuse('AccessDenied', 'Malformed query string');

    const inHeader = request.headers.authorization !== undefined;
    const inQuery = PRESIGN_PARAMETERS.some((name) => name in query);
    if (!inHeader && !inQuery) return refuse('AccessDenied', 'Anonymous access is forbidden');
    if (inHeader && inQuery) return refuse('AccessDenied', 'Only one authentication mechanism is allowed');
    const claim = inHeader ? claimFromHeader(request.headers) : claimFromQuery(query);
    if ('ok' in claim) return claim;

    const date = LONG_DATE.exec(claim.longDate);
    if (!date) return refuse('AccessDenied', 'Malformed signing date');
    const signedAt = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!);
    if (claim.expiresInSeconds === undefined) {
      if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) return refuse('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large');
    } else {
      if (signedAt - now > MAX_CLOCK_SKEW_MS) return refuse('AccessDenied', 'Request is not valid yet');
      if (now > signedAt + claim.expiresInSeconds * 1000) return refuse('AccessDenied', 'Request has expired');
    }

    const [accessKeyId, shortDate, region, service, terminator, ...rest] = claim.credential.split('/');
    if (accessKeyId !== this.accessKeyId) return refuse('InvalidAccessKeyId', 'The access key does not exist');
    if (rest.length > 0 || !region || shortDate !== claim.longDate.slice(0, 8) || service !== 's3' || terminator !== KEY_TYPE_IDENTIFIER) {
      return refuse('AccessDenied', 'Malformed credential scope');
    }

    const signedHeaders = claim.signedHeaders.split(';');
    const mandatory = inHeader ? ['host', 'x-amz-content-sha256', 'x-amz-date'] : ['host'];
    const wellFormed = signedHeaders.every((name) => HEADER_NAME.test(name)) && signedHeaders.join(';') === [...new Set(signedHeaders)].sort().join(';');
    if (!wellFormed || mandatory.some((name) => !signedHeaders.includes(name))) return refuse('AccessDenied', 'Malformed signed headers');
    const present: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const name of signedHeaders) {
      const value = request.headers[name];
      if (value === undefined) return refuse('SignatureDoesNotMatch', 'A signed header is missing');
      present[name] = Array.isArray(value) ? value.join(',') : value;
    }

    const signable: SmithyRequest = { method: request.method, protocol: 'http:', hostname: '', path, query, headers: present };
    const canonicalHeaders = getCanonicalHeaders(signable, undefined, new Set(signedHeaders));
    const canonicalRequest = this.createCanonicalRequest(signable, canonicalHeaders, claim.payloadHash);
    const scope = createScope(shortDate, region, service);
    const stringToSign = await this.createStringToSign(claim.longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
    const key = await getSigningKey(NodeSha256, { accessKeyId, secretAccessKey: this.secretAccessKey }, shortDate, region, service);
    const expected = createHmac('sha256', key).update(stringToSign).digest();
    const given = Buffer.from(claim.signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return refuse('SignatureDoesNotMatch', 'The request signature does not match');
    }
    return { ok: true };
  }
}

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` plus the date and payload headers. */
function claimFromHeader(headers: IncomingHttpHeaders): Claim | Verdict {
  const authorization = headers.authorization ?? '';
  const separator = authorization.indexOf(' ');
  if (separator === -1 || authorization.slice(0, separator) !== ALGORITHM_IDENTIFIER) return refuse('AccessDenied', 'Only AWS Signature Version 4 is accepted');
  const parts = new Map(
    authorization
      .slice(separator + 1)
      .split(',')
      .map((part) => {
        const [name = '', ...value] = part.trim().split('=');
        return [name, value.join('=')] as const;
      }),
  );
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  const longDate = singleHeader(headers, 'x-amz-date');
  const payloadHash = singleHeader(headers, 'x-amz-content-sha256');
  if (parts.size !== 3 || !credential || !signedHeaders || !signature || !SIGNATURE.test(signature) || !longDate || !payloadHash) {
    return refuse('AccessDenied', 'Malformed authorization');
  }
  // Streaming (aws-chunked) payloads would be stored with their framing by s3rver (STACK trap 5).
  if (payloadHash !== UNSIGNED_PAYLOAD && !HEX_SHA256.test(payloadHash)) return refuse('AccessDenied', 'Unsupported payload signing');
  return { credential, signedHeaders, signature, longDate, payloadHash };
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The X-Amz-* parameters of a presigned URL; its payload is always unsigned. */
function claimFromQuery(query: Query): Claim | Verdict {
  const single = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
  const credential = single('X-Amz-Credential');
  const signedHeaders = single('X-Amz-SignedHeaders');
  const signature = single('X-Amz-Signature');
  const longDate = single('X-Amz-Date');
  const expires = single('X-Amz-Expires');
  if (single('X-Amz-Algorithm') !== ALGORITHM_IDENTIFIER || !credential || !signedHeaders || !signature || !SIGNATURE.test(signature) || !longDate || !expires) {
    return refuse('AccessDenied', 'Malformed presigned URL');
  }
  const expiresInSeconds = /^\d{1,7}$/.test(expires) ? Number(expires) : NaN;
  if (!(expiresInSeconds >= 1 && expiresInSeconds <= MAX_PRESIGNED_TTL)) return refuse('AccessDenied', 'Malformed expiry');
  return { credential, signedHeaders, signature, longDate, payloadHash: UNSIGNED_PAYLOAD, expiresInSeconds };
}

/**
 * Decodes a raw query string as SigV4 canonicalisation expects: `+` stays a plus (the SDK sends a
 * space as %20), a name without `=` has an empty value, repeated names keep every value.
 * Null when a component is not valid percent-encoding.
 */
function parseQuery(raw: string): Query | null {
  const query: Query = Object.create(null) as Query;
  for (const component of raw.split('&')) {
    if (component === '') continue;
    const equals = component.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(equals === -1 ? component : component.slice(0, equals));
      value = equals === -1 ? '' : decodeURIComponent(component.slice(equals + 1));
    } catch {
      return null;
    }
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}
