// npm checks each locked package's `engines` against the Node that runs npm itself. Here that is
// often an older system Node, while every npm script runs on the Node 24 of the `node`
// devDependency, which satisfies them all: a fresh install printed ~140 lines of EBADENGINE that
// said nothing true. npm 9 removed the `node-version` setting that once told npm which Node to
// check against, so the lockfile carries no `engines` for the packages npm must install. Optional
// packages keep theirs: npm uses them to skip what cannot run. The root postinstall runs this after
// npm has written the lockfile, so packages added later lose theirs too; api/test/npm-install.test.ts
// fails if any come back. Plain Node, no dependencies: it runs on whatever Node npm runs on.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
let removed = 0;
for (const entry of Object.values(lock.packages ?? {})) {
  if (entry.engines && !entry.optional) {
    delete entry.engines;
    removed++;
  }
}
// npm's own format (two spaces, a final newline), so an untouched lockfile stays byte for byte.
if (removed > 0) writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
