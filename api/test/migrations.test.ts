import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { migrate } from '../src/db/orm.js';
import { useEmptyDatabase } from './support/empty-database.js';

const database = useEmptyDatabase('migrations');
const orm = () => database.orm();

describe('migrations', () => {
  it('build the whole schema on an empty database, and a second run does nothing', async () => {
    expect(await migrate(orm())).toEqual(migrations.map((migration) => migration.name));
    expect(await migrate(orm())).toEqual([]);
  });

  it('match the entities exactly (no schema drift between code and migrations)', async () => {
    const diff = await orm().schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    // MikroORM 7.2's introspection misreads two things that are in place (the audit tests prove
    // them): an identity column looks like one with a default, and it does not read back
    // statement-level TRUNCATE triggers, so it would recreate them.
    const knownFalsePositives = [
      'alter table "audit_entries" alter column "sequence" drop default;',
      'create or replace function "audit_entries_audit_entries_no_truncate_fn"()',
      'create trigger "audit_entries_no_truncate" BEFORE TRUNCATE',
    ];
    const real = diff.split('\n').filter((line) => line.trim() !== '' && !knownFalsePositives.some((known) => line.startsWith(known)));
    expect(real).toEqual([]);
  });

  it('enforce integrity in the database itself', async () => {
    const sql = (query: string) => orm().em.fork().getConnection().execute(query);
    await sql("INSERT INTO customers (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'C')");
    await expect(sql("INSERT INTO jobs (customer_id, title, included_images, all_images_included) VALUES ('00000000-0000-4000-8000-000000000001', 'J', -1, false)")).rejects.toThrow(/jobs_included_images_check/);
    await expect(sql("INSERT INTO jobs (customer_id, title, included_images, all_images_included) VALUES ('00000000-0000-4000-8000-00000000dead', 'J', 1, false)")).rejects.toThrow(/foreign key/);
    await expect(sql("INSERT INTO users (email, name, role) VALUES ('c@x.test', 'C', 'CUSTOMER')")).rejects.toThrow(/users_customer_role_check/);
    await expect(sql("INSERT INTO users (email, name, role) VALUES ('c@x.test', 'C', 'ROOT')")).rejects.toThrow(/users_role_check/);
    await expect(sql('INSERT INTO studio_settings (id, name, watermark_text) VALUES (2, \'x\', \'y\')')).rejects.toThrow(/studio_settings_single_row/);
    await sql("INSERT INTO jobs (id, customer_id, title, included_images, all_images_included) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'J', 1, false)");
    await expect(sql(`INSERT INTO images (job_id, filename, declared_content_type, byte_size, sha256, upload_key, selection_state)
      VALUES ('00000000-0000-4000-8000-000000000002', 'f', 'image/jpeg', 1, '${'a'.repeat(64)}', 'k', 'FREE_FOR_ALL')`)).rejects.toThrow(/images_selection_state_check/);
    await expect(sql(`INSERT INTO images (job_id, filename, declared_content_type, byte_size, sha256, upload_key, status)
      VALUES ('00000000-0000-4000-8000-000000000002', 'f', 'image/jpeg', 1, '${'a'.repeat(64)}', 'k', 'READY')`)).rejects.toThrow(/images_ready_check/);
  });

  it('run on the server the tests use (PostgreSQL 15 in CI, 18 embedded)', async () => {
    const [row] = await orm().em.fork().getConnection().execute<{ server_version_num: string }[]>('SHOW server_version_num');
    expect(Number(row!.server_version_num)).toBeGreaterThanOrEqual(150000);
  });
});
