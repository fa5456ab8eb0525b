// The working state of one fold: every session's requested times (its own delays, retime,
// started/ended facts) before the room timelines are resolved by shared/absorb.
import type { Announcement, EffectiveSession, Event, OrphanedChange, RehearsalClock, RoomStatus, Session } from "./model.js";
import { conferenceDayOf, HOUR_MS, MINUTE_MS } from "./zoned.js";

/** Sessions longer than this are background (a soldering corner open all day), in ms. */
export const BACKGROUND_MIN_MS = 8 * HOUR_MS;

/** The session's own fields, as the effective schedule carries them. */
type SessionFields = Pick<
  EffectiveSession,
  "key" | "title" | "untitled" | "type" | "speakers" | "abstract" | "track" | "language" | "url" | "roomId" | "plannedStart" | "plannedEnd"
>;

export interface SessionState extends SessionFields {
  /** Imported position, then added sessions in change order: the last tie-break, for determinism. */
  ordinal: number;
  /** The room of the printed schedule (or of the `add` change); a move leaves a marker there. */
  plannedRoom: string;
  added: boolean;
  cancelled: boolean;
  /** Where the session is asked to start before delays: planned, retimed or started-at, UTC ms. */
  baseStart: number;
  /** Requested length, ms. */
  baseDuration: number;
  /** Sum of delays since `baseStart` was set, ms; negative when pulled back. */
  offset: number;
  /** Set by `started`: the start is a fact and is never pushed. */
  pinned: boolean;
  /** Set by `ended`: the end is a fact, UTC ms. */
  endedAt: number | null;
  /** Positions in the active change list of every change that shaped this session. */
  shapedBy: number[];
  /** The subset that moved it in time; passed on to the sessions it pushes. */
  timedBy: number[];
}

export interface FoldState {
  event: Event;
  dayOf: (at: number) => string;
  sessions: Map<string, SessionState>;
  list: SessionState[];
  /** The sessions currently in each room (any status), for shift-all. */
  byRoom: Map<string, SessionState[]>;
  roomIds: Set<string>;
  roomStatus: Record<string, RoomStatus>;
  announcements: Map<string, Announcement>;
  clock: RehearsalClock | null;
  orphaned: (OrphanedChange & { seq: number })[];
}

export function requestedStart(s: SessionState): number {
  return s.baseStart + s.offset;
}

export function requestedEnd(s: SessionState): number {
  return s.baseStart + s.offset + s.baseDuration;
}

/**
 * A session's place in its room's running order. Delays do not reorder a room (a late speaker
 * still goes before the next one); a retime or a `started` fact places the session where it now is.
 */
export function orderKey(s: SessionState): number {
  return s.pinned ? requestedStart(s) : s.baseStart;
}

export function isBackground(s: SessionState): boolean {
  return s.baseDuration > BACKGROUND_MIN_MS;
}

/** Running order within a room: order key, the room's own sessions before guests, then planned times. */
export function compareOrder(a: SessionState, b: SessionState): number {
  return (
    orderKey(a) - orderKey(b) ||
    guestRank(a) - guestRank(b) ||
    a.plannedStart - b.plannedStart ||
    a.plannedEnd - b.plannedEnd ||
    a.ordinal - b.ordinal
  );
}

function guestRank(s: SessionState): number {
  return s.roomId === s.plannedRoom && !s.added ? 0 : 1;
}

/**
 * Overlaps that the printed schedule already had (umbrella sessions, double bookings) are kept,
 * not resolved. Added sessions were never printed: they make room like any other.
 */
export function overlappedInPlan(a: SessionState, b: SessionState): boolean {
  return (
    !a.added &&
    !b.added &&
    a.plannedRoom === b.plannedRoom &&
    a.plannedStart < b.plannedEnd &&
    b.plannedStart < a.plannedEnd
  );
}

export function createFoldState(event: Event): FoldState {
  const dayOf = conferenceDayOf(event.timeZone, event.dayChangeHour);
  const ends = resolvePlannedEnds(event, dayOf);
  const sessions = new Map<string, SessionState>();
  const list: SessionState[] = [];
  event.sessions.forEach((session, ordinal) => {
    const state = fromImported(session, ordinal, ends[ordinal] ?? session.start);
    list.push(state);
    // Keys are unique after import; should one repeat, changes address the first.
    if (!sessions.has(state.key)) sessions.set(state.key, state);
  });
  const byRoom = new Map<string, SessionState[]>();
  for (const s of list) addToRoom(byRoom, s);
  return {
    event,
    dayOf,
    sessions,
    list,
    byRoom,
    roomIds: new Set(event.rooms.map((r) => r.id)),
    roomStatus: Object.fromEntries(event.rooms.map((r) => [r.id, "open" as RoomStatus])),
    announcements: new Map(),
    clock: null,
    orphaned: [],
  };
}

export function addToRoom(byRoom: Map<string, SessionState[]>, s: SessionState): void {
  const list = byRoom.get(s.roomId);
  if (list) list.push(s);
  else byRoom.set(s.roomId, [s]);
}

export function removeFromRoom(byRoom: Map<string, SessionState[]>, s: SessionState): void {
  const list = byRoom.get(s.roomId);
  const i = list ? list.indexOf(s) : -1;
  if (list && i >= 0) list.splice(i, 1);
}

function fromImported(s: Session, ordinal: number, plannedEnd: number): SessionState {
  return {
    key: s.key,
    ordinal,
    title: s.title,
    untitled: s.untitled || s.title.trim() === "",
    type: s.type,
    speakers: [...s.speakers],
    abstract: s.abstract,
    track: s.track,
    language: s.language,
    url: s.url,
    plannedRoom: s.roomId,
    roomId: s.roomId,
    plannedStart: s.start,
    plannedEnd,
    added: false,
    cancelled: s.cancelled,
    baseStart: s.start,
    baseDuration: plannedEnd - s.start,
    offset: 0,
    pinned: false,
    endedAt: null,
    shapedBy: [],
    timedBy: [],
  };
}

/**
 * Rule 5: a session without an end ends when the next one in its room starts (the same
 * conference day), else after the event's default length. An end before the start is read as
 * a zero-length session rather than a negative one.
 */
function resolvePlannedEnds(event: Event, dayOf: (at: number) => string): number[] {
  const defaultMs = event.defaultSessionMinutes * MINUTE_MS;
  const ends = event.sessions.map((s) => (s.end === null ? s.start + defaultMs : Math.max(s.start, s.end)));
  const byRoom = new Map<string, number[]>();
  event.sessions.forEach((s, i) => {
    if (s.end !== null) return;
    const list = byRoom.get(s.roomId);
    if (list) list.push(i);
    else byRoom.set(s.roomId, [i]);
  });
  if (byRoom.size === 0) return ends;
  const startsByRoom = new Map<string, number[]>();
  for (const s of event.sessions) {
    if (!byRoom.has(s.roomId)) continue;
    const starts = startsByRoom.get(s.roomId);
    if (starts) starts.push(s.start);
    else startsByRoom.set(s.roomId, [s.start]);
  }
  for (const [roomId, indices] of byRoom) {
    const starts = (startsByRoom.get(roomId) ?? []).sort((a, b) => a - b);
    for (const i of indices) {
      const start = event.sessions[i]!.start;
      const next = firstGreater(starts, start);
      if (next !== null && dayOf(next) === dayOf(start)) ends[i] = next;
    }
  }
  return ends;
}

/** The first value in an ascending array strictly greater than `x`, or null. */
function firstGreater(sorted: readonly number[], x: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : null;
}
