import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedId, useEmptyDatabase } from './support/empty-database.js';

/** Names stored before uploads cleaned them lose the same invisible characters, once. */
const database = useEmptyDatabase('clean_filenames');
const orm = () => database.orm();

const id = fixedId;

describe('the file-name migration', () => {
  it('strips bidi controls and other invisible characters from stored names, and names what is left empty "image"', async () => {
    await orm().migrator.up({ to: 'Migration20261204000000SessionGeneration' });
    const sql = (text: string, params: unknown[] = []) => orm().em.fork().getConnection().execute(text, params);
    await sql(`INSERT INTO customers (id, name) VALUES ('${id(1)}', 'C')`);
    await sql(`INSERT INTO jobs (id, customer_id, title, included_images, all_images_included) VALUES ('${id(2)}', '${id(1)}', 'J', 1, false)`);
    const names = ['photo\u202egpj.exe', '\u2066Küche\u2069 \ufeff📷.jpg', 'line\u2028break\u0085.jpg', '\u202e\u200f', 'plain.jpg'];
    for (const [index, filename] of names.entries()) {
      await sql(`INSERT INTO images (id, job_id, filename, declared_content_type, byte_size, sha256, upload_key) VALUES (?, '${id(2)}', ?, 'image/jpeg', 1, '${'a'.repeat(64)}', ?)`,
        [id(10 + index), filename, `uploads/${index}`]);
    }

    await orm().migrator.up();

    const rows = (await sql('SELECT filename FROM images ORDER BY id')) as { filename: string }[];
    expect(rows.map((row) => row.filename)).toEqual(['photogpj.exe', 'Küche 📷.jpg', 'linebreak.jpg', 'image', 'plain.jpg']);
  });
});
