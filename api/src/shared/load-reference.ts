import { Reference } from '@mikro-orm/core';

/**
 * Loads a to-one relation through MikroORM's dataloader, so resolving it for every item of a list
 * costs one query for the whole list, not one per item.
 */
export async function loadReference<T extends object>(entity: T): Promise<T>;
export async function loadReference<T extends object>(entity: T | null | undefined): Promise<T | null>;
export async function loadReference<T extends object>(entity: T | null | undefined): Promise<T | null> {
  if (!entity) return null;
  return Reference.create(entity).load({ dataloader: true }) as Promise<T>;
}
