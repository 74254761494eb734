import sharp from 'sharp';
import { ObjectStorage } from '../../../storage/object-storage.js';
import { ImageRejectedError, renderRenditions } from '../image-processing.js';
import { storeRenditions } from '../rendition-storage.js';
import type { RenderOutcome, RenderReply, RenderRequest, ToRenderProcess } from './render-protocol.js';

/**
 * The render process's loop: renders what the parent asks, any number at once (the parent bounds
 * them), and answers each request with its outcome. Renditions go to fixed keys per image and kind,
 * so a try that dies half-way leaves nothing a later try does not overwrite.
 */
let storage: ObjectStorage | undefined;

process.on('message', (message: ToRenderProcess) => {
  if (message.type === 'init') {
    storage = new ObjectStorage(message.storage);
    sharp.concurrency(message.threads);
    // Decoded tiles are not reused across images; the cache would only hold memory.
    sharp.cache(false);
    return;
  }
  void render(message).then((outcome) => {
    const reply: RenderReply = { ...outcome, type: 'rendered', requestId: message.requestId };
    process.send!(reply);
  });
});
// The parent going away (killed, crashed) must not leave this process rendering for nobody.
process.on('disconnect', () => process.exit(0));

async function render(request: RenderRequest): Promise<RenderOutcome> {
  if (!storage) return { ok: false, message: 'the render process was not initialised' };
  try {
    const bytes = await storage.read(request.originalKey);
    const renditions = await renderRenditions(bytes, { watermarkText: request.watermarkText, maxPixels: request.maxPixels });
    return { ok: true, renditions: await storeRenditions(storage, request.owner, renditions) };
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, rejected: error.reason, message: error.message };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
