import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildPublicSchema, printSchemaSdl } from '../src/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const checkedIn = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printSchemaSdl(await buildPublicSchema())).toBe(checkedIn);
  });

  it('keeps the names integrators rely on', async () => {
    const sdl = printSchemaSdl(await buildPublicSchema());
    for (const name of ['me', 'customers', 'customer', 'users', 'jobs', 'job', 'image']) expect(sdl).toMatch(new RegExp(`\\n  ${name}[(:]`));
    for (const name of ['login', 'refreshToken', 'logout', 'createCustomer', 'updateCustomer', 'createUser', 'updateUser', 'createJob', 'updateJob', 'requestImageUpload', 'completeImageUpload']) {
      expect(sdl).toMatch(new RegExp(`\\n  ${name}\\(`));
    }
    for (const type of ['type Customer', 'type User', 'type Job', 'type Image', 'enum SelectionState', 'type AuditEntry']) expect(sdl).toContain(type);
    expect(sdl).toMatch(/enum SelectionState \{[^}]*BLOCKED[^}]*EXTRA_FREE[^}]*EXTRA_PAID[^}]*EXTRA_PENDING[^}]*INCLUDED[^}]*NONE/s);
  });
});
