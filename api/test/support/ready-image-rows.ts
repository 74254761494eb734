import type { EntityManager } from '@mikro-orm/postgresql';
import { ImageStatus, SelectionState } from '../../src/shared/domain/image-enums.js';
import { Image } from '../../src/modules/images/image.entity.js';

/**
 * READY image rows without bytes (renditions point at keys nothing fetches), every selection state
 * in turn: for measuring and counting the read path of galleries. The upload pipeline that makes
 * real ones is tested elsewhere.
 */
export async function insertReadyImageRows(em: EntityManager, target: { customerId: string; jobId: string; count: number }): Promise<void> {
  const states = Object.values(SelectionState);
  for (let index = 0; index < target.count; index++) {
    const key = `customers/${target.customerId}/jobs/${target.jobId}/renditions/${index}`;
    const rendition = (suffix: string) => ({ key: `${key}-${suffix}`, width: 400, height: 300, byteSize: 1000, contentType: 'image/jpeg' });
    em.create(Image, {
      job: target.jobId,
      uploadedBy: null,
      filename: `img-${index}.jpg`,
      status: ImageStatus.READY,
      selectionState: states[index % states.length]!,
      declaredContentType: 'image/jpeg',
      contentType: 'image/jpeg',
      byteSize: 1000,
      sha256: 'a'.repeat(64),
      width: 400,
      height: 300,
      uploadKey: `${key}-upload`,
      originalKey: `${key}-original`,
      renditions: { preview: rendition('preview'), preview_watermarked: rendition('preview-wm'), thumbnail: rendition('thumb'), thumbnail_watermarked: rendition('thumb-wm') },
    });
  }
  await em.flush();
}
