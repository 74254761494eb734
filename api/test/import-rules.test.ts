import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of .dependency-cruiser.cjs hold for api/src, and each of them fires on a breach
 * (a fixture tree with one of each), so a rule that silently matched nothing would fail here too.
 */
const apiDir = path.resolve(import.meta.dirname, '..');
const startDir = process.cwd();
afterAll(() => process.chdir(startDir));

/** Rule violations under `dir` (which holds a src/), as "rule: from → to", with the project's rules. */
async function violationsIn(dir: string, options: ICruiseOptions, tsConfig?: unknown): Promise<string[]> {
  // dependency-cruiser matches paths relative to the working directory (the rules say ^src/).
  process.chdir(dir);
  const { output } = await cruise(['src'], options, undefined, tsConfig ? { tsConfig } : undefined);
  if (typeof output === 'string') throw new Error(output);
  return (output.summary.violations as IViolation[]).map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
}

const projectOptions = () => extractDepcruiseOptions(path.join(apiDir, '.dependency-cruiser.cjs'));

describe('import rules between the layers of api/src', () => {
  it('hold: config, shared, storage and policy import no module (policy only entities), modules neither http/ nor graphql/ errors and connections', async () => {
    const options = await projectOptions();
    const violations = await violationsIn(apiDir, options, extractTSConfig(path.join(apiDir, 'tsconfig.json')));
    expect(violations, `run \`npm run lint:imports -w api\` for the report:\n${violations.join('\n')}`).toEqual([]);
  });

  it('fire on a breach of each rule (and let the allowed imports through)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-rules-'));
    try {
      const files: Record<string, string> = {
        'src/config.ts': "import { run } from './modules/m/thing.service.js';\nexport const c = run;\n",
        'src/shared/helper.ts': "import type { Thing } from '../modules/m/thing.entity.js';\nexport type T = Thing;\n",
        'src/storage/keys.ts': "import { Thing } from '../modules/m/thing.entity.js';\nexport const k = Thing;\n",
        'src/policy/rules.ts':
          "import { Thing } from '../modules/m/thing.entity.js';\nimport { run } from '../modules/m/thing.service.js';\nimport { ctx } from '../graphql/context.js';\nexport const p = [Thing, run, ctx];\n",
        'src/modules/m/thing.entity.ts': "import type { Shape } from './thing.types.js';\nimport { run } from './thing.service.js';\nexport class Thing { shape?: Shape; run = run; }\n",
        'src/modules/m/thing.types.ts': 'export interface Shape { id: string }\n',
        'src/modules/m/thing.service.ts': "import { app } from '../../http/app.js';\nimport { fail } from '../../graphql/errors.js';\nexport const run = [app, fail];\n",
        'src/graphql/errors.ts': 'export const fail = 1;\n',
        'src/graphql/context.ts': "import { app } from '../http/app.js';\nexport const ctx = app;\n",
        'src/http/app.ts': "import { ctx } from '../graphql/context.js';\nexport const app = 1;\nexport const mounted = ctx;\n",
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      // The fixture has no tsconfig.json of its own; the rules are the project's.
      const { tsConfig: _projectTsConfig, ...options } = await projectOptions();
      expect(await violationsIn(dir, options)).toEqual([
        'base-not-on-modules: src/config.ts → src/modules/m/thing.service.ts',
        'base-not-on-modules: src/shared/helper.ts → src/modules/m/thing.entity.ts',
        'base-not-on-modules: src/storage/keys.ts → src/modules/m/thing.entity.ts',
        'entities-only-on-entities: src/modules/m/thing.entity.ts → src/modules/m/thing.service.ts',
        'graphql-not-on-http: src/graphql/context.ts → src/http/app.ts',
        'inner-layers-not-on-edges: src/policy/rules.ts → src/graphql/context.ts',
        'modules-errors-and-connections-from-shared: src/modules/m/thing.service.ts → src/graphql/errors.ts',
        'modules-not-on-http: src/modules/m/thing.service.ts → src/http/app.ts',
        'policy-only-on-entities: src/policy/rules.ts → src/modules/m/thing.service.ts',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
