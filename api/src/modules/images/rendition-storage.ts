import type { ObjectStorage } from '../../storage/object-storage.js';
import { storageKeys } from '../../storage/storage-keys.js';
import type { Rendition } from './image-processing.js';
import type { StoredRenditions } from './image.entity.js';

/**
 * Puts an image's renditions under their keys, one after another, and records each in `stored` as
 * soon as it is written, so a caller cleaning up after a failed put knows exactly what to delete.
 */
export async function storeRenditions(
  storage: ObjectStorage,
  owner: { customerId: string; jobId: string; imageId: string },
  renditions: Rendition[],
  stored: StoredRenditions = {},
): Promise<StoredRenditions> {
  for (const rendition of renditions) {
    const key = storageKeys.rendition(owner.customerId, owner.jobId, owner.imageId, rendition.kind);
    await storage.put(key, rendition.data, { contentType: rendition.contentType, byteSize: rendition.data.length });
    stored[rendition.kind] = { key, width: rendition.width, height: rendition.height, byteSize: rendition.data.length, contentType: rendition.contentType };
  }
  return stored;
}
