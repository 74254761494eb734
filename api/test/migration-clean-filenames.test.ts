import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openOrm, type Orm } from '../src/db/orm.js';
import { adminQuery } from './support/global-setup.js';

/** Names stored before uploads cleaned them lose the same invisible characters, once. */
const database = inject('database');
const name = `${database.prefix}clean_filenames_${Date.now()}`;
let orm: Orm;

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

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the file-name migration', () => {
  it('strips bidi controls and other invisible characters from stored names, and names what is left empty "image"', async () => {
    await orm.migrator.up({ to: 'Migration20261204000000SessionGeneration' });
    const sql = (text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(text, params);
    await sql(`INSERT INTO customers (id, name) VALUES ('${id(1)}', 'C')`);
    await sql(`INSERT INTO jobs (id, customer_id, title, included_images, all_images_included) VALUES ('${id(2)}', '${id(1)}', 'J', 1, false)`);
    const names = ['photo\u202egpj.exe', '\u2066Küche\u2069 \ufeff📷.jpg', 'line\u2028break\u0085.jpg', '\u202e\u200f', 'plain.jpg'];
    for (const [index, filename] of names.entries()) {
      await sql(`INSERT INTO images (id, job_id, filename, declared_content_type, byte_size, sha256, upload_key) VALUES (?, '${id(2)}', ?, 'image/jpeg', 1, '${'a'.repeat(64)}', ?)`,
        [id(10 + index), filename, `uploads/${index}`]);
    }

    await orm.migrator.up();

    const rows = (await sql('SELECT filename FROM images ORDER BY id')) as { filename: string }[];
    expect(rows.map((row) => row.filename)).toEqual(['photogpj.exe', 'Küche 📷.jpg', 'linebreak.jpg', 'image', 'plain.jpg']);
  });
});
