import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedId, useEmptyDatabase } from './support/empty-database.js';

/**
 * Deliveries recorded before the selection lock existed were all completed transfers: the
 * migration turns each customer delivery into a lock (an enhanced copy's onto its original), and
 * leaves staff downloads and other customers' users out.
 */
const database = useEmptyDatabase('lock_backfill');
const orm = () => database.orm();

const id = fixedId;

describe('the selection-lock migration', () => {
  it('locks what customers downloaded before it, and marks old deliveries completed', async () => {
    await orm().migrator.up({ to: 'Migration20261123080000UsageChargeTask' });
    const sql = (text: string) => orm().em.fork().getConnection().execute(text);
    await sql(`INSERT INTO customers (id, name) VALUES ('${id(1)}', 'Owner'), ('${id(2)}', 'Other')`);
    await sql(`INSERT INTO users (id, email, name, role, customer_id) VALUES
      ('${id(10)}', 'owner@x.test', 'Owner', 'CUSTOMER', '${id(1)}'),
      ('${id(11)}', 'other@x.test', 'Other', 'CUSTOMER', '${id(2)}'),
      ('${id(12)}', 'staff@x.test', 'Staff', 'STAFF', NULL)`);
    await sql(`INSERT INTO jobs (id, customer_id, title, included_images, all_images_included) VALUES ('${id(20)}', '${id(1)}', 'Job', 3, false)`);
    const image = (n: number, derivedFrom: number | null) =>
      `('${id(n)}', '${id(20)}', 'p${n}.jpg', 'image/jpeg', 10, '${'a'.repeat(64)}', 'uploads/${n}', ${derivedFrom ? `'${id(derivedFrom)}'` : 'NULL'})`;
    await sql(`INSERT INTO images (id, job_id, filename, declared_content_type, byte_size, sha256, upload_key, derived_from_id) VALUES
      ${image(30, null)}, ${image(31, null)}, ${image(32, null)}, ${image(33, null)}, ${image(34, 31)}`);
    const delivery = (n: number, user: number, imageId: number, path: string, at: string) => `('${id(n)}', '${id(user)}', '${id(20)}', '${id(imageId)}', '${path}', 10, '${at}')`;
    await sql(`INSERT INTO deliveries (id, user_id, job_id, image_id, path, byte_size, created_at) VALUES
      ${delivery(40, 10, 30, 'IMAGE', '2026-11-01T10:00:00Z')}, ${delivery(41, 10, 30, 'ARCHIVE', '2026-11-02T10:00:00Z')},
      ${delivery(42, 10, 34, 'IMAGE', '2026-11-03T10:00:00Z')}, ${delivery(43, 12, 32, 'IMAGE', '2026-11-04T10:00:00Z')},
      ${delivery(44, 11, 33, 'IMAGE', '2026-11-05T10:00:00Z')}`);

    await orm().migrator.up();

    const locks = await sql('SELECT image_id, locked_by_id, via, locked_at FROM selection_locks ORDER BY image_id');
    expect(locks.map((lock: Record<string, unknown>) => ({ ...lock, locked_at: new Date(lock.locked_at as string).toISOString() }))).toEqual([
      { image_id: id(30), locked_by_id: id(10), via: 'IMAGE', locked_at: '2026-11-01T10:00:00.000Z' },
      { image_id: id(31), locked_by_id: id(10), via: 'IMAGE', locked_at: '2026-11-03T10:00:00.000Z' },
    ]);
    const deliveries = await sql('SELECT DISTINCT outcome, bytes_sent::int AS bytes_sent, ended_at = created_at AS ended_when_recorded FROM deliveries');
    expect(deliveries).toEqual([{ outcome: 'COMPLETED', bytes_sent: 10, ended_when_recorded: true }]);
  });
});
