/**
 * The upload's calls to the API on typed documents: ask for an upload (URL, method, headers, expiry),
 * complete it, render a failed one again, and look up the images in flight. Bytes never pass through
 * GraphQL; `putFile` sends them where the ticket says.
 */
import { graphql } from '../gql';
import type { ImageStatus } from '../gql/graphql';
import { request } from '../graphql/api';
import { isApiError } from '../graphql/errors';
import type { Hasher } from './hasher';
import { putFile } from './put-file';
import type { PolledImage } from './render-watcher';
import { UploadError } from './upload-failure';
import type { UploadTicket, UploadTransport } from './upload-queue';

export const UploadedImageFields = graphql(`
  fragment UploadedImageFields on Image {
    id
    status
    failureReason
    thumbnailUrl
  }
`);

const RequestUpload = graphql(`
  mutation UploadRequestImage($input: RequestImageUploadInput!) {
    requestImageUpload(input: $input) {
      url
      method
      expiresAt
      headers {
        name
        value
      }
      image {
        id
      }
    }
  }
`);

const CompleteUpload = graphql(`
  mutation UploadCompleteImage($imageId: ID!) {
    completeImageUpload(imageId: $imageId) {
      ...UploadedImageFields
    }
  }
`);

const RetryRender = graphql(`
  mutation UploadRetryImageRender($imageId: ID!) {
    retryImageRender(imageId: $imageId) {
      ...UploadedImageFields
    }
  }
`);

const UploadedImages = graphql(`
  query UploadedImages($ids: [ID!]!) {
    imagesByIds(ids: $ids) {
      ...UploadedImageFields
    }
  }
`);

/** The types the API accepts, for files whose type the browser does not know (an empty `File.type`). */
const TYPE_BY_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tif: 'image/tiff', tiff: 'image/tiff' };

/** The content type to declare: the browser's, else by extension; the API judges (and sniffs the bytes on completion). */
export function declaredType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Runs a call; an API error becomes an UploadError with its code, reason and details. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isApiError(error)) {
      const { code, reason, extensions, serverMessage } = error.body;
      // No GraphQL answer at all is the network's fault, not the API's verdict.
      const unreachable = code === 'SERVICE_UNAVAILABLE' && Object.keys(extensions).length === 0;
      throw new UploadError({ code: unreachable ? 'NETWORK' : code, reason, details: extensions, serverMessage });
    }
    throw error;
  }
}

const polled = (image: { id: string; status: ImageStatus; failureReason?: string | null; thumbnailUrl?: string | null }): PolledImage => ({
  id: image.id,
  status: image.status,
  failureReason: image.failureReason,
  thumbnailUrl: image.thumbnailUrl,
});

/** The queue's transport into the job `jobId`: GraphQL for the calls, XHR for the bytes, the worker for the checksums. */
export function uploadTransport(jobId: string, hasher: Hasher): UploadTransport<File> {
  return {
    hash: (file) => hasher.hash(file),
    request: (file, sha256) =>
      call(async (): Promise<UploadTicket> => {
        const { requestImageUpload: ticket } = await request(RequestUpload, {
          input: { jobId, filename: file.name, contentType: declaredType(file), byteSize: file.size, sha256 },
        });
        return { imageId: ticket.image.id, url: ticket.url, method: ticket.method, headers: ticket.headers, expiresAt: Date.parse(ticket.expiresAt) };
      }),
    send: (ticket, file, onProgress, signal) => putFile(ticket, file, onProgress, signal),
    complete: (imageId) => call(async () => polled((await request(CompleteUpload, { imageId })).completeImageUpload)),
    retryRender: (imageId) => call(async () => polled((await request(RetryRender, { imageId })).retryImageRender)),
    poll: (ids) => call(async () => (await request(UploadedImages, { ids })).imagesByIds.map((image) => (image ? polled(image) : null))),
  };
}
