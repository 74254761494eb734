import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { TestServer } from './test-server.js';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A real JPEG made on the spot (no binaries in the repository). */
export async function makeJpeg(width = 1200, height = 800, colour = { r: 40, g: 120, b: 200 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 85 }).toBuffer();
}

const REQUEST = `mutation($input: RequestImageUploadInput!) {
  requestImageUpload(input: $input) { url method expiresAt headers { name value } image { id status filename } }
}`;
const IMAGE_FIELDS = 'id status contentType width height byteSize sha256 previewUrl thumbnailUrl failureReason';
const COMPLETE = `mutation($id: ID!) { completeImageUpload(imageId: $id) { ${IMAGE_FIELDS} } }`;
const POLL = `query($ids: [ID!]!) { imagesByIds(ids: $ids) { ${IMAGE_FIELDS} } }`;
const UNSETTLED = new Set(['PENDING', 'PROCESSING']);

export interface UploadDeclaration {
  jobId: string;
  filename?: string;
  contentType?: string;
  byteSize?: number;
  sha256?: string;
}

export function uploads(server: TestServer) {
  return {
    request(token: string, bytes: Buffer, declaration: UploadDeclaration) {
      return server.gql(REQUEST, {
        input: {
          filename: 'photo.jpg',
          contentType: 'image/jpeg',
          byteSize: bytes.length,
          sha256: sha256(bytes),
          ...declaration,
        },
      }, token);
    },
    put(url: string, bytes: Buffer, headers: Record<string, string> = { 'content-type': 'image/jpeg' }) {
      return fetch(url, { method: 'PUT', body: new Uint8Array(bytes), headers });
    },
    complete(token: string, imageId: string) {
      return server.gql(COMPLETE, { id: imageId }, token);
    },
    /**
     * The image as `token` sees it once its render is settled (READY or FAILED), polled as an uploader
     * would. A customer sees nothing until READY (null meanwhile), so null is polled on too.
     */
    async settled(token: string, imageId: string, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const polled = await server.gql(POLL, { ids: [imageId] }, token);
        const image = polled.data?.imagesByIds?.[0];
        if (polled.errors || (image && !UNSETTLED.has(image.status))) return polled;
        if (Date.now() > deadline) throw new Error(`image ${imageId} still ${image?.status ?? 'invisible'} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** The whole happy path: request, PUT, complete; `completed` is the image once rendered (`completeImageUpload` as the field name, as before). */
    async upload(token: string, bytes: Buffer, declaration: UploadDeclaration) {
      const requested = await this.request(token, bytes, declaration);
      const ticket = requested.data?.requestImageUpload;
      if (!ticket) throw new Error(`requestImageUpload failed: ${JSON.stringify(requested.errors)}`);
      const headers = Object.fromEntries(ticket.headers.map((header: { name: string; value: string }) => [header.name, header.value]));
      const put = await this.put(ticket.url, bytes, headers);
      if (!put.ok) throw new Error(`PUT failed with ${put.status}: ${await put.text()}`);
      const completed = await this.complete(token, ticket.image.id);
      if (!completed.data?.completeImageUpload) return { ticket, completed };
      const settled = await this.settled(token, ticket.image.id);
      return { ticket, completed: { ...settled, data: settled.data && { completeImageUpload: settled.data.imagesByIds[0] } } };
    },
  };
}
