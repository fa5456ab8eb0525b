// What each view needs from the effective schedule, and nothing more: a door screen gets its own
// room's sessions, a lobby the rooms it shows. Built once per view and version, then sent to
// every screen of that view as one pre-encoded broadcast.
import { type EffectiveSchedule, type EffectiveSession, parseView, type Room } from "../shared/model.js";
import { announcementTargetsView } from "../shared/on-air.js";
import { isAbsorbedBreak, isSkipped } from "../shared/room-index.js";
import type { DisplaySnapshot } from "../shared/protocol.js";
import { conferenceDayOf, conferenceDayStart } from "../shared/time.js";

/** The view-dependent part of a DisplaySnapshot. */
export type ViewContent = Pick<DisplaySnapshot, "event" | "rooms" | "sessions" | "roomStatus" | "announcements" | "clock">;

// A session's JSON, kept with the session object: a folded session (and a screen's copy of it) is
// never changed afterwards, and the same object is serialised for sending and compared again
// by the next delta (as the new side, then as the old one).
const sessionJsonCache = new WeakMap<object, string>();

/** JSON.stringify of a session, once per session object. */
export function sessionJson(session: object): string {
  let json = sessionJsonCache.get(session);
  if (json === undefined) {
    json = JSON.stringify(session);
    sessionJsonCache.set(session, json);
  }
  return json;
}

/** For shared/snapshot-delta's diff: two sessions are the same when their JSON is. */
export const sameSession = (a: object, b: object): boolean => a === b || sessionJson(a) === sessionJson(b);

/** Exactly JSON.stringify(content), with each session's JSON kept for the next delta. */
export function contentJson(content: ViewContent): string {
  // The fields in viewContent's order (and CONTENT_FIELDS'), as JSON.stringify would write them.
  return (
    `{"event":${JSON.stringify(content.event)},"rooms":${JSON.stringify(content.rooms)},"sessions":[${content.sessions.map(sessionJson).join(",")}],` +
    `"roomStatus":${JSON.stringify(content.roomStatus)},"announcements":${JSON.stringify(content.announcements)},"clock":${JSON.stringify(content.clock)}}`
  );
}

/** The socket.io room of the screens showing `view` (null: unassigned screens). */
export function viewRoom(view: string | null): string {
  return view === null ? "unassigned" : `view:${view}`;
}

/** The view a socket.io room stands for, or undefined when the room is not a view room. */
export function viewOfRoom(room: string): string | null | undefined {
  if (room === "unassigned") return null;
  return room.startsWith("view:") ? room.slice(5) : undefined;
}

/** Rooms a view shows, in event order; null view (unassigned) shows none. */
export function roomIdsOfView(view: string | null, rooms: Room[]): string[] {
  if (view === null) return [];
  const parsed = parseView(view);
  if (!parsed) return [];
  if (parsed.kind === "room") return [parsed.roomId];
  return parsed.roomIds ?? rooms.map((r) => r.id);
}

// Screens never show abstracts, links or why a session moved (the change ids grow with every
// delay): leaving them out keeps every broadcast small, a FOSDEM lobby's above all.
// One screen copy per folded session: sessions a change did not touch keep their object from
// fold to fold (server/schedule.ts), and so keep their copy, and its JSON.
const screenCopies = new WeakMap<EffectiveSession, EffectiveSession>();
function forScreen(s: EffectiveSession): EffectiveSession {
  let copy = screenCopies.get(s);
  if (!copy) {
    copy = { ...s, abstract: "", url: null, changeIds: [] };
    screenCopies.set(s, copy);
  }
  return copy;
}

/**
 * Rooms a full room's door names as having space ("There is space in Room 2: …"): every other
 * room that is neither full nor closed. Empty unless `view` is a door whose room is full.
 */
export function spaceRoomIds(effective: EffectiveSchedule, view: string | null): string[] {
  const parsed = view === null ? null : parseView(view);
  if (parsed?.kind !== "room" || effective.roomStatus[parsed.roomId] !== "full") return [];
  return effective.rooms.filter((r) => r.id !== parsed.roomId && (effective.roomStatus[r.id] ?? "open") === "open").map((r) => r.id);
}

/**
 * The conference days a lobby carries on `today`: the first two with sessions from today on
 * (today's or the next day's, and the one after it), or the last day once the event is over.
 * A lobby shows what is on now and next in every room, and what it holds carries it through a
 * hub outage past midnight; the rest of a long event would only multiply what every lobby
 * screen is sent (a four-day congress: four times). The hub moves the window on at each day
 * change (server/hub.ts).
 */
