// Requests a benchmark child answers over IPC (see children.ts), shared by the hub and the
// ws reference so the load generator measures both the same way.
import { Session } from "node:inspector/promises";
import { getHeapSpaceStatistics, writeHeapSnapshot } from "node:v8";
import { monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from "node:perf_hooks";

export interface CpuSample {
  /** process.cpuUsage() user + system, µs. */
  userMicros: number;
  systemMicros: number;
  /** Garbage collection pauses of the main thread so far, ms (as reported by then). */
  gcMs: number;
}

export interface MemorySample {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
  /** Of heapUsed: V8's code space (functions compiled on first use, not data the hub keeps). */
  codeSpaceUsed: number;
}

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  count: number;
}

type Handler = (payload: unknown) => unknown | Promise<unknown>;

/** Answers the common requests (cpu, memory, gc, event-loop delay) plus the given ones. */
export function serveRequests(extra: Record<string, Handler> = {}): void {
  let histogram: IntervalHistogram | null = null;
  let profiler: Session | null = null;
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  }).observe({ entryTypes: ["gc"] });
  const handlers: Record<string, Handler> = {
    cpu: (): CpuSample => {
      const u = process.cpuUsage();
      return { userMicros: u.user, systemMicros: u.system, gcMs };
    },
    memory: (payload): MemorySample => {
      // Several passes: one full GC can leave weak/finalised objects for the next cycle.
      if ((payload as { gc?: boolean } | undefined)?.gc && globalThis.gc) for (let i = 0; i < 4; i++) globalThis.gc();
      const m = process.memoryUsage();
      const code = getHeapSpaceStatistics().find((space) => space.space_name === "code_space");
      return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers, codeSpaceUsed: code?.space_used_size ?? 0 };
    },
    "loop:start": () => {
      histogram?.disable();
      histogram = monitorEventLoopDelay({ resolution: 2 });
      histogram.enable();
      return true;
    },
    "loop:read": (): LoopDelay => {
      const h = histogram;
      if (!h) return { p50Ms: Number.NaN, p99Ms: Number.NaN, maxMs: Number.NaN, count: 0 };
      return { p50Ms: h.percentile(50) / 1e6, p99Ms: h.percentile(99) / 1e6, maxMs: h.max / 1e6, count: h.count };
    },
    // CPU profile of a window (bench/lib/profile-broadcast.ts): start, then stop returns it.
    "profile:start": async () => {
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
      await profiler.post("Profiler.start");
      return true;
    },
    "profile:stop": async () => {
      if (!profiler) return null;
      const { profile } = await profiler.post("Profiler.stop");
      profiler.disconnect();
      profiler = null;
      return profile;
    },
    /** Writes a heap snapshot (after a GC) and returns its path, for tools/heap-diff. */
    "heap:snapshot": (payload) => {
      if (globalThis.gc) for (let i = 0; i < 4; i++) globalThis.gc();
      return writeHeapSnapshot((payload as { path?: string } | undefined)?.path);
    },
    ...extra,
  };
  process.on("message", async (raw) => {
    const msg = raw as { id: number; type: string; payload?: unknown };
    const handler = handlers[msg.type];
    const payload = handler ? await handler(msg.payload) : { error: `unknown request ${msg.type}` };
    process.send?.({ id: msg.id, type: msg.type, payload });
  });
  // The parent going away ends the child: no orphaned hubs after a crashed benchmark.
  process.on("disconnect", () => process.exit(0));
}
