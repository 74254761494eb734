/**
 * Reads a `--cpu-prof` profile and sums the samples that fall inside one time window, or compares
 * two windows. Run a benchmark with BENCH_MARKS=1 to get the window boundaries (`mark <label> <µs>`,
 * the profile's own clock). Plain JavaScript so it runs without a TypeScript loader:
 *
 *   npx node bench/cpu-profile-window.mjs <file.cpuprofile> <from> <to>                 # where the time went
 *   npx node bench/cpu-profile-window.mjs <file.cpuprofile> <fromA> <toA> <fromB> <toB> # B minus A
 *
 * Options (env): TOP (rows, default 30), FILTER (only rows containing this text).
 * Line numbers of TypeScript files are those of the transpiled code, not of the source: look the
 * function up in the source by name.
 */
import { readFileSync } from 'node:fs';

const [file, ...bounds] = process.argv.slice(2);
if (!file || (bounds.length !== 2 && bounds.length !== 4)) {
  console.error('usage: cpu-profile-window.mjs <file.cpuprofile> <from> <to> [<fromB> <toB>]');
  process.exit(2);
}
const top = Number(process.env.TOP ?? 30);
const filter = process.env.FILTER;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url) => url.replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/.*?\/(api|bench|migrations)\//, '$1/');
const functionLabel = (node) => `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
const packageLabel = (node) => {
  const url = node.callFrame.url;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  if (url.startsWith('node:')) return url;
  return url ? shortUrl(url) : node.callFrame.functionName; // (garbage collector), (idle), native calls
};

/** Self time per label, inclusive time per function, and the total, for samples in [from, to]. */
function window(from, to) {
  const perNode = new Map();
  let time = profile.startTime;
  let total = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index];
    if (time < from || time > to) continue;
    perNode.set(profile.samples[index], (perNode.get(profile.samples[index]) ?? 0) + profile.timeDeltas[index]);
    total += profile.timeDeltas[index];
  }
  const self = new Map();
  const packages = new Map();
  const inclusive = new Map();
  for (const [id, micros] of perNode) {
    const node = byId.get(id);
    self.set(functionLabel(node), (self.get(functionLabel(node)) ?? 0) + micros);
    packages.set(packageLabel(node), (packages.get(packageLabel(node)) ?? 0) + micros);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const label = functionLabel(byId.get(current));
      if (seen.has(label)) continue;
      seen.add(label);
      inclusive.set(label, (inclusive.get(label) ?? 0) + micros);
    }
  }
  return { self, packages, inclusive, total };
}

const ms = (micros) => (micros / 1000).toFixed(0).padStart(7);
const rows = (map) => [...map].filter(([label]) => !filter || label.includes(filter));

if (bounds.length === 2) {
  const { self, packages, inclusive, total } = window(Number(bounds[0]), Number(bounds[1]));
  const show = (title, map) => {
    console.log(`--- ${title}`);
    for (const [label, micros] of rows(map).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(micros)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${label}`);
  };
  console.log(`window: ${ms(total)} ms sampled`);
  show('self time by package', packages);
  show('self time by function', self);
  show('inclusive time by function', inclusive);
} else {
  const a = window(Number(bounds[0]), Number(bounds[1]));
  const b = window(Number(bounds[2]), Number(bounds[3]));
  console.log(`A ${ms(a.total)} ms, B ${ms(b.total)} ms, B - A ${ms(b.total - a.total)} ms`);
  const compare = (title, mapA, mapB) => {
    console.log(`--- ${title} (A, B, B - A; largest differences first)`);
    const labels = new Set([...mapA.keys(), ...mapB.keys()].filter((label) => !filter || label.includes(filter)));
    const diffs = [...labels].map((label) => [label, mapA.get(label) ?? 0, mapB.get(label) ?? 0]).sort((x, y) => Math.abs(y[2] - y[1]) - Math.abs(x[2] - x[1]));
    for (const [label, inA, inB] of diffs.slice(0, top)) console.log(`${ms(inA)} ${ms(inB)} ${inB >= inA ? '+' : '-'}${ms(Math.abs(inB - inA)).trim().padStart(6)}  ${label}`);
  };
  compare('self time by package', a.packages, b.packages);
  compare('self time by function', a.self, b.self);
}
