// `npm run soak [-- --minutes 8]`: a day in minutes. 500 simulated screens, a random stream
// of changes and Wi-Fi drops, the rehearsal clock at 60× through an event day. Passes when hub
// memory stays flat and every screen ends on the same version. Not part of `npm test`.
import type { ChangeInputRaw } from "../shared/model.js";
import { pause } from "./lib/broadcast-rounds.js";
import type { LoopDelay, MemorySample } from "./lib/child-protocol.js";
import { pinSelfToLoadCore } from "./lib/children.js";
import { startBenchHub } from "./lib/hub.js";
import { writeResult } from "./lib/report.js";
import { closeScreens, connectScreens } from "./lib/screen-client.js";
import { formatTable, type Row, verdict } from "./lib/stats.js";

const SCREENS = 500;
const RATE = 60;
const DAY_START = Date.parse("2025-03-06T09:00:00-08:00");
const CHANGE_EVERY_MS = 400;
/** Share of screens whose Wi-Fi drops in each change tick. */
const DROP_SHARE = 0.004;
/** Heap may grow this much after the first minute (the change log itself grows a little). */
const MAX_HEAP_GROWTH_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg("minutes", 8);

console.log(`Roomcast soak: ${SCREENS} screens, ${minutes} min at ${RATE}× — ${pinSelfToLoadCore()}`);
const hub = await startBenchHub();
const clock = await hub.admin.apply({ kind: "clock", set: { virtual: DAY_START, rate: RATE } });
if (!clock.ok) throw new Error(`clock refused: ${clock.error}`);
const screens = await connectScreens(hub.wsUrl, SCREENS, { reconnect: true, idPrefix: "soak" });
await hub.child.request("loop:start");
const keys = hub.admin.state.sessions.filter((s) => s.status === "scheduled").map((s) => s.key);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

function randomChange(n: number): ChangeInputRaw {
  const sessionKey = pick(keys);
  switch (n % 7) {
    case 0:
      return { kind: "delay", sessionKey, minutes: pick([5, 10, -5, 15]) };
    case 1:
      return { kind: "started", sessionKey };
    case 2:
      return { kind: "ended", sessionKey };
    case 3:
      return { kind: "room-status", roomId: pick(["room-1", "room-2"]), status: pick(["open", "full", "closed"] as const) };
    case 4:
      return { kind: "announce", announcementId: `soak-${n % 5}`, text: `Soak notice ${n}`, target: { kind: "all" } };
    case 5:
      return { kind: "cancel", sessionKey };
    default:
      return { kind: "restore", sessionKey };
  }
}

const samples: { minute: number; heapMB: number; rssMB: number }[] = [];
const memory = async (minute: number) => {
  const m = await hub.child.request<MemorySample>("memory", { gc: true });
  samples.push({ minute, heapMB: m.heapUsed / MB, rssMB: m.rss / MB });
  console.log(`  minute ${minute}: heap ${(m.heapUsed / MB).toFixed(1)} MB, rss ${(m.rss / MB).toFixed(1)} MB`);
};

let applied = 0;
let refused = 0;
let drops = 0;
const started = Date.now();
let nextSample = 0;
while (Date.now() - started < minutes * 60_000) {
  const elapsedMin = (Date.now() - started) / 60_000;
  if (elapsedMin >= nextSample) await memory(nextSample++);
  const result = await hub.admin.apply(randomChange(applied + refused));
  if (result.ok) applied++;
  else refused++;
  for (const s of screens) {
    if (Math.random() < DROP_SHARE) {
      drops++;
      s.ws?.terminate(); // the screen reconnects with backoff and says hello with its version
    }
  }
  await pause(CHANGE_EVERY_MS);
}

// The last word: a change every view shows, then every screen must hold that version.
const last = await hub.admin.apply({ kind: "announce", announcementId: "soak-final", text: "End of day", target: { kind: "all" } });
if (!last.ok) throw new Error("final change refused");
const deadline = Date.now() + 30_000;
while (Date.now() < deadline && screens.some((s) => s.version !== last.version)) await pause(200);
await memory(Math.round((Date.now() - started) / 60_000));
const loop = await hub.child.request<LoopDelay>("loop:read");
const versions = new Map<number | null, number>();
for (const s of screens) versions.set(s.version, (versions.get(s.version) ?? 0) + 1);
closeScreens(screens);
await hub.stop();

const baseline = samples.find((s) => s.minute === 1) ?? samples[0];
const end = samples[samples.length - 1];
const growth = ((end?.heapMB ?? 0) - (baseline?.heapMB ?? 0)) * MB;
const onFinal = versions.get(last.version) ?? 0;
const rows: Row[] = [
  { figure: "changes applied / refused", value: `${applied} / ${refused}`, target: null, verdict: "" },
  { figure: "Wi-Fi drops (screen reconnects)", value: drops, target: null, verdict: "" },
  { figure: "heap at minute 1 → end (MB)", value: `${baseline?.heapMB.toFixed(1)} → ${end?.heapMB.toFixed(1)}`, target: null, verdict: "" },
  { figure: "heap growth after minute 1 (MB)", value: growth / MB, target: MAX_HEAP_GROWTH_BYTES / MB, verdict: verdict(growth, MAX_HEAP_GROWTH_BYTES) },
  { figure: "RSS at minute 1 → end (MB)", value: `${baseline?.rssMB.toFixed(1)} → ${end?.rssMB.toFixed(1)}`, target: null, verdict: "" },
  { figure: "screens on the final version", value: onFinal, target: SCREENS, verdict: onFinal === SCREENS ? "ok" : `MISSED (${[...versions].map(([v, n]) => `${n}×v${v}`).join(", ")})` },
  { figure: "hub event-loop delay p99 / max (ms)", value: `${loop.p99Ms.toFixed(1)} / ${loop.maxMs.toFixed(1)}`, target: null, verdict: "" },
];
console.log(formatTable(rows));
console.log(`→ ${writeResult("soak", { minutes, rows, samples, loop })}`);
process.exit(onFinal === SCREENS && growth <= MAX_HEAP_GROWTH_BYTES ? 0 : 1);
