import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, isScalarType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `folder` (relative to the repository root), recursively. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe('generated front-end types (admin/src/gql, client/src/gql)', () => {
  it('map every custom scalar of schema/schema.graphql', async () => {
    const schema = buildSchema(await readFile(path.join(root, 'schema/schema.graphql'), 'utf8'));
    const custom = Object.values(schema.getTypeMap()).filter((type) => isScalarType(type) && !isSpecifiedScalarType(type)).map((type) => type.name);
    for (const output of Object.values(config.generates)) {
      const scalars = (output as { config?: { scalars?: Record<string, unknown> } }).config?.scalars ?? {};
      expect(Object.keys(scalars).sort()).toEqual(expect.arrayContaining(custom.sort()));
    }
  });

  it('match what `npm run codegen` makes from the checked-in schema (run it after `npm run schema`)', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true, verbose: false }, false);
    const generated = new Map(outputs.map((output) => [path.relative(root, path.resolve(root, output.filename)), output.content]));
    expect(generated.size).toBeGreaterThan(0);
    for (const [file, content] of generated) {
      const committed = await readFile(path.join(root, file), 'utf8').catch(() => null);
      expect(committed, `${file} is stale or missing: run npm run codegen`).toBe(content);
    }
    const onDisk = [...(await filesUnder('admin/src/gql')), ...(await filesUnder('client/src/gql'))];
    expect(onDisk.filter((file) => !generated.has(file)), 'files codegen no longer makes').toEqual([]);
  }, 60_000);
});
