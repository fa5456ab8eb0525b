// Importing the largest sample schedule while 1,000 screens are connected: end-to-end time,
// the hub's event-loop delay meanwhile (parsing runs in a worker), and proof that importing the
// same file again sends nothing to screens.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pause } from "./lib/broadcast-rounds.js";
import type { LoopDelay } from "./lib/child-protocol.js";
import { REPO_ROOT } from "./lib/children.js";
import { login } from "./lib/admin.js";
import { startBenchHub } from "./lib/hub.js";
import type { BenchOptions, BenchResult } from "./lib/report.js";
import { BENCH_VIEWS, closeScreens, connectScreens } from "./lib/screen-client.js";
import { median, type Row, verdict } from "./lib/stats.js";
import { measureReference } from "./broadcast.js";

const SAMPLES = resolve(REPO_ROOT, "../shared/formats/samples");
const PLANET_NIX_FILE = resolve(REPO_ROOT, "server/demo/planet-nix-2025.json");
const MAX_END_TO_END_MS = 400;
const MAX_LOOP_P99_MS = 20;

function largestSample(): string {
  const files = readdirSync(SAMPLES)
    .filter((f) => /\.(xml|json|ics)$/i.test(f) && !/invalid/i.test(f))
    .map((f) => join(SAMPLES, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
}

interface RunFigures {
  answeredMs: number;
  allMs: number;
  received: number;
  refFirstMs: number;
  refWarmMs: number;
  loop: LoopDelay;
  totalMB: number;
  maxKB: number;
  againMs: number;
  loopAgain: LoopDelay;
  resent: number;
  againApplied: string;
}

/** One import on a new hub with `screenCount` fresh screens, then the same file again, then the ws reference. */
async function oneRun(file: string, body: ReturnType<typeof readFileSync>, screenCount: number, clockStart: number): Promise<RunFigures> {
  // The Planet Nix schedule imported from its file (not the demo, whose changes an import drops),
  // with the rehearsal clock on the first morning of the schedule about to be imported: the clock
  // change survives the import, so lobbies then carry that congress's first two days, as when a
  // schedule is re-imported during an event (after it, a lobby would carry only its last day).
  const hub = await startBenchHub({ demo: null, scheduleFile: PLANET_NIX_FILE, clockStart });
  let stopped = false;
  try {
    const cookie = await login(hub.httpUrl, "bench-password");
    const screens = await connectScreens(hub.wsUrl, screenCount);
    const post = () =>
      fetch(`${hub.httpUrl}/api/import?name=${encodeURIComponent(file.split("/").pop() ?? "upload")}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/octet-stream" },
        body,
      });

    let received = 0;
    let lastAt = 0;
    for (const s of screens) {
      s.onReceipt = (_screen, r) => {
        received++;
        lastAt = r.at;
      };
    }
    for (const s of screens) s.bytesIn = 0;
    for (const view of BENCH_VIEWS) {
      const first = screens.find((s) => s.view === view);
      if (first) first.captureFrame = true;
    }
    await hub.child.request("loop:start");
    const t0 = performance.now();
    const res = await post();
    const answeredMs = performance.now() - t0;
    const answer = (await res.json()) as { ok: boolean; applied?: boolean; version?: number; message?: string };
    if (!answer.ok) throw new Error(`import refused: ${answer.message}`);
    const deadline = performance.now() + 60_000;
    while (received < screenCount && performance.now() < deadline) await pause(10);
    const allMs = lastAt - t0;
    const loop = await hub.child.request<LoopDelay>("loop:read");
    // What the broadcast weighs: a lobby carries every room's sessions, the bulk of the bytes.
    const bytes = screens.map((s) => s.bytesIn);
    const totalMB = bytes.reduce((a, b) => a + b, 0) / 1024 / 1024;
    const maxKB = Math.max(...bytes) / 1024;
    const updated = received;

    // The same file again: nothing changed, so no screen may receive anything.
    // Its preparation (parse and diff against the 1.2 MB schedule now held) runs in the worker.
    await hub.child.request("loop:start");
    const t1 = performance.now();
    const again = (await (await post()).json()) as { ok: boolean; applied?: boolean };
    const againMs = performance.now() - t1;
    const loopAgain = await hub.child.request<LoopDelay>("loop:read");
    await pause(1500);
    const resent = received - updated;
    const frames: Record<string, string> = {};
    for (const s of screens) if (s.captureFrame && s.lastFrame) frames[s.view] = s.lastFrame.toString();
    closeScreens(screens);
    await hub.stop();
    stopped = true;
    // The floor under "all screens updated": a plain ws server sending the same frames to the
    // same number of clients, received by the same code on the same core. Its first send, like
    // the import's (the first large one on these connections, their TCP windows still small),
    // and then warm.
    const reference = await measureReference(screenCount, 5, frames, 0);
    return {
      answeredMs,
      allMs,
      received: updated,
      refFirstMs: reference.rounds[0]?.allMs ?? Number.NaN,
      refWarmMs: median(reference.rounds.slice(1).map((r) => r.allMs)),
      loop,
      totalMB,
      maxKB,
      againMs,
      loopAgain,
      resent,
      againApplied: String(again.applied ?? "?"),
    };
  } finally {
    if (!stopped) await hub.stop();
  }
}

/** 10:00 on the first day of the schedule in `file` (its earliest session start, in UTC, at 10:00 that day). */
function firstMorning(file: string): number {
  const starts = [...readFileSync(file, "utf8").matchAll(/"date":\s*"(\d{4}-\d{2}-\d{2})T/g)].map((m) => m[1] as string).sort();
  const day = starts[0];
  if (!day) throw new Error(`no session dates found in ${file}`);
  return Date.parse(`${day}T10:00:00Z`);
}

/** Independent runs (a new hub and new screens each); one with --quick. */
const RUNS = 5;

export async function run(options: BenchOptions): Promise<BenchResult> {
  const screenCount = options.quick ? 200 : 1000;
  const file = largestSample();
  const body = readFileSync(file);
  const clockStart = firstMorning(file);
  const runs: RunFigures[] = [];
  for (let i = 0; i < (options.quick ? 1 : RUNS); i++) runs.push(await oneRun(file, body, screenCount, clockStart));
  const med = (pick: (r: RunFigures) => number) => median(runs.map(pick));
  const each = (pick: (r: RunFigures) => number) => runs.map((r) => pick(r).toFixed(1)).join(" / ");
  const answeredMs = med((r) => r.answeredMs);
  const allMs = med((r) => r.allMs);
  const loopP99 = med((r) => r.loop.p99Ms);
  const fewest = Math.min(...runs.map((r) => r.received));
  const resent = Math.max(...runs.map((r) => r.resent));
  const rows: Row[] = [
    { figure: "POST /api/import answered (ms)", value: answeredMs, target: MAX_END_TO_END_MS, verdict: verdict(answeredMs, MAX_END_TO_END_MS) },
    { figure: "  each run (ms)", value: each((r) => r.answeredMs), target: null, verdict: "" },
    { figure: `POST → all ${screenCount} screens updated (ms)`, value: allMs, target: MAX_END_TO_END_MS, verdict: fewest >= screenCount ? verdict(allMs, MAX_END_TO_END_MS) : `only ${fewest} updated` },
    { figure: "  each run (ms)", value: each((r) => r.allMs), target: null, verdict: "" },
    { figure: `plain ws sending the same frames to ${screenCount} fresh clients, first send (ms)`, value: med((r) => r.refFirstMs), target: null, verdict: "" },
    { figure: "  the same, median of the next 4 sends (ms)", value: med((r) => r.refWarmMs), target: null, verdict: "" },
    { figure: "hub event-loop delay p99 meanwhile (ms)", value: loopP99, target: MAX_LOOP_P99_MS, verdict: verdict(loopP99, MAX_LOOP_P99_MS) },
    { figure: "  each run (ms)", value: each((r) => r.loop.p99Ms), target: null, verdict: "" },
    { figure: "hub event-loop delay max meanwhile (ms)", value: med((r) => r.loop.maxMs), target: null, verdict: "" },
    { figure: "bytes sent to screens by the import (MB, all screens)", value: med((r) => r.totalMB), target: null, verdict: "" },
    { figure: "largest snapshot one screen received (kB)", value: med((r) => r.maxKB), target: null, verdict: "" },
    { figure: "re-importing the same file answered (ms)", value: med((r) => r.againMs), target: null, verdict: "" },
    { figure: "hub event-loop delay p99 / max while re-importing (ms)", value: `${med((r) => r.loopAgain.p99Ms).toFixed(1)} / ${med((r) => r.loopAgain.maxMs).toFixed(1)}`, target: null, verdict: "" },
    { figure: "frames sent to screens by re-importing the same file (most in a run)", value: resent, target: 0, verdict: resent === 0 ? "ok" : "MISSED" },
    { figure: "second import applied? (each run)", value: runs.map((r) => r.againApplied).join(" / "), target: null, verdict: "" },
  ];
  return {
    title: `Import of ${file.split("/").pop()} (${(body.length / 1024 / 1024).toFixed(2)} MB) through POST /api/import with ${screenCount} screens connected, median of ${runs.length} runs`,
    rows,
    data: { file, bytes: body.length, runs },
    notes: [
      "Screens start on Planet Nix (room-1, room-2, lobby); after the import every view changes, so every screen gets a snapshot.",
      `The hub's rehearsal clock reads ${new Date(clockStart).toISOString()} (the imported schedule's first morning): lobbies carry its first two days.`,
      "Each run is a new hub with new screens: the import is the first large send on their connections, as on a venue's morning.",
    ],
  };
}
