// whatIsOn(effective, view, at): what every room of a view shows at one instant. Pure; the
// instant is a parameter (screens pass hub time), intervals are half-open [start, end).
import type { Announcement, EffectiveSchedule, EffectiveSession, OnAir, RoomNow, View } from "./model.js";
import { indexOf, lowerBound, type RoomIndex, roomIndex, type ScheduleIndex, upperBound } from "./room-index.js";
import { MINUTE_MS } from "./zoned.js";
import { BREAK_TYPES, parseView } from "./views.js";

/** How close to its start the next session counts as "starting now", ms. */
export const STARTING_NOW_MS = MINUTE_MS;

/**
 * Per room of the view, in room order: `current` is the shortest running session containing
 * `at` (background sessions over 8 h only when nothing else is on; the others go to `alsoOn`);
 * `next` is the first running session starting after `at` on the same conference day (a
 * zero-length one starting at `at` too); `skipped` is a cancelled or moved-out slot still ahead
 * (or under way) before `next`. States: "before-event" until the room's first session,
 * "on" / "break" while something is current, "between" (with `gapMs`) when a session follows
 * today, "done-for-today" (with `nextDayStart`) when one follows on a later day, else
 * "event-over". An unknown room or a malformed view gives no rooms.
 */
export function whatIsOn(effective: EffectiveSchedule, view: View, at: number): OnAir {
  const index = indexOf(effective);
  const today = index.dayOf(at);
  return {
    at,
    rooms: roomIdsOfView(effective, view).map((roomId) => roomNow(effective, index, roomId, at, today)),
    announcements: announcementsFor(effective.announcements, view, at),
  };
}

/** The rooms a view shows, in the event's room order; [] for a malformed view or an unknown room. */
export function roomIdsOfView(effective: EffectiveSchedule, view: View): string[] {
  const parsed = parseView(view);
  if (!parsed) return [];
  const known = indexOf(effective).roomOrder;
  if (parsed.kind === "room") return known.includes(parsed.roomId) ? [parsed.roomId] : [];
  if (parsed.roomIds === null) return [...known];
  const wanted = new Set(parsed.roomIds);
  return known.filter((id) => wanted.has(id));
}

/**
 * Whether an announcement is meant for a view: "all" reaches every screen (unassigned ones
 * too, view null); "lobby" every lobby board; "rooms" the door screens of those rooms and every
 * lobby board that shows one of them.
 */
export function announcementTargetsView(a: Announcement, view: View | null): boolean {
  if (a.target.kind === "all") return true;
  const parsed = view === null ? null : parseView(view);
  if (!parsed) return false;
  if (a.target.kind === "lobby") return parsed.kind === "lobby";
  const rooms = new Set(a.target.roomIds);
  if (parsed.kind === "room") return rooms.has(parsed.roomId);
  return parsed.roomIds === null || parsed.roomIds.some((id) => rooms.has(id));
}

/** Active at `at`: started (or no start) and not yet expired (half-open). */
export function announcementActiveAt(a: Announcement, at: number): boolean {
  return (a.start === null || a.start <= at) && (a.end === null || at < a.end);
}

const LEVEL_RANK = { emergency: 0, warning: 1, info: 2 } as const;

/** Announcements active at `at` for a view: emergencies first, then warnings, then info; newest first within a level. */
export function announcementsFor(announcements: readonly Announcement[], view: View | null, at: number): Announcement[] {
  return announcements
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => announcementActiveAt(a, at) && announcementTargetsView(a, view))
    .sort((x, y) => LEVEL_RANK[x.a.level] - LEVEL_RANK[y.a.level] || y.i - x.i)
    .map(({ a }) => a);
}

function roomNow(effective: EffectiveSchedule, index: ScheduleIndex, roomId: string, at: number, today: string): RoomNow {
  const r = roomIndex(index, roomId);
  const { current, alsoOn } = onAt(r, at);
  const before = current === null && (r.firstStart === null || at < r.firstStart) && r.firstStart !== null;
  let next = nextAfter(r, at);
  let nextDayStart: number | null = null;
  if (next !== null && !before && next.day > today) {
    nextDayStart = next.start;
    next = null;
  }
  const skipped = skippedBefore(r, at, next, today, before);
  let state: RoomNow["state"];
  if (current) state = BREAK_TYPES.has(current.type) ? "break" : "on";
  else if (before) state = "before-event";
  else if (next) state = "between";
  else if (nextDayStart !== null) state = "done-for-today";
  else state = "event-over";
  return {
    roomId,
    state,
    current,
    alsoOn,
    next,
    skipped,
    gapMs: !current && next ? next.start - at : null,
    nextDayStart: state === "done-for-today" ? nextDayStart : null,
    roomStatus: effective.roomStatus[roomId] ?? "open",
    overrunning: current !== null && at >= current.plannedEnd,
    nextDelayed: next !== null && next.start > next.plannedStart,
    startingNow: next !== null && next.start - at <= STARTING_NOW_MS,
  };
}

/** The shortest session containing `at` (background only when nothing else is on), and the others. */
function onAt(r: RoomIndex, at: number): { current: EffectiveSession | null; alsoOn: EffectiveSession[] } {
  const containing: EffectiveSession[] = [];
  for (let i = upperBound(r.runStarts, at) - 1; i >= 0; i--) {
    const s = r.runs[i]!;
    if (s.start < at - r.longestRunMs) break;
    if (at < s.end) containing.push(s);
  }
  const background = r.background.filter((s) => s.start <= at && at < s.end);
  const pool = containing.length > 0 ? containing : background;
  let current: EffectiveSession | null = null;
  for (const s of pool) {
    if (!current || shorterOrLater(s, current)) current = s;
  }
  const alsoOn = [...containing, ...background].filter((s) => s !== current).sort((a, b) => a.start - b.start || a.end - b.end);
  return { current, alsoOn };
}

/** Among equally short sessions, the one that began last is the one people just walked into. */
function shorterOrLater(a: EffectiveSession, b: EffectiveSession): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la < lb;
  if (a.start !== b.start) return a.start > b.start;
  return a.key < b.key;
}

/** The first session starting after `at`; a zero-length one starting at `at` is still "next" (starting now). */
function nextAfter(r: RoomIndex, at: number): EffectiveSession | null {
  for (let i = lowerBound(r.runStarts, at); i < r.runs.length; i++) {
    const s = r.runs[i]!;
    if (s.start === at && s.end > s.start) continue;
    return s;
  }
  return null;
}

/** A cancelled or moved-out slot still ahead (or under way) before `next`, the same day. */
function skippedBefore(r: RoomIndex, at: number, next: EffectiveSession | null, today: string, before: boolean): EffectiveSession | null {
  for (const s of r.skipped) {
    if (s.end <= at && !(s.start === s.end && s.start === at)) continue;
    if (next !== null) return s.start <= next.start ? s : null;
    return before || s.day === today ? s : null;
  }
  return null;
}
