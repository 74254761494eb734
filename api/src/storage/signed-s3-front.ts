/**
 * The only way into the embedded S3 server: an HTTP server that hands a request to s3rver only
 * once its SigV4 signature checked out, and refuses everything else with an S3-style 403 before a
 * byte of its body is read. s3rver itself never listens anywhere; it is called in this process,
 * so verified requests stream through unchanged (no proxy hop, no buffering).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { SigV4Verifier, Verdict } from './sigv4-verifier.js';

export function createSignedS3Front(verifier: SigV4Verifier, s3: RequestListener): Server {
  const handle = (request: IncomingMessage, response: ServerResponse, expectsContinue: boolean) => {
    verifier.verify({ method: request.method ?? '', url: request.url ?? '', headers: request.headers }).then(
      (verdict) => {
        if (!verdict.ok) return refuse(response, verdict);
        // Only now may the client send its body (an upload waiting for `100 Continue`).
        if (expectsContinue) response.writeContinue();
        s3(request, response);
      },
      () => refuse(response, { ok: false, code: 'AccessDenied', message: 'The request could not be verified' }),
    );
  };
  const server = createServer((request, response) => handle(request, response, false));
  // With a listener here Node no longer answers `Expect: 100-continue` by itself.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => handle(request, response, true));
  return server;
}

function refuse(response: ServerResponse, verdict: Extract<Verdict, { ok: false }>): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${verdict.code}</Code><Message>${escapeXml(verdict.message)}</Message></Error>`;
  // Closing the connection drops whatever body the client still sends instead of reading it.
  response.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.end(body);
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
