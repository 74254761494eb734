import { Migration } from '@mikro-orm/migrations';

// The characters of api/src/shared/invisible-characters.ts that a PostgreSQL text can hold (it
// holds neither NUL nor surrogates): C0/C1 controls, line and paragraph separators, a BOM, bidi
// marks, embeddings, overrides and isolates.
const INVISIBLE = String.raw`[\u0001-\u001f\u007f-\u009f\u2028\u2029\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]`;

/**
 * Uploads now store names without invisible characters (U+202E made `gpj.exe` display as
 * `exe.jpg`); names stored before lose them here, once, as an upload would have cleaned them. A
 * name of nothing else becomes "image", the upload's fallback.
 */
export class Migration20261204010000CleanImageFilenames extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "images" set "filename" = coalesce(nullif(btrim(regexp_replace("filename", '${INVISIBLE}', '', 'g')), ''), 'image')
      where "filename" ~ '${INVISIBLE}';`);
  }

  override async down(): Promise<void> {
    // The removed characters are not kept: nothing to restore.
  }
}
