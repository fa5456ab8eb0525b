// Per-room sorted arrays of an effective schedule, built once per schedule object and reused by
// every whatIsOn call (a screen asks every second; a lobby asks for 60 rooms at once).
import type { EffectiveSchedule, EffectiveSession } from "./model.js";
import { BREAK_TYPES } from "./views.js";
import { BACKGROUND_MIN_MS } from "./fold-state.js";
import { conferenceDayOf } from "./zoned.js";

export interface RoomIndex {
  /** Sessions that run (not cancelled, not moved out), shorter than background, by start then end. */
  runs: EffectiveSession[];
  runStarts: number[];
  /** Longest of `runs`, ms: how far back a session containing an instant can start. */
  longestRunMs: number;
  /** Background sessions that run, by start. */
  background: EffectiveSession[];
  /** Cancelled slots and moved-out markers, by start. */
  skipped: EffectiveSession[];
  /** Earliest start of anything that runs in the room, UTC ms; null for an empty room. */
  firstStart: number | null;
}

export interface ScheduleIndex {
  rooms: Map<string, RoomIndex>;
  /** Room ids in lobby order (`order`, then position), whatever order the schedule lists them in. */
  roomOrder: string[];
  dayOf: (at: number) => string;
}

/** A cancelled slot or moved-out marker: shown as such, never as what runs in the room. */
export const isSkipped = (s: EffectiveSession): boolean => s.status === "cancelled" || s.status === "moved-out";
/** A break a delay shrank to nothing: there is no break left to show. */
export const isAbsorbedBreak = (s: EffectiveSession): boolean => s.end === s.start && BREAK_TYPES.has(s.type);

const EMPTY_ROOM: RoomIndex = { runs: [], runStarts: [], longestRunMs: 0, background: [], skipped: [], firstStart: null };

// Effective schedules are immutable values; a WeakMap lets each be indexed once and freed with it.
const cache = new WeakMap<EffectiveSchedule, ScheduleIndex>();

export function indexOf(effective: EffectiveSchedule): ScheduleIndex {
  let index = cache.get(effective);
  if (!index) {
    index = buildIndex(effective);
    cache.set(effective, index);
  }
  return index;
}

export function roomIndex(index: ScheduleIndex, roomId: string): RoomIndex {
  return index.rooms.get(roomId) ?? EMPTY_ROOM;
}

function buildIndex(effective: EffectiveSchedule): ScheduleIndex {
  const rooms = new Map<string, RoomIndex>();
  const room = (id: string): RoomIndex => {
    let r = rooms.get(id);
    if (!r) {
      r = { runs: [], runStarts: [], longestRunMs: 0, background: [], skipped: [], firstStart: null };
      rooms.set(id, r);
    }
    return r;
  };
  for (const s of effective.sessions) {
    const r = room(s.roomId);
    if (isSkipped(s)) r.skipped.push(s);
    else if (isAbsorbedBreak(s)) continue;
    else if (s.end - s.start > BACKGROUND_MIN_MS) r.background.push(s);
    else r.runs.push(s);
  }
  const byStart = (a: EffectiveSession, b: EffectiveSession) => a.start - b.start || a.end - b.end;
  for (const r of rooms.values()) {
    r.runs.sort(byStart);
    r.background.sort(byStart);
    r.skipped.sort(byStart);
    r.runStarts = r.runs.map((s) => s.start);
    r.longestRunMs = r.runs.reduce((m, s) => Math.max(m, s.end - s.start), 0);
    const firsts = [r.runs[0]?.start, r.background[0]?.start].filter((x): x is number => x !== undefined);
    r.firstStart = firsts.length > 0 ? Math.min(...firsts) : null;
  }
  const roomOrder = effective.rooms
    .map((room, i) => ({ room, i }))
    .sort((a, b) => a.room.order - b.room.order || a.i - b.i)
    .map(({ room }) => room.id);
  return { rooms, roomOrder, dayOf: conferenceDayOf(effective.event.timeZone, effective.event.dayChangeHour) };
}

/** Index of the first value >= x in an ascending array. */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value > x in an ascending array. */
export function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
