import { createHash } from 'node:crypto';
import { generateDemoPhoto } from '../../api/src/db/demo-photos.ts';
import { gql } from './api-client.ts';

export interface UploadedImage {
  id: string;
  filename: string;
}

const UPLOAD = 'mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) { url method headers { name value } image { id } } }';
const COMPLETE = 'mutation($id: ID!) { completeImageUpload(imageId: $id) { id status } }';

/** Polls until every image is READY (or fails the test after `timeoutMs`). */
async function untilReady(baseUrl: string, token: string, ids: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { imagesByIds } = await gql<{ imagesByIds: { status: string }[] }>(baseUrl, 'query($ids: [ID!]!) { imagesByIds(ids: $ids) { status } }', { ids }, token);
    if (imagesByIds.every((image) => image.status === 'READY')) return;
    if (imagesByIds.some((image) => image.status === 'FAILED')) throw new Error('an upload of the test job failed');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the test job's images were not READY within ${timeoutMs / 1000} s`);
}

/**
 * A job of its own for a spec, created and filled through the API as staff (the path the upload
 * screen takes): small generated photos, uploaded, verified and rendered until READY.
 */
export async function createJobWithImages(
  baseUrl: string,
  staffToken: string,
  options: { customerName: string; title: string; includedImages: number; photos: string[] },
): Promise<{ jobId: string; images: UploadedImage[] }> {
  const { customers } = await gql<{ customers: { nodes: { id: string; name: string }[] } }>(baseUrl, '{ customers(first: 100) { nodes { id name } } }', {}, staffToken);
  const customer = customers.nodes.find((candidate) => candidate.name === options.customerName);
  if (!customer) throw new Error(`no customer ${options.customerName}`);
  const { createJob } = await gql<{ createJob: { id: string } }>(
    baseUrl,
    'mutation($input: CreateJobInput!) { createJob(input: $input) { id } }',
    { input: { customerId: customer.id, title: options.title, status: 'DELIVERED', includedImages: options.includedImages } },
    staffToken,
  );
  const images: UploadedImage[] = [];
  for (const [index, label] of options.photos.entries()) {
    const bytes = await generateDemoPhoto({ seed: 900 + index, label, width: 960, height: 640 });
    const filename = `${label.toLowerCase().replace(/\s+/g, '-')}.jpg`;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { requestImageUpload: ticket } = await gql<{ requestImageUpload: { url: string; method: string; headers: { name: string; value: string }[]; image: { id: string } } }>(
      baseUrl,
      UPLOAD,
      { input: { jobId: createJob.id, filename, contentType: 'image/jpeg', byteSize: bytes.length, sha256 } },
      staffToken,
    );
    const put = await fetch(ticket.url, { method: ticket.method, headers: Object.fromEntries(ticket.headers.map((header) => [header.name, header.value])), body: new Uint8Array(bytes) });
    if (!put.ok) throw new Error(`PUT of ${filename} answered ${put.status}: ${await put.text()}`);
    await gql(baseUrl, COMPLETE, { id: ticket.image.id }, staffToken);
    images.push({ id: ticket.image.id, filename });
  }
  await untilReady(baseUrl, staffToken, images.map((image) => image.id));
  return { jobId: createJob.id, images };
}

/** The customer downloads one image as the web client would: a ticket, then its bytes (which locks the image and records a delivery). */
export async function downloadAsCustomer(baseUrl: string, customerToken: string, imageId: string): Promise<number> {
  const { imageDownloadUrl } = await gql<{ imageDownloadUrl: { url: string } }>(baseUrl, 'mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }', { id: imageId }, customerToken);
  const response = await fetch(new URL(imageDownloadUrl.url, baseUrl));
  if (!response.ok) throw new Error(`download answered ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

/** Staff enhance an image and wait until the task is done; returns the derived image's id. */
export async function enhanceAndWait(baseUrl: string, staffToken: string, imageId: string, modelId: string, timeoutMs = 60_000): Promise<string> {
  const { enhanceImage } = await gql<{ enhanceImage: { id: string } }>(
    baseUrl,
    'mutation($imageId: ID!, $modelId: String!) { enhanceImage(imageId: $imageId, modelId: $modelId) { id } }',
    { imageId, modelId },
    staffToken,
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { enhancement } = await gql<{ enhancement: { status: string; result: { id: string } | null; error: { message: string } | null } }>(
      baseUrl,
      'query($id: ID!) { enhancement(id: $id) { status result { id } error { message } } }',
      { id: enhanceImage.id },
      staffToken,
    );
    if (enhancement.status === 'SUCCEEDED' && enhancement.result) {
      await untilReady(baseUrl, staffToken, [enhancement.result.id]);
      return enhancement.result.id;
    }
    if (enhancement.status === 'FAILED' || enhancement.status === 'CANCELED') throw new Error(`the enhancement ended ${enhancement.status}: ${enhancement.error?.message}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the enhancement did not finish within ${timeoutMs / 1000} s`);
}
