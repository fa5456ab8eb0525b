// Hub restart with 5,000 screens connected: time until every screen holds the current schedule
// again, the hub's event-loop delay while they all come back, and the bytes each resync costs
// for a screen already current and one a single version behind.
import { createServer } from "node:net";
import { RECONNECT_JITTER, RECONNECT_MAX_MS, RECONNECT_MIN_MS } from "../display/stores/connection.js";
import { announceToAll } from "./lib/admin.js";
import { pause } from "./lib/broadcast-rounds.js";
import type { LoopDelay } from "./lib/child-protocol.js";
import { startBenchHub } from "./lib/hub.js";
import type { BenchOptions, BenchResult } from "./lib/report.js";
import { type BenchScreen, closeScreens, connectScreens } from "./lib/screen-client.js";
import { max, median, type Row, verdict } from "./lib/stats.js";

const MAX_RESYNC_MS = 6000;
const MAX_LOOP_P99_MS = 50;
const MAX_LOOP_MAX_MS = 250;
const MAX_BYTES_BEHIND_ONE = 4096;
const MAX_BYTES_CURRENT = 200;
/** Restarts measured; the rows give their median (one with --quick). */
const RUNS = 5;

/** A free loopback port: the restarted hub must come back where the screens look for it. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

type Loops = { sinceStart: LoopDelay; sinceReady: LoopDelay; stalls: { atMs: number; ms: number }[] } | null;

interface Restart {
  resynced: number;
  outcome: "done" | "timeout";
  allMs: number;
  oldGoneMs: number;
  hubUpMs: number;
  loops: Loops;
  bytesCurrent: number;
  bytesStale: number;
  versionsAfter: number;
}

/** One restart: connect, change, SIGTERM, start again on the same port and data, wait for all. */
async function restartOnce(screenCount: number): Promise<Restart> {
  const port = await freePort();
  const first = await startBenchHub({ port });
  const screens = await connectScreens(first.wsUrl, screenCount, { reconnect: true });
  const ack = await first.admin.apply(announceToAll(1));
  if (!ack.ok) throw new Error(`change refused: ${ack.error}`);
  await pause(1000);
  const version = ack.version;
  const behind = new Set<BenchScreen>();
  // Every other screen pretends it missed the last change: it says hello with version − 1.
  screens.forEach((s, i) => {
    if (i % 2 === 1) {
      s.version = version - 1;
      behind.add(s);
    }
  });

  const resynced = new Map<BenchScreen, number>();
  let allBack: () => void = () => {};
  const done = new Promise<void>((r) => (allBack = r));
  for (const s of screens) {
    s.onResync = (screen) => {
      resynced.set(screen, performance.now());
      if (resynced.size === screens.length) allBack();
    };
  }
  // Bytes count from the moment the old hub is gone, so they include the handshake.
  const t0 = performance.now();
  await first.child.kill("SIGTERM");
  const oldGoneMs = performance.now() - t0;
  first.admin.close();
  for (const s of screens) s.bytesIn = 0;
  // demo: null restarts from the data directory like a real event's hub. (With the demo on,
  // every start rewinds the rehearsal clock: a new version, so every screen needs a snapshot.)
  const second = await startBenchHub({ port, dataDir: first.dataDir, monitorLoopFromStart: true, demo: null, settle: false });
  const hubUpMs = second.listeningAt - t0;
  const timeout = pause(30_000).then(() => "timeout" as const);
  const outcome = await Promise.race([done.then(() => "done" as const), timeout]);
  const allMs = max([...resynced.values()]) - t0;
  const loops = await second.child.request<Loops>("startup-loop");
  const bytes = (group: BenchScreen[]) => median(group.map((s) => s.bytesIn));
  const current = screens.filter((s) => !behind.has(s));
  const stale = screens.filter((s) => behind.has(s));
  const versionsAfter = new Set(screens.map((s) => s.version)).size;
  closeScreens(screens);
  await second.stop();
  return { resynced: resynced.size, outcome, allMs, oldGoneMs, hubUpMs, loops, bytesCurrent: bytes(current), bytesStale: bytes(stale), versionsAfter };
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const screenCount = options.quick ? 1000 : 5000;
  const runs: Restart[] = [];
  for (let i = 0; i < (options.quick ? 1 : RUNS); i++) runs.push(await restartOnce(screenCount));
  const med = (pick: (r: Restart) => number) => median(runs.map(pick));
  const resynced = Math.min(...runs.map((r) => r.resynced));
  const outcome = runs.every((r) => r.outcome === "done") ? "done" : "timeout";
  const allMs = med((r) => r.allMs);
  const oldGoneMs = med((r) => r.oldGoneMs);
  const hubUpMs = med((r) => r.hubUpMs);
  const loopP99 = med((r) => r.loops?.sinceReady.p99Ms ?? Number.NaN);
  const loopMax = med((r) => r.loops?.sinceReady.maxMs ?? Number.NaN);
  const versionsAfter = Math.max(...runs.map((r) => r.versionsAfter));
  const list = (pick: (r: Restart) => number) => runs.map((r) => pick(r).toFixed(0)).join(" / ");

  const rows: Row[] = [
    { figure: "screens resynchronised (fewest of the runs)", value: resynced, target: screenCount, verdict: outcome === "done" ? "ok" : "MISSED (timeout 30 s)" },
    { figure: "restart → all screens resynchronised (ms)", value: allMs, target: MAX_RESYNC_MS, verdict: verdict(allMs, MAX_RESYNC_MS) },
    { figure: "  each run (ms)", value: list((r) => r.allMs), target: null, verdict: "" },
    { figure: "restart → old hub exited (ms)", value: oldGoneMs, target: null, verdict: "" },
    { figure: "restart → new hub listening (ms)", value: hubUpMs, target: null, verdict: "" },
    { figure: "new hub listening → all screens resynchronised (ms)", value: med((r) => r.allMs - r.hubUpMs), target: null, verdict: "" },
    { figure: "hub event-loop delay p99 / max including its own start (ms)", value: `${med((r) => r.loops?.sinceStart.p99Ms ?? Number.NaN).toFixed(1)} / ${med((r) => r.loops?.sinceStart.maxMs ?? Number.NaN).toFixed(1)}`, target: null, verdict: "" },
    { figure: "hub event-loop delay p99 during resync (ms)", value: loopP99, target: MAX_LOOP_P99_MS, verdict: verdict(loopP99, MAX_LOOP_P99_MS) },
    { figure: "hub event-loop delay max during resync (ms)", value: loopMax, target: MAX_LOOP_MAX_MS, verdict: verdict(loopMax, MAX_LOOP_MAX_MS) },
    { figure: "  each run (ms)", value: list((r) => r.loops?.sinceReady.maxMs ?? Number.NaN), target: null, verdict: "" },
    { figure: "bytes received per resync, screen already current (median)", value: med((r) => r.bytesCurrent), target: MAX_BYTES_CURRENT, verdict: verdict(med((r) => r.bytesCurrent), MAX_BYTES_CURRENT) },
    { figure: "bytes received per resync, screen current-but-one (median)", value: med((r) => r.bytesStale), target: MAX_BYTES_BEHIND_ONE, verdict: verdict(med((r) => r.bytesStale), MAX_BYTES_BEHIND_ONE) },
    { figure: "distinct schedule versions on screens afterwards (most of the runs)", value: versionsAfter, target: 1, verdict: versionsAfter === 1 ? "ok" : "MISSED" },
  ];
  return {
    title: `Hub restart, median of ${runs.length} (SIGTERM as server/main.ts handles it; same port and data directory) with ${screenCount} screens connected; screens reconnect as the display does (socket.io-client's backoff: ${RECONNECT_MIN_MS / 1000} s doubling to ${RECONNECT_MAX_MS / 1000} s, ±${RECONNECT_JITTER * 100} %)`,
    rows,
    data: { screenCount, runs },
    notes: [
      "Bytes are WebSocket payload bytes a screen received from the new hub: engine.io open, namespace connect, hello ack with or without a snapshot.",
      "Event-loop delay (resolution 2 ms) is sampled in the new hub from the moment it listens until every screen is back; the row 'including its own start' also covers startRoomcast.",
      ...runs.map((r, i) => `Run ${i + 1}, stalls over 100 ms (ms after the new hub was ready: length): ${(r.loops?.stalls ?? []).map((s) => `${s.atMs}: ${s.ms}`).join(", ") || "none"}.`),
    ],
  };
}
