import type { EntityClass, FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are UUIDs. Anything else a caller sends matches nothing — it must never reach an SQL cast,
 * where it would become a database error instead of "not found".
 */
export const isUuid = (id: string): boolean => UUID.test(id);

/** The distinct UUIDs among `ids`. */
export const uuidsOnly = (ids: Iterable<string>): string[] => [...new Set(ids)].filter(isUuid);

/** A filter value for an id that matches no row when the given one is not a UUID. */
export const uuidOrNoMatch = (id: string): string => (isUuid(id) ? id : '00000000-0000-0000-0000-000000000000');

/** The row with this id, or null — also for ids that are not UUIDs. */
export async function findById<T extends object>(em: EntityManager, entity: EntityClass<T>, id: string, options?: FindOneOptions<T, any>): Promise<T | null> {
  if (!isUuid(id)) return null;
  return (await em.findOne(entity, { id } as never, options as never)) as T | null;
}
