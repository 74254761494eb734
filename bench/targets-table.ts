/**
 * Regenerates the table of targets in bench/README.md, between `<!-- targets:start -->` and
 * `<!-- targets:end -->`, from the JSON every bench writes to bench/results/ (`npm run bench:table`).
 * One row per figure that has a target, as last measured on whichever machine ran that script last.
 * Imports nothing of the API: it reads files only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Results } from './figures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const README = path.join(here, 'README.md');
const START = '<!-- targets:start -->';
const END = '<!-- targets:end -->';

const withUnit = (value: number | null, unit: string) => `${value ?? 'n/a'}${unit ? ` ${unit}` : ''}`;
const escape = (text: string) => text.replace(/\|/g, '\\|');

const results = readdirSync(path.join(here, 'results'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(path.join(here, 'results', file), 'utf8')) as Results);

const rows = results.flatMap(({ script, date, machine, figures }) =>
  figures
    .filter((figure) => figure.target)
    .map((figure) => [
      `\`${script}\``,
      escape(figure.name),
      `${figure.target!.op === '>=' ? '≥' : '≤'} ${withUnit(figure.target!.value, figure.unit)}`,
      withUnit(figure.value, figure.unit),
      figure.verdict ?? '',
      `${date.slice(0, 16).replace('T', ' ')} UTC, ${machine.cpus} × ${escape(machine.model)}`,
    ]),
);

const table = [
  '| script | figure | target | last measured | verdict | date, machine |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`${README} has no ${START} … ${END} markers`);
writeFileSync(README, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
console.log(`${rows.length} targets from ${results.length} result files written to ${path.relative(process.cwd(), README)}`);
