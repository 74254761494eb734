import { UploadError, type UploadProblem } from './upload-failure';
import type { UploadTicket } from './upload-queue';

/**
 * PUTs a file where its upload ticket says, with the ticket's headers. XMLHttpRequest, not fetch:
 * only XHR reports upload progress (a streamed fetch body needs HTTP/2 in Chromium). The browser
 * sends the File from disk and sets Content-Length itself, so a file of any size is never held in
 * memory here.
 */
export function putFile(ticket: UploadTicket, file: Blob, onProgress: (sentBytes: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = (outcome: () => void) => {
      signal.removeEventListener('abort', abort);
      outcome();
    };
    xhr.open(ticket.method, ticket.url);
    for (const header of ticket.headers) xhr.setRequestHeader(header.name, header.value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () =>
      done(() => {
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(new UploadError(problemOfResponse(xhr.status, xhr.responseText, xhr.getResponseHeader('retry-after'))));
      });
    xhr.onerror = () => done(() => reject(new UploadError({ code: 'NETWORK', details: {} })));
    xhr.onabort = () => done(() => reject(new UploadError({ code: 'NETWORK', details: { aborted: true } })));
    if (signal.aborted) return reject(new UploadError({ code: 'NETWORK', details: { aborted: true } }));
    signal.addEventListener('abort', abort);
    xhr.send(file);
  });
}

/** What an HTTP status means when the body does not say (an S3 service answers in XML). */
function codeOfStatus(status: number): string {
  if (status === 400) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503 || status === 502 || status === 504) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * A refused PUT as the API's code, reason and details: the API's own upload route answers in
 * GraphQL's error shape; a presigned S3 PUT answers S3's XML, whose `Code` becomes the reason
 * (an expired signature reads as EXPIRED, as the API's own link says it).
 */
export function problemOfResponse(status: number, body: string, retryAfter: string | null = null): UploadProblem {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string; extensions?: Record<string, unknown> }[] };
    const first = parsed.errors?.[0];
    if (first?.extensions && typeof first.extensions.code === 'string') {
      const { code, reason, ...details } = first.extensions;
      return { code, reason: typeof reason === 'string' ? reason : undefined, details, serverMessage: first.message };
    }
  } catch {
    // Not JSON: S3's XML, or a proxy's page.
  }
  const xmlCode = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  const xmlMessage = /<Message>([^<]+)<\/Message>/.exec(body)?.[1];
  const expired = xmlCode === 'AccessDenied' && /expired/i.test(xmlMessage ?? '');
  const seconds = Number(retryAfter);
  return {
    code: codeOfStatus(status),
    reason: expired ? 'EXPIRED' : xmlCode,
    details: { status, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: seconds } : {}) },
    serverMessage: xmlMessage ?? (body.slice(0, 200) || `HTTP ${status}`),
  };
}
