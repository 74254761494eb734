import type { Request, Response } from 'express';
import type { Logger } from '../logger.js';
import type { ReplicateWebhookReceiver } from '../modules/enhancements/providers/replicate-provider.js';
import { verifyReplicateWebhook } from '../modules/enhancements/providers/replicate-webhook.js';
import { sendError } from './http-errors.js';

/** A prediction object is a few KB; the cap only has to stop someone streaming megabytes at us. */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * `POST /webhooks/replicate`: Replicate tells us a prediction finished. The signature is checked
 * over the raw bytes (no JSON parser may run first), then the prediction goes to the provider,
 * which wakes the task waiting for it. Polling stays the fallback, so a lost or refused webhook
 * only costs time.
 */
export function replicateWebhookRoute(deps: { secret: string; receiver: ReplicateWebhookReceiver; logger: Logger; maxBodyBytes?: number }) {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req: Request, res: Response): Promise<void> => {
    const rawBody = await readBody(req, maxBodyBytes);
    if (rawBody === 'too-large') {
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The webhook body is too large.');
      return;
    }
    if (rawBody === 'aborted') return;
    const verification = verifyReplicateWebhook({
      secret: deps.secret,
      rawBody,
      headers: { id: header(req, 'webhook-id'), timestamp: header(req, 'webhook-timestamp'), signature: header(req, 'webhook-signature') },
    });
    if (!verification.valid) {
      deps.logger.warn({ reason: verification.reason, ip: req.ip, requestId: String(req.id) }, 'refused a replicate webhook');
      sendError(res, 401, 'UNAUTHENTICATED', 'The webhook signature is not valid.', { reason: verification.reason });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody.toString('utf8'));
    } catch {
      sendError(res, 400, 'BAD_USER_INPUT', 'The webhook body is not JSON.');
      return;
    }
    const taken = deps.receiver.acceptWebhook(payload);
    // The payload itself is never logged: it carries the prediction's input and output.
    deps.logger.debug({ webhookId: header(req, 'webhook-id'), taken, requestId: String(req.id) }, 'replicate webhook accepted');
    // 2xx either way: a retry would not help a prediction no task here waits for.
    res.status(204).end();
  };
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function readBody(req: Request, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  if (Number(req.headers['content-length']) > maxBytes) return 'too-large';
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of req) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks, total);
}
