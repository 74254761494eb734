import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ImageStatus, SelectionState } from '../shared/domain/image-enums.js';
import type { SelectionCounts } from '../modules/jobs/job.types.js';
import { Enhancement } from '../modules/enhancements/enhancement.entity.js';
import { RELEASED_SQL } from '../policy/download-policy.js';
import { uuidsOnly } from '../shared/ids.js';
import type { ExtraRequest } from '../modules/extras/extra-request.entity.js';
import { extraRequestsOfImages } from '../modules/extras/extra-request.service.js';

export interface JobImageCounts {
  included: number;
  pendingExtra: number;
  downloadable: number;
  bySelectionState: SelectionCounts;
}

/** Per-request batch loaders for computed fields, so a list of N items costs one query, not N. */
export function createLoaders(em: EntityManager) {
  return {
    /** Requests for extras per image, newest first (a gallery's outcomes in one query). */
    imageExtraRequests: new DataLoader<string, ExtraRequest[]>((imageIds) => extraRequestsOfImages(em, imageIds)),
    jobImageCounts: new DataLoader<string, JobImageCounts>(async (jobIds) => {
      const states = Object.values(SelectionState);
      const rows = await em.getConnection().execute<({ job_id: string; downloadable: number } & Record<string, number>)[]>(
        `SELECT job.id AS job_id,
                ${states.map((state) => `count(image.id) FILTER (WHERE image.selection_state = '${state}' AND image.status = '${ImageStatus.READY}' AND image.derived_from_id IS NULL)::int AS "${state}"`).join(',\n                ')},
                count(image.id) FILTER (WHERE ${RELEASED_SQL})::int AS downloadable
           FROM jobs job LEFT JOIN images image ON image.job_id = job.id LEFT JOIN images source ON source.id = image.derived_from_id
          WHERE job.id IN (?)
          GROUP BY job.id`,
        [[...jobIds]],
      );
      const byJob = new Map(rows.map((row) => [row.job_id, row]));
      return jobIds.map((id) => {
        const row = byJob.get(id);
        const count = (state: SelectionState) => row?.[state] ?? 0;
        return {
          included: count(SelectionState.INCLUDED),
          pendingExtra: count(SelectionState.EXTRA_PENDING),
          downloadable: row?.downloadable ?? 0,
          bySelectionState: {
            none: count(SelectionState.NONE),
            included: count(SelectionState.INCLUDED),
            extraPending: count(SelectionState.EXTRA_PENDING),
            extraPaid: count(SelectionState.EXTRA_PAID),
            extraFree: count(SelectionState.EXTRA_FREE),
            blocked: count(SelectionState.BLOCKED),
          },
        };
      });
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
