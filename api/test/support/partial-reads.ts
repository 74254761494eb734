import http from 'node:http';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/**
 * A transfer the test controls: headers arrive, then the body is read only as far as asked, and the
 * connection can be left paused (the server still has bytes to send) or torn down half-way, as a
 * browser on a bad network or a closed tab would.
 */
export interface PartialTransfer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far. */
  received(): Buffer;
  /** Reads on until at least `bytes` have arrived (or the body ended), then pauses again. */
  readUntil(bytes: number): Promise<Buffer>;
  /** Reads to the end. */
  readAll(): Promise<Buffer>;
  /** Drops the connection without reading further. */
  abort(): void;
}

export function openTransfer(url: string, headers: Record<string, string> = {}): Promise<PartialTransfer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      response.pause();
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      response.on('end', () => {
        ended = true;
      });
      const readUntil = (bytes: number) =>
        new Promise<Buffer>((done, fail) => {
          if (ended || size >= bytes) return done(Buffer.concat(chunks));
          const onData = (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= bytes) finish();
          };
          const finish = () => {
            response.pause();
            response.off('data', onData);
            response.off('end', finish);
            response.off('error', fail);
            done(Buffer.concat(chunks));
          };
          response.on('data', onData);
          response.once('end', finish);
          response.once('error', fail);
          response.resume();
        });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        received: () => Buffer.concat(chunks),
        readUntil,
        readAll: () => readUntil(Number.POSITIVE_INFINITY),
        abort: () => {
          request.destroy();
          response.destroy();
        },
      });
    });
    request.on('error', reject);
  });
}

/**
 * A photo too large for the loopback socket buffers to swallow whole (~18 MB PNG of noise), so a
 * paused reader really does leave most of it unsent.
 */
export async function makeLargePng(width = 2600, height = 2400): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

/** The error code of a plain HTTP route's JSON body, whichever error shape it uses. */
export function httpErrorCode(body: Buffer | string): string | undefined {
  const parsed = JSON.parse(body.toString());
  return parsed.errors?.[0]?.extensions?.code ?? parsed.error?.code;
}
