import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildPublicSchema, printSchemaSdl } from '../graphql/schema.js';

/** Writes schema/schema.graphql from the code; with --check, fails when the checked-in file is stale. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

const sdl = printSchemaSdl(await buildPublicSchema());
if (process.argv.includes('--check')) {
  const current = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (current !== sdl) {
    console.error('schema/schema.graphql is stale: run `npm run schema`.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  await writeFile(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}
