import { afterAll, beforeAll, inject } from 'vitest';
import { openOrm, type Orm } from '../../src/db/orm.js';
import { adminQuery } from './global-setup.js';

/**
 * An empty database of this test file's own (nothing migrated), opened before its tests and
 * dropped after: for tests that run migrations themselves. Read `orm()` inside tests.
 */
export function useEmptyDatabase(label: string): { orm: () => Orm } {
  const database = inject('database');
  const name = `${database.prefix}${label}_${Date.now()}`;
  let orm: Orm | undefined;
  beforeAll(async () => {
    await adminQuery(database.serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(database.serverUrl);
    url.pathname = `/${name}`;
    orm = await openOrm(url.toString());
  });
  afterAll(async () => {
    await orm?.close();
    await adminQuery(database.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return {
    orm: () => {
      if (!orm) throw new Error('the database opens in beforeAll');
      return orm;
    },
  };
}

/** A fixed, readable UUID for hand-written rows. */
export const fixedId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
