import sharp from 'sharp';
import type { EnhancementStatus } from '../../src/modules/enhancements/enhancement.entity.js';
import type { TestServer } from './test-server.js';
import { makeJpeg, uploads } from './uploads.js';

/** The settings enhancement tests start their servers with: limits out of the way, timings in seconds. */
export const ENHANCEMENT_TEST_ENV = {
  RATE_LIMIT_ENHANCE_USER: '100000/1m',
  ENHANCEMENT_RETRY_DELAY_SECONDS: '1',
  ENHANCEMENT_HEARTBEAT_SECONDS: '10',
  ENHANCEMENT_MONITOR_INTERVAL_SECONDS: '1',
  ENHANCEMENT_PROGRESS_INTERVAL_SECONDS: '1',
  REPLICATE_POLL_INTERVAL_MS: '100',
};

export const ENHANCEMENT_FIELDS = 'id status modelId provider params progress attempts startedAt finishedAt cancelRequestedAt error { code message } image { id } result { id }';
export const ENHANCE_IMAGE = `mutation($imageId: ID!, $modelId: String!, $params: JSONObject) { enhanceImage(imageId: $imageId, modelId: $modelId, params: $params) { ${ENHANCEMENT_FIELDS} } }`;
export const ENHANCE_IMAGES = `mutation($imageIds: [ID!]!, $modelId: String!, $params: JSONObject) { enhanceImages(imageIds: $imageIds, modelId: $modelId, params: $params) { ${ENHANCEMENT_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!) { cancelEnhancement(id: $id) { ${ENHANCEMENT_FIELDS} } }`;
export const ENHANCEMENT = `query($id: ID!) { enhancement(id: $id) { ${ENHANCEMENT_FIELDS} } }`;

export interface TaskRow {
  id: string;
  status: EnhancementStatus;
  attempts: number;
  progress: number;
  error_code: string | null;
  error_message: string | null;
  result_id: string | null;
  cancel_requested_at: Date | null;
  heartbeat_at: Date | null;
  provider_task_id: string | null;
}

export function enhancementHelpers(server: TestServer) {
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => server.services.orm.em.fork().getConnection().execute<T[]>(query, params);
  const helpers = {
    sql,
    /** A READY image uploaded through the real upload flow (bytes in S3, renditions made); plain colour unless `detailed`. */
    async readyImage(token: string, jobId: string, size = { width: 64, height: 48 }, detailed = false): Promise<string> {
      const bytes = detailed ? await detailedJpeg(size.width, size.height) : await makeJpeg(size.width, size.height);
      const { completed } = await uploads(server).upload(token, bytes, { jobId });
      const id = completed.data?.completeImageUpload?.id as string | undefined;
      if (!id) throw new Error(`upload failed: ${JSON.stringify(completed.errors)}`);
      return id;
    },
    async task(id: string): Promise<TaskRow> {
      const [row] = await sql<TaskRow>('SELECT * FROM enhancements WHERE id = ?', [id]);
      if (!row) throw new Error(`no enhancement ${id}`);
      return row;
    },
    /** The state of the task's pg-boss message (its id is the task's), or null when there is none. */
    async queueState(id: string): Promise<string | null> {
      const [row] = await sql<{ state: string }>('SELECT state FROM pgboss.job WHERE id = ?', [id]);
      return row?.state ?? null;
    },
    async waitFor(id: string, accept: (row: TaskRow) => boolean, timeoutMs = 20_000): Promise<TaskRow> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const row = await helpers.task(id);
        if (accept(row)) return row;
        if (Date.now() > deadline) throw new Error(`enhancement ${id} is still ${row.status} (attempts ${row.attempts}) after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    waitForStatus(id: string, status: EnhancementStatus, timeoutMs?: number): Promise<TaskRow> {
      return helpers.waitFor(id, (row) => row.status === status, timeoutMs);
    },
    /** Units charged and not refunded for this task (null: never charged). */
    async charge(id: string): Promise<{ units: number; refund_reason: string | null } | null> {
      const [row] = await sql<{ units: number; refund_reason: string | null }>('SELECT units, refund_reason FROM usage_charges WHERE enhancement_id = ?', [id]);
      return row ?? null;
    },
  };
  return helpers;
}

/** A JPEG with structure and noise, so a restoration visibly changes it (a plain colour stays plain). */
export async function detailedJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      const noise = ((x * 7919 + y * 104_729) % 41) - 20;
      pixels[offset] = Math.max(0, Math.min(255, (x * 255) / width + noise));
      pixels[offset + 1] = Math.max(0, Math.min(255, (y * 255) / height - noise));
      pixels[offset + 2] = (x ^ y) & 0x40 ? 200 : 60;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}
