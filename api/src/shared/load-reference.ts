import { Reference, wrap, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { andThen } from './maybe-promise.js';

/**
 * Loads a to-one relation through MikroORM's dataloader, so resolving it for every item of a list
 * costs one query for the whole list, not one per item.
 */
export async function loadReference<T extends object>(entity: T): Promise<T>;
export async function loadReference<T extends object>(entity: T | null | undefined): Promise<T | null>;
export async function loadReference<T extends object>(entity: T | null | undefined): Promise<T | null> {
  if (!entity) return null;
  // Already in memory (a gallery's images all share the job just loaded): no dataloader round.
  if (wrap(entity).isInitialized()) return entity;
  return Reference.create(entity).load({ dataloader: true }) as Promise<T>;
}

/**
 * Runs `use` on the loaded relation: synchronously when it is already in memory (every image of a
 * gallery page shares its job), so a field over hundreds of list items makes no promise per item.
 */
export function withLoaded<T extends object, R>(entity: T, use: (loaded: T) => R): R | Promise<Awaited<R>> {
  return andThen(wrap(entity).isInitialized() ? entity : loadReference(entity), use);
}

/**
 * Records (audit entries, deliveries) keep plain ids because they outlive what they name; this
 * loads such an id through the dataloader, and gives null when the row is gone.
 */
export async function loadById<T extends object>(em: EntityManager, entity: EntityClass<T>, id: string): Promise<T | null> {
  const loaded = (await Reference.create(em.getReference(entity, id as never)).load({ dataloader: true }).catch(() => null)) as T | null | undefined;
  // A row that is gone leaves an uninitialised reference behind rather than failing.
  return loaded && wrap(loaded).isInitialized() ? loaded : null;
}
