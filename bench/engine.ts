// The schedule engine's speed: fold of a 1,000-session, 60-room event with 500 changes (target
// under 50 ms) and whatIsOn for all 60 rooms (target under 5 ms), one core, median and p99.
// `npm run bench -- engine` or `npx tsx bench/engine.ts`.
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import type { Change, ChangeInput, Event, SessionInput, SessionType } from "../shared/model.js";
import { EventSchema } from "../shared/model.js";
import { whatIsOn } from "../shared/on-air.js";
import { fold } from "../shared/timeline.js";
import { type BenchOptions, type BenchResult, writeResult } from "./lib/report.js";
import { formatTable, median, p99, type Row, verdict } from "./lib/stats.js";

export const FOLD_TARGET_MS = 50;
export const WHAT_IS_ON_TARGET_MS = 5;

const ROOMS = 60;
const SESSIONS = 1000;
const CHANGES = 500;
const MIN = 60_000;
// 2026-12-27 10:00 in Europe/Berlin (CET, UTC+1), a congress-like event over two days.
const DAY_ONE_10H = Date.UTC(2026, 11, 27, 9);
const DAY_MS = 24 * 60 * MIN;

/** A small deterministic PRNG, so every run measures the same schedule and log. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchEvent(): Event {
  const random = prng(1);
  const sessions: SessionInput[] = [];
  const types: SessionType[] = ["talk", "talk", "talk", "talk", "workshop", "lightning", "break", "lunch"];
  for (let i = 0; i < SESSIONS; i++) {
    const room = i % ROOMS;
    const slotInRoom = Math.floor(i / ROOMS);
    const day = slotInRoom % 2;
    const position = Math.floor(slotInRoom / 2);
    const start = DAY_ONE_10H + day * DAY_MS + position * 45 * MIN + Math.floor(random() * 3) * 5 * MIN;
    const minutes = [20, 25, 30, 40][Math.floor(random() * 4)]!;
    sessions.push({
      key: `s${i}`,
      roomId: `room-${room}`,
      title: `Session ${i}: keeping screens honest under load`,
      type: types[Math.floor(random() * types.length)]!,
      start,
      end: random() < 0.1 ? null : start + minutes * MIN,
      speakers: ["Jane Doe", "Ada Lovelace"],
      abstract: "Signage that keeps working when the Wi-Fi drops and the hub restarts.",
    });
  }
  return EventSchema.parse({
    id: "bench",
    title: "Bench Congress",
    timeZone: "Europe/Berlin",
    rooms: Array.from({ length: ROOMS }, (_, r) => ({ id: `room-${r}`, name: `Hall ${r}`, order: r })),
    sessions,
  });
}

export function benchChanges(event: Event): Change[] {
  const random = prng(2);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const changes: Change[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const session = pick(event.sessions);
    const key = session.key;
    const roll = random();
    let input: ChangeInput;
    let at = session.start;
    if (roll < 0.35) input = { kind: "delay", sessionKey: key, minutes: 5 + Math.floor(random() * 20), mode: "absorb" };
    else if (roll < 0.45) input = { kind: "delay", sessionKey: key, minutes: 10, mode: "shift-all" };
    else if (roll < 0.55) {
      input = { kind: "started", sessionKey: key };
      at = session.start + Math.floor(random() * 10) * MIN;
    } else if (roll < 0.62) {
      input = { kind: "ended", sessionKey: key };
      at = session.start + 25 * MIN;
    } else if (roll < 0.7) input = { kind: random() < 0.7 ? "cancel" : "restore", sessionKey: key };
    else if (roll < 0.75) input = { kind: "move", sessionKey: key, roomId: pick(event.rooms).id };
    else if (roll < 0.8) input = { kind: "retime", sessionKey: key, start: session.start + 15 * MIN, end: session.start + 45 * MIN };
    else if (roll < 0.84) input = { kind: "edit", sessionKey: key, fields: { title: `Edited ${key}` } };
    else if (roll < 0.87) {
      const start = session.start + 60 * MIN;
      input = { kind: "add", session: { roomId: session.roomId, title: "BoF", type: "talk", start, end: start + 30 * MIN, speakers: [], abstract: "", track: null } };
    } else if (roll < 0.9) input = { kind: "room-status", roomId: pick(event.rooms).id, status: pick(["open", "full", "closed"] as const) };
    else if (roll < 0.94) {
      input = { kind: "announce", announcementId: `a${i % 7}`, text: "Coffee in the lobby", level: "info", target: { kind: "all" }, start: null, end: null };
    } else if (roll < 0.97 && changes.length > 0) input = { kind: "undo", changeId: pick(changes).id };
    else input = { kind: "delay", sessionKey: random() < 0.5 ? "gone-after-reimport" : key, minutes: 5, mode: "absorb" };
    changes.push({ ...input, id: `c${i + 1}`, seq: i + 1, at, realAt: at, author: "bench" } as Change);
  }
  return changes;
}

interface Sample {
  wallMs: number;
  /** CPU time of this process, ms: what the engine costs when other processes take the cores. */
  cpuMs: number;
}

