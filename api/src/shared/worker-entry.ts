import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the entry module of a worker thread or child process is, and what it needs to run. Run
 * from TypeScript sources (`npm start`, vitest, the benchmarks) it needs the same swc-node loader
 * as the main thread; vitest's own transform does not reach workers. Run from compiled JavaScript
 * it needs nothing. `sibling` is the entry's name without extension, next to `callerUrl`.
 * `erasableTypesOnly`: the entry is TypeScript that Node 24 runs by stripping its types, and
 * imports only Node's own modules (and types); it then runs without swc, ~100 MB lighter.
 */
export function workerEntry(callerUrl: string, sibling: string, options: { erasableTypesOnly?: boolean } = {}): { url: URL; execArgv: string[] | undefined } {
  const extension = path.extname(fileURLToPath(callerUrl));
  const url = new URL(`./${sibling}${extension}`, callerUrl);
  if (extension !== '.ts') return { url, execArgv: undefined };
  // An entry written for Node's own type stripping, importing nothing but Node's modules, needs no
  // loader: an empty execArgv, since a worker would otherwise inherit the main thread's `--import`.
  if (options.erasableTypesOnly && process.features.typescript) return { url, execArgv: [] };
  pinSwcBinding();
  return { url, execArgv: ['--import', '@swc-node/register/esm-register'] };
}

/**
 * swc's native binding crashes the whole process (SIGSEGV) when a worker thread that loaded it
 * first is terminated and another one loads it again (swc-project/swc#2276, swc-node#920; seen
 * here under vitest, whose main thread does not use swc). Loading it once on this thread keeps the
 * library resident, so workers can come and go; under `npm start` it is loaded already.
 */
function pinSwcBinding(): void {
  createRequire(import.meta.url)('@swc/core');
}