export function lobbyDays(sessions: readonly EffectiveSession[], today: string): Set<string> {
  const days = [...new Set(sessions.map((s) => s.day))].sort();
  const ahead = days.filter((d) => d >= today).slice(0, 2);
  return new Set(ahead.length > 0 ? ahead : days.slice(-1));
}

/** What the room index counts as running in a room, towards its first start and its next session. */
const runsInRoom = (s: EffectiveSession): boolean => !isSkipped(s) && !isAbsorbedBreak(s);

/**
 * The sessions a lobby holds on `today` (which began at `todayStart`): those of lobbyDays, and
 * per room what the screen needs to tell every room's state through those days exactly as the
 * whole schedule would (shared/on-air.ts): anything under way when today began (a talk past the
 * day change, a session running for days), the room's first session (before it, a room is
 * "before the event"), and its first session after the window with any cancelled or moved-out
 * slot up to it (a room with nothing in the window is "done for today", next on that day).
 */
export function lobbySessions(sessions: readonly EffectiveSession[], today: string, todayStart: number): Set<EffectiveSession> {
  const days = lobbyDays(sessions, today);
  const lastDay = [...days].at(-1) ?? ""; // lobbyDays lists them in order
  const byRoom = new Map<string, EffectiveSession[]>();
  for (const s of sessions) {
    const room = byRoom.get(s.roomId);
    if (room) room.push(s);
    else byRoom.set(s.roomId, [s]);
  }
  const kept = new Set<EffectiveSession>();
  for (const room of byRoom.values()) {
    room.sort((a, b) => a.start - b.start || a.end - b.end);
    const first = room.find(runsInRoom);
    if (first) kept.add(first);
    const beyond = room.find((s) => s.day > lastDay && runsInRoom(s));
    for (const s of room) {
      if (days.has(s.day) || (s.start < todayStart && s.end > todayStart) || (beyond && s.day > lastDay && s.start <= beyond.start)) kept.add(s);
    }
  }
  return kept;
}

/**
 * The part of a snapshot a view needs at hub time `at`: its rooms' sessions (with cancelled and
 * moved markers), the rooms those sessions point to ("moved to Room 2"), their status, and the
 * announcements targeting it that have not expired. A lobby gets what lobbySessions keeps of
 * its rooms' sessions, a door all of its room's. A full room's door also gets the other open
 * rooms and their sessions of the conference day of `at`, so its banner can name talks with space
 * now and as the day goes on; no other view carries them, so broadcasts stay small.
 */
export function viewContent(effective: EffectiveSchedule, view: string | null, at: number): ViewContent {
  const shown = new Set(roomIdsOfView(view, effective.rooms));
  const space = new Set(spaceRoomIds(effective, view));
  const dayOf = conferenceDayOf(effective.event.timeZone, effective.event.dayChangeHour);
  const lobby = view !== null && parseView(view)?.kind === "lobby";
  const today = space.size > 0 || lobby ? dayOf(at) : "";
  const { timeZone, dayChangeHour } = effective.event;
  const held = lobby ? lobbySessions(effective.sessions.filter((s) => shown.has(s.roomId)), today, conferenceDayStart(today, timeZone, dayChangeHour)) : null;
  const sessions = effective.sessions
    .filter(
      (s) =>
        (shown.has(s.roomId) && (held === null || held.has(s))) ||
        (space.has(s.roomId) && (dayOf(s.start) === today || dayOf(s.end - 1) === today)),
    )
    .map(forScreen);
  const named = new Set([...shown, ...space]);
  for (const s of sessions) {
    if (s.movedTo) named.add(s.movedTo);
    if (s.movedFrom) named.add(s.movedFrom);
  }
  const roomStatus: DisplaySnapshot["roomStatus"] = {};
  for (const id of [...shown, ...space]) {
    const status = effective.roomStatus[id];
    if (status) roomStatus[id] = status;
  }
  return {
    event: effective.event,
    rooms: effective.rooms.filter((r) => named.has(r.id)),
    sessions,
    roomStatus,
    announcements: effective.announcements.filter((a) => (a.end === null || a.end > at) && announcementTargetsView(a, view)),
    clock: effective.clock,
  };
}
