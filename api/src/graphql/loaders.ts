import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { SelectionState } from '../shared/domain/image-enums.js';
import { Enhancement } from '../modules/enhancements/enhancement.entity.js';
import { RELEASED_SQL } from '../policy/download-policy.js';
import { uuidsOnly } from '../shared/ids.js';

export interface JobImageCounts {
  included: number;
  pendingExtra: number;
  downloadable: number;
}

/** Per-request batch loaders for computed fields, so a list of N items costs one query, not N. */
export function createLoaders(em: EntityManager) {
  return {
    jobImageCounts: new DataLoader<string, JobImageCounts>(async (jobIds) => {
      const rows = await em.getConnection().execute<{ job_id: string; included: number; pending_extra: number; downloadable: number }[]>(
        `SELECT job.id AS job_id,
                count(image.id) FILTER (WHERE image.selection_state = '${SelectionState.INCLUDED}')::int AS included,
                count(image.id) FILTER (WHERE image.selection_state = '${SelectionState.EXTRA_PENDING}')::int AS pending_extra,
                count(image.id) FILTER (WHERE ${RELEASED_SQL})::int AS downloadable
           FROM jobs job LEFT JOIN images image ON image.job_id = job.id LEFT JOIN images source ON source.id = image.derived_from_id
          WHERE job.id IN (?)
          GROUP BY job.id`,
        [[...jobIds]],
      );
      const byJob = new Map(rows.map((row) => [row.job_id, { included: row.included, pendingExtra: row.pending_extra, downloadable: row.downloadable }]));
      return jobIds.map((id) => byJob.get(id) ?? { included: 0, pendingExtra: 0, downloadable: 0 });
    }),
    /** Which uploaded originals a transfer has locked (rule 5), for images loaded as entities. */
    selectionLocked: new DataLoader<string, boolean>(async (imageIds) => {
      const ids = uuidsOnly(imageIds);
      const rows = ids.length === 0 ? [] : await em.getConnection().execute<{ image_id: string }[]>('SELECT image_id FROM selection_locks WHERE image_id IN (?)', [ids]);
      const locked = new Set(rows.map((row) => row.image_id));
      return imageIds.map((id) => locked.has(id));
    }),
    /** Enhancement tasks per image, newest first. */
    imageEnhancements: new DataLoader<string, Enhancement[]>(async (imageIds) => {
      const tasks = await em.find(Enhancement, { image: { $in: uuidsOnly(imageIds) } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
      const byImage = new Map<string, Enhancement[]>();
      for (const task of tasks) byImage.set(task.image.id, [...(byImage.get(task.image.id) ?? []), task]);
      return imageIds.map((id) => byImage.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
