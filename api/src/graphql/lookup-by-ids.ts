import type { EntityClass } from '@mikro-orm/core';
import type { Permission } from '../policy/permissions.js';
import { badInput } from '../shared/errors.js';
import { uuidsOnly } from '../shared/ids.js';
import type { RequestContext } from './context.js';

/** How many ids one lookup may name: a page of a list, one upload batch. */
export const MAX_LOOKUP_IDS = 500;

/**
 * Many records by id, in the order asked, null where an id is unknown or the caller may not use
 * `permission` on it — so one bad id among many costs only its own entry (react-admin's getMany, an
 * uploader polling its images). To a customer an unknown id and a foreign one are the same null.
 */
export async function lookupByIds<T extends { id: string }>(ctx: RequestContext, permission: Permission, entity: EntityClass<T>, ids: string[]): Promise<(T | null)[]> {
  if (ids.length > MAX_LOOKUP_IDS) throw badInput(`Ask for at most ${MAX_LOOKUP_IDS} ids at once.`, { field: 'ids', reason: 'TOO_MANY', max: MAX_LOOKUP_IDS });
  const allowed = uuidsOnly(await ctx.access.allowed(permission, ids));
  const found = allowed.length === 0 ? [] : await ctx.em.find(entity, { id: { $in: allowed } } as never);
  const byId = new Map(found.map((record) => [record.id, record]));
  return ids.map((id) => byId.get(id) ?? null);
}
