/**
 * How every bench reports: a table of figures with their targets on stdout, and the same figures as
 * JSON in bench/results/<script>.json (read by targets-table.ts). Only Node built-ins.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MB = 1024 * 1024;
export const fmt = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : String(value));

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** `>=` or `<=` and the threshold; none for a figure printed only to explain the others. */
  target?: { op: '>=' | '<='; value: number };
  digits?: number;
}

export const verdict = ({ value, target }: Figure): 'PASS' | 'MISS' | '' =>
  !target ? '' : (target.op === '>=' ? value >= target.value : value <= target.value) ? 'PASS' : 'MISS';

/**
 * The compact table every script ends with; the same figures also go to
 * bench/results/<script>.json (see writeResults), with `parameters` saying what was run.
 */
export function printTable(title: string, figures: Figure[], parameters: Record<string, unknown> = {}): void {
  const rows = figures.map((figure) => [
    figure.name,
    `${fmt(figure.value, figure.digits ?? 2)} ${figure.unit}`.trim(),
    figure.target ? `${figure.target.op} ${figure.target.value} ${figure.unit}`.trim() : '-',
    verdict(figure),
  ]);
  const header = ['figure', 'measured', 'target', ''];
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  writeResults(title, figures, parameters);
}

/** What bench/results/*.json hold; bench/targets-table.ts reads them. */
export interface Results {
  script: string;
  title: string;
  date: string;
  machine: { cpus: number; model: string; memGB: number; node: string; loadAverage: number[] };
  parameters: Record<string, unknown>;
  figures: { name: string; value: number | null; unit: string; target?: Figure['target']; verdict: 'PASS' | 'MISS' | null }[];
}

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes the figures of this run as bench/results/<script>.json, the script being the file run (argv[1]). */
export function writeResults(title: string, figures: Figure[], parameters: Record<string, unknown>): string {
  const script = path.basename(process.argv[1] ?? 'unknown', path.extname(process.argv[1] ?? ''));
  const cpus = os.cpus();
  const results: Results = {
    script,
    title,
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', memGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)), node: process.version, loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))) },
    parameters,
    // Rounded as printed; NaN and infinities (a figure that could not be measured) become null.
    figures: figures.map((figure) => ({
      name: figure.name,
      value: Number.isFinite(figure.value) ? Number(figure.value.toFixed(figure.digits ?? 2)) : null,
      unit: figure.unit,
      ...(figure.target ? { target: figure.target } : {}),
      verdict: verdict(figure) || null,
    })),
  };
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${script}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`figures written to ${path.relative(process.cwd(), file)}`);
  return file;
}
