// A hub in its own process for benchmarks and the reliability suite: starts Roomcast with the
// options given as JSON in argv[2], reports "ready" with its port over IPC (and on stdout as
// `ROOMCAST_PORT=<port>` for plain spawns), then answers cpu/memory/loop-delay requests.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { importWorkerWarm } from "../../server/import/worker.js";
import { startRoomcast, type RoomcastOptions } from "../../server/roomcast.js";
import { serveRequests } from "./child-protocol.js";

interface HubChildOptions extends Partial<RoomcastOptions> {
  dataDir: string;
  /** Start measuring event-loop delay before the hub starts (restart benchmark). */
  monitorLoopFromStart?: boolean;
  /**
   * Load everything, say "warm", and start the hub only on a "start" message: a restart then
   * costs the hub's start, not Node's and tsx's (the kill test warms the next hub meanwhile).
   */
  waitForStart?: boolean;
}

const options = JSON.parse(process.argv[2] ?? "{}") as HubChildOptions;
if (options.waitForStart) {
  const started = new Promise<void>((resolve) =>
    process.on("message", (m) => {
      if ((m as { type?: string }).type === "start") resolve();
    }),
  );
  process.send?.({ type: "warm" });
  await started;
}
const startupLoop = options.monitorLoopFromStart ? monitorEventLoopDelay({ resolution: 2 }) : null;
startupLoop?.enable();
const startedAt = performance.now();

const hub = await startRoomcast({
  port: 0,
  host: "127.0.0.1",
  demo: "planet-nix-2025",
  scheduleFile: null,
  adminPassword: "bench-password",
  distDir: "dist",
  quiet: true,
  ...options,
});

// From "ready" on, a second histogram: the hub serving reconnecting screens, without its own start.
const servingLoop = options.monitorLoopFromStart ? monitorEventLoopDelay({ resolution: 2 }) : null;
servingLoop?.enable();
// When the long stalls happened (ms after ready, and how long), to tell a slow start from a burst.
const readyAt = performance.now();
const stalls: { atMs: number; ms: number }[] = [];
if (options.monitorLoopFromStart) {
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    if (now - last > 100 && stalls.length < 50) stalls.push({ atMs: Math.round(last - readyAt), ms: Math.round(now - last) });
    last = now;
  }, 10);
  tick.unref();
}
const read = (h: ReturnType<typeof monitorEventLoopDelay>) => ({
  p50Ms: h.percentile(50) / 1e6,
  p99Ms: h.percentile(99) / 1e6,
  maxMs: h.max / 1e6,
  count: h.count,
});

serveRequests({
  // The import worker starts once the hub is quiet; an import benchmark times a running hub's.
  "import-worker:warm": async () => {
    await importWorkerWarm();
    return true;
  },
  "startup-loop": () => (startupLoop && servingLoop ? { sinceStart: read(startupLoop), sinceReady: read(servingLoop), stalls } : null),
  close: async () => {
    await hub.close();
    return true;
  },
});
// Like server/main.ts: SIGTERM writes what the hub batches and exits, leaving the sockets to
// the OS; SIGKILL (the reliability suite) gets no such chance.
process.once("SIGTERM", () => {
  try {
    hub.shutdown();
    process.exit(0);
  } catch {
    process.exit(1);
  }
});
const ready = { port: hub.port, url: hub.url, adminPassword: hub.adminPassword, startMs: performance.now() - startedAt };
process.send?.({ type: "ready", payload: ready });
if (!process.send) process.stdout.write(`ROOMCAST_PORT=${hub.port}\n`);