function time(fn: () => void): Sample {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function row(measure: string, samples: readonly Sample[], target: number): Row {
  const wall = samples.map((x) => x.wallMs);
  const cpu = samples.map((x) => x.cpuMs);
  return {
    measure,
    "median ms": median(wall),
    "p99 ms": p99(wall),
    "cpu median ms": median(cpu),
    "cpu p99 ms": p99(cpu),
    "target ms": target,
    verdict: verdict(p99(wall), target),
  };
}

export async function run(options: BenchOptions = { quick: false }): Promise<BenchResult> {
  const event = benchEvent();
  const changes = benchChanges(event);
  const runs = options.quick ? 50 : 500;
  for (let i = 0; i < 10; i++) fold(event, changes); // warm the JIT
  const foldMs: Sample[] = [];
  const coldMs: Sample[] = [];
  const warmMs: Sample[] = [];
  const instants = Array.from({ length: 20 }, (_, i) => DAY_ONE_10H + i * 37 * MIN);
  let roomsSeen = 0;
  for (let r = 0; r < runs; r++) {
    let effective = fold(event, changes);
    foldMs.push(time(() => (effective = fold(event, changes))));
    const at = instants[r % instants.length]!;
    // Cold: the first call on a new schedule builds the per-room index; warm: a screen's next tick.
    const first = effective;
    coldMs.push(time(() => (roomsSeen = whatIsOn(first, "lobby", at).rooms.length)));
    warmMs.push(time(() => whatIsOn(first, "lobby", at + 1000)));
  }
  const effective = fold(event, changes);
  const rows: Row[] = [
    row("fold (1,000 sessions, 60 rooms, 500 changes)", foldMs, FOLD_TARGET_MS),
    row(`whatIsOn all ${roomsSeen} rooms, first call (builds index)`, coldMs, WHAT_IS_ON_TARGET_MS),
    row(`whatIsOn all ${roomsSeen} rooms, next tick`, warmMs, WHAT_IS_ON_TARGET_MS),
  ];
  const summary = (samples: readonly Sample[]) => ({
    median: median(samples.map((x) => x.wallMs)),
    p99: p99(samples.map((x) => x.wallMs)),
    cpuMedian: median(samples.map((x) => x.cpuMs)),
    cpuP99: p99(samples.map((x) => x.cpuMs)),
  });
  return {
    title: `Schedule engine on one core: ${runs} runs after a warm-up`,
    rows,
    data: {
      runs,
      sessions: event.sessions.length,
      effectiveSessions: effective.sessions.length,
      rooms: ROOMS,
      changes: changes.length,
      orphaned: effective.orphaned.length,
      loadAverage: loadavg(),
      foldMs: summary(foldMs),
      whatIsOnFirstCallMs: summary(coldMs),
      whatIsOnNextTickMs: summary(warmMs),
    },
    notes: [
      `node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores`,
      "verdict on wall-clock p99; on a shared machine the p99 is mostly time the process was not scheduled (compare the cpu columns)",
      "the first whatIsOn after a fold also pays for collecting that fold's garbage when a GC falls there; a screen's every-second tick is the next-tick row",
      `${effective.orphaned.length} of ${changes.length} changes orphaned on purpose (unknown sessions)`,
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run({ quick: process.argv.includes("--quick") });
  console.log(result.title);
  console.log(formatTable(result.rows));
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  console.log(`→ ${writeResult("engine", result)}`);
}
