import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes a benchmark started, read from /proc. Its own module, free of API imports, so the
 * load-generator children can use it without loading the API.
 */

/** A process this one started, directly or through a child (embedded PostgreSQL, the S3 server, the load client). */
export interface Descendant {
  pid: number;
  /** Its command line, arguments joined by NUL as /proc gives it. */
  command: string;
  /** User + system CPU seconds of all its threads so far. */
  cpuSeconds: number;
}

/** The descendants of `root` (this process by default), from /proc (Linux only; none elsewhere). Processes that end while it looks are left out. */
export function descendants(root: number = process.pid): Descendant[] {
  const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux
  const byParent = new Map<number, Descendant[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const found = { pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8'), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
      const parent = Number(fields[1]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), found]);
    } catch {
      // It ended while we looked.
    }
  }
  const all: Descendant[] = [];
  for (const queue = [...(byParent.get(root) ?? [])]; queue.length > 0; ) {
    const next = queue.shift()!;
    all.push(next);
    queue.push(...(byParent.get(next.pid) ?? []));
  }
  return all;
}

/** Resident memory of a process now, in bytes (VmRSS), or undefined once it has ended. */
export function residentBytes(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** What a process the benches start is, by its command line (the render child's has `render` in it). */
export type ProcessGroup = 's3' | 'bare' | 'render' | 'postgres' | 'client';

export function processGroup(command: string): ProcessGroup | undefined {
  if (command.includes('embedded-s3-process')) return 's3';
  if (command.includes('ingest-bare-server')) return 'bare';
  if (command.includes('render')) return 'render';
  if (command.includes('postgres')) return 'postgres';
  if (/(ingest|latency|load)-client/.test(command)) return 'client';
  return undefined;
}
