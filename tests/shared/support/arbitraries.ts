// fast-check generators for engine properties: small multi-room, multi-day schedules in a
// pinned zone, and change logs aimed at their sessions (and at sessions that do not exist).
import fc from "fast-check";
import type { Change, ChangeInputRaw, Event, SessionInput, SessionType } from "../../../shared/model.js";
import { ChangeInputSchema } from "../../../shared/model.js";
import { local, makeEvent } from "./builders.js";

export const ZONE = "America/Los_Angeles";
const DATES = ["2025-03-06", "2025-03-07"];
const MIN = 60_000;

const roomDayArb = fc.record({
  slots: fc.array(
    fc.record({
      gap: fc.constantFrom(0, 0, 5, 15, 30),
      minutes: fc.constantFrom(0, 10, 25, 30, 30, 60, 90),
      type: fc.constantFrom<SessionType>("talk", "talk", "talk", "break", "lunch", "workshop"),
      openEnded: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      cancelled: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    }),
    { maxLength: 7 },
  ),
  umbrella: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  background: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});

/** Events of 1–3 rooms over 1–2 days; sessions run back to back or with gaps, with some umbrellas and background sessions. */
export const eventArb: fc.Arbitrary<Event> = fc
  .record({ rooms: fc.integer({ min: 1, max: 3 }), days: fc.integer({ min: 1, max: 2 }), plan: fc.array(roomDayArb, { minLength: 6, maxLength: 6 }) })
  .map(({ rooms, days, plan }) => {
    const sessions: SessionInput[] = [];
    let n = 0;
    for (let r = 0; r < rooms; r++) {
      for (let d = 0; d < days; d++) {
        const day = plan[r * 2 + d]!;
        const date = DATES[d]!;
        let cursor = local(`${date} 09:00`, ZONE);
        const first = cursor;
        for (const s of day.slots) {
          const start = cursor + s.gap * MIN;
          const end = start + s.minutes * MIN;
          sessions.push({ key: `s${n++}`, roomId: `r${r}`, title: `Talk ${n}`, type: s.type, start, end: s.openEnded ? null : end, cancelled: s.cancelled });
          cursor = end;
        }
        if (day.umbrella && cursor > first) sessions.push({ key: `s${n++}`, roomId: `r${r}`, title: "Umbrella", start: first, end: cursor });
        if (day.background) sessions.push({ key: `s${n++}`, roomId: `r${r}`, title: "Corner", start: first - 60 * MIN, end: first + 10 * 60 * MIN });
      }
    }
    return makeEvent({ zone: ZONE, rooms: Array.from({ length: rooms }, (_, i) => ({ id: `r${i}` })), sessions });
  });

export interface ChangeSpec {
  input: ChangeInputRaw;
  at: number;
  /** For undo: which earlier change (by position) it undoes; -1 for an unknown id. */
  undoOf?: number;
}

export interface ChangeMix {
  /** Allow negative delays, retimes and early starts (explicit pull-backs). */
  pullBack: boolean;
  /** Allow undo changes. */
  undo: boolean;
  /** Only delays (absorb, positive) — for the pure absorb properties. */
  absorbOnly?: boolean;
}

