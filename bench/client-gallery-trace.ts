/**
 * Where the customer gallery's long tasks go (bench/client-gallery.ts with BENCH_CLIENT_TRACE=1): a
 * Chromium trace of the scroll (what the main thread did: script, style, layout, paint, GC, image
 * decoding) and a sampling CPU profile of the page's JavaScript, both on the browser's monotonic
 * clock, cut to the tasks over 50 ms. Build the client unminified for readable function names:
 * `cd client && npx vite build --minify false`.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, any>;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'loading'].join(',');

/** Starts the trace and the profiler on the page's CDP session; `stop` returns both. */
export async function startTrace(session: CDPSession): Promise<{ stop(): Promise<{ events: TraceEvent[]; profile: CpuProfile }> }> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 250 });
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.send('Profiler.stop');
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await complete;
      return { events, profile: profile as unknown as CpuProfile };
    },
  };
}

const top = (totals: Map<string, number>, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${(us / 1000).toFixed(1)} ms ${name}`);

/** One line per long task: its length, the trace events that took its time (self time) and the hottest JavaScript functions. */
export function describeLongTasks(events: TraceEvent[], profile: CpuProfile, thresholdMs = 50): string[] {
  // The page's main thread: the renderer main thread that ran the most.
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const busy = new Map<string, number>();
  for (const event of events) if (event.ph === 'X' && mains.has(`${event.pid}:${event.tid}`)) busy.set(`${event.pid}:${event.tid}`, (busy.get(`${event.pid}:${event.tid}`) ?? 0) + (event.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((event) => event.ph === 'X' && `${event.pid}:${event.tid}` === main).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > thresholdMs * 1000);

  // Sample times of the CPU profile, on the same clock as the trace.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const sampleTimes: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) sampleTimes.push((time += delta));

  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts < end);
    // Self time per event name: each event's duration minus its direct children's.
    const self = new Map<string, number>();
    const stack: { event: TraceEvent; children: number }[] = [];
    const close = (entry: { event: TraceEvent; children: number }) => self.set(entry.event.name, (self.get(entry.event.name) ?? 0) + (entry.event.dur ?? 0) - entry.children);
    for (const event of inside) {
      while (stack.length && stack.at(-1)!.event.ts + (stack.at(-1)!.event.dur ?? 0) <= event.ts) close(stack.pop()!);
      if (stack.length) stack.at(-1)!.children += event.dur ?? 0;
      stack.push({ event, children: 0 });
    }
    while (stack.length) close(stack.pop()!);
    const functions = new Map<string, number>();
    for (let index = 0; index < profile.samples.length; index += 1) {
      const at = sampleTimes[index]!;
      if (at < task.ts || at >= end) continue;
      const frame = byId.get(profile.samples[index]!)!.callFrame;
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/assets\//, '')}:${frame.lineNumber + 1}`;
      const interval = (sampleTimes[index + 1] ?? at) - at;
      functions.set(name, (functions.get(name) ?? 0) + interval);
    }
    return `task ${(task.dur! / 1000).toFixed(0)} ms at +${((task.ts - tasks[0]!.ts) / 1000).toFixed(0)} ms\n    events: ${top(self, 6).join(' | ')}\n    js: ${top(functions, 10).join(' | ')}`;
  });
}
