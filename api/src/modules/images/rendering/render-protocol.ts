import type { StorageSettings } from '../../../storage/object-storage.js';
import type { ImageRejectionReason } from '../image-processing.js';
import type { StoredRenditions } from '../image.entity.js';

/** The first message to a render process: where storage is and how many libvips threads a render gets. */
export interface RenderProcessInit {
  type: 'init';
  storage: StorageSettings;
  threads: number;
}

/** Render one image: read its verified original, make every rendition and store them under their keys. */
export interface RenderRequest {
  type: 'render';
  requestId: number;
  originalKey: string;
  owner: { customerId: string; jobId: string; imageId: string };
  watermarkText: string;
  maxPixels: number;
}

export type RenderOutcome =
  | { ok: true; renditions: StoredRenditions }
  /** The image itself cannot be rendered: trying again will not help. */
  | { ok: false; rejected: ImageRejectionReason; message: string }
  /** Something around the image failed (storage, memory): another try may succeed. */
  | { ok: false; rejected?: undefined; message: string };

export type RenderReply = RenderOutcome & { type: 'rendered'; requestId: number };

export type ToRenderProcess = RenderProcessInit | RenderRequest;