/** Change specs for an event; session and room ids sometimes miss on purpose (orphans). */
export function changeSpecsArb(event: Event, mix: ChangeMix, maxLength = 12): fc.Arbitrary<ChangeSpec[]> {
  const keys = event.sessions.map((s) => s.key);
  const key = keys.length > 0 ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constant("ghost") }) : fc.constant("ghost");
  const rooms = event.rooms.map((r) => r.id);
  const room = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...rooms) }, { weight: 1, arbitrary: fc.constant("nowhere") });
  const startOf = (k: string) => event.sessions.find((s) => s.key === k)?.start ?? local("2025-03-06 10:00", ZONE);
  const base = local("2025-03-06 08:00", ZONE);
  const minutes = mix.pullBack ? fc.integer({ min: -60, max: 120 }) : fc.integer({ min: 1, max: 120 });
  const delay = fc.record({ k: key, m: minutes, shift: fc.boolean() }).map(({ k, m, shift }) => ({
    input: { kind: "delay", sessionKey: k, minutes: m, mode: shift && !mix.absorbOnly ? "shift-all" : "absorb" } as ChangeInputRaw,
    at: startOf(k),
  }));
  if (mix.absorbOnly) return fc.array(delay, { maxLength });
  const early = mix.pullBack ? -10 : 0;
  const arbs: fc.Arbitrary<ChangeSpec>[] = [
    delay,
    fc.record({ k: key, d: fc.integer({ min: early, max: 40 }) }).map(({ k, d }) => ({ input: { kind: "started", sessionKey: k }, at: startOf(k) + d * MIN })),
    fc.record({ k: key, d: fc.integer({ min: 0, max: 70 }) }).map(({ k, d }) => ({ input: { kind: "ended", sessionKey: k }, at: startOf(k) + d * MIN })),
    key.map((k) => ({ input: { kind: "cancel", sessionKey: k }, at: base })),
    key.map((k) => ({ input: { kind: "restore", sessionKey: k }, at: base })),
    fc.record({ k: key, r: room }).map(({ k, r }) => ({ input: { kind: "move", sessionKey: k, roomId: r }, at: base })),
    key.map((k) => ({ input: { kind: "edit", sessionKey: k, fields: { title: `Edited ${k}` } }, at: base })),
    fc.record({ r: room, h: fc.integer({ min: 9, max: 16 }), len: fc.constantFrom(0, 15, 45) }).map(({ r, h, len }) => {
      const start = local(`2025-03-06 ${String(h).padStart(2, "0")}:00`, ZONE);
      return { input: { kind: "add", session: { roomId: r, title: "BoF", start, end: start + len * MIN } }, at: base };
    }),
    fc.record({ r: room, s: fc.constantFrom("open", "full", "closed") as fc.Arbitrary<"open" | "full" | "closed"> }).map(({ r, s }) => ({
      input: { kind: "room-status", roomId: r, status: s },
      at: base,
    })),
    fc.constantFrom("a1", "a2").map((id) => ({ input: { kind: "announce", announcementId: id, text: `Note ${id}` }, at: base })),
    fc.constantFrom("a1", "a2").map((id) => ({ input: { kind: "withdraw", announcementId: id }, at: base })),
    fc.option(fc.integer({ min: 1, max: 60 })).map((rate) => ({ input: { kind: "clock", set: rate === null ? null : { virtual: base, rate } }, at: base })),
  ];
  if (mix.pullBack) {
    arbs.push(
      fc.record({ k: key, d: fc.integer({ min: -60, max: 120 }), len: fc.constantFrom(0, 20, 30, 60) }).map(({ k, d, len }) => {
        const start = startOf(k) + d * MIN;
        return { input: { kind: "retime", sessionKey: k, start, end: start + len * MIN }, at: base };
      }),
    );
  }
  if (mix.undo) arbs.push(fc.integer({ min: -1, max: 30 }).map((undoOf) => ({ input: { kind: "undo", changeId: "x" }, at: base, undoOf })));
  return fc.array(fc.oneof(...arbs), { maxLength });
}

/** Stamps specs into changes c1, c2 … (an undo aims at an earlier change, or at an unknown id). */
export function stamp(specs: readonly ChangeSpec[], firstSeq = 1): Change[] {
  return specs.map((spec, i) => {
    const seq = firstSeq + i;
    let input = spec.input;
    if (input.kind === "undo") {
      const target = spec.undoOf ?? -1;
      input = { kind: "undo", changeId: target < 0 || i === 0 ? "c-unknown" : `c${firstSeq + (target % (i || 1))}` };
    }
    return { ...ChangeInputSchema.parse(input), id: `c${seq}`, seq, at: spec.at, realAt: spec.at, author: "prop" } as Change;
  });
}
