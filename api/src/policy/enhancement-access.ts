import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { imageScope, isStaff } from './visibility.js';
import { uuidsOnly } from '../shared/ids.js';
import type { Image } from '../modules/images/image.entity.js';
import type { Viewer } from './access-caller.js';
import { Enhancement } from '../modules/enhancements/enhancement.entity.js';

/**
 * Rule 2 for enhancements, derived from the images' visibility: staff see every task; a customer
 * user sees the tasks on images they can see (READY images of their customer's delivered jobs),
 * whoever started them, and may cancel those their own customer's users started.
 */
export function enhancementScope(user: Viewer): FilterQuery<Enhancement> {
  if (isStaff(user)) return {};
  return { image: imageScope(user) as FilterQuery<Image> };
}

export function visibleEnhancementIds(em: EntityManager, user: Viewer, ids: Iterable<string>): Promise<Set<string>> {
  return idsWhere(em, ids, enhancementScope(user));
}

export function cancellableEnhancementIds(em: EntityManager, user: Viewer, ids: Iterable<string>): Promise<Set<string>> {
  if (isStaff(user)) return idsWhere(em, ids, {});
  // Tasks staff started are the studio's, not the customer's to stop.
  return idsWhere(em, ids, { $and: [enhancementScope(user), { requestedBy: { customer: user.customer?.id ?? null } }] } as FilterQuery<Enhancement>);
}

async function idsWhere(em: EntityManager, ids: Iterable<string>, scope: FilterQuery<Enhancement>): Promise<Set<string>> {
  const wanted = uuidsOnly(ids);
  if (wanted.length === 0) return new Set();
  // Plain id rows: a partial entity in the identity map would shadow the full load that follows.
  const rows = await em
    .createQueryBuilder(Enhancement)
    .select('id')
    .where({ $and: [{ id: { $in: wanted } }, scope] } as never)
    .execute<{ id: string }[]>('all', true);
  return new Set(rows.map((row) => row.id));
}
