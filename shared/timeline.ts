// fold(imported, changes) → the effective schedule, the only thing screens see. Pure,
// deterministic, and it never throws: a change that no longer applies is reported as orphaned.
//
// How the changes read (DESIGN.md "Changes", issue 3), where the texts leave room:
// - Changes apply in `seq` order. `undo` removes a change as if it had never been made; an undo
//   of an undo re-applies it. Undos are settled first, newest to oldest.
// - Each change records a request on its session (delays add up; `retime` replaces the times and
//   earlier delays; `started` makes the start a fact: start = change.at, whatever delays came
//   before; `ended` makes the end a fact). Then every room's day is resolved in one pass
//   (shared/absorb), so "+10 then −10" gives back the printed times.
// - Running order in a room is the printed order: a late talk still goes before the next one. A
//   retimed or started session takes its place by its new start.
// - A talk overlapping an earlier one is pushed just clear of it; a break or lunch under way
//   gives up its end instead (down to nothing, then it is pushed); sessions that overlapped in
//   the printed room (umbrellas, double bookings) are left overlapping. Cancelled slots,
//   moved-out markers and background sessions (> 8 h) neither push nor are pushed.
// - A moved session runs in its new room (status "moved-in") and leaves a marker keyed
//   `<key>#moved-out` in its printed room for its slot; changes aimed at the marker's key
//   reach the session.
// - `add` without a key uses the change id; added sessions make room like any other.
// - Announcements: `start` null means active from the start; a second `announce` with the same
//   id replaces the first; `withdraw` removes it. Expiry is checked by whatIsOn at its instant.
import type { Change, EffectiveSchedule, EffectiveSession, Event, Room } from "./model.js";
import { type Placement, placeAlone, placeRoomDay } from "./absorb.js";
import { activeChanges, applyChange, MOVED_OUT_SUFFIX, orphan } from "./apply-change.js";
import { compareOrder, createFoldState, type FoldState, isBackground, orderKey, type SessionState } from "./fold-state.js";
import { displayTitleOf } from "./titles.js";

export { MOVED_OUT_SUFFIX } from "./apply-change.js";

/** The key of the session a moved-out marker stands for (any other key is returned as is). */
export function sessionKeyOf(key: string): string {
  return key.endsWith(MOVED_OUT_SUFFIX) ? key.slice(0, -MOVED_OUT_SUFFIX.length) : key;
}

/** Applies `changes` (in `seq` order, whatever order they are given in) to the imported event. */
export function fold(event: Event, changes: readonly Change[]): EffectiveSchedule {
  const state = createFoldState(event);
  const active = activeChanges(changes, state);
  active.forEach((change, pos) => {
    // A stored change the hub once accepted must never stop the hub from starting (say, written
    // by another version): it is reported like any other change that no longer applies.
    try {
      applyChange(state, change, pos);
    } catch (error) {
      orphan(state, change, `could not be applied: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const placements = placeAll(state);
  const roomRank = new Map(sortedRooms(event.rooms).map((room, i) => [room.id, i]));
  const sessions: EffectiveSession[] = [];
  for (const s of state.list) {
    const placed = placements.get(s) ?? placeAlone(s);
    const base = effective(state, s, placed, active);
    sessions.push(base);
    // The printed schedule still lists the session in its old room: leave a "moved to" marker there.
    if (s.roomId !== s.plannedRoom) sessions.push(movedOutMarker(s, base));
  }
  sessions.sort((a, b) => compareSessions(a, b, roomRank));
  const meta = { ...event } as Partial<Event>;
  delete meta.rooms;
  delete meta.sessions;
  return {
    event: meta as EffectiveSchedule["event"],
    rooms: sortedRooms(event.rooms),
    sessions,
    roomStatus: state.roomStatus,
    announcements: [...state.announcements.values()],
    clock: state.clock,
    orphaned: state.orphaned.sort((a, b) => a.seq - b.seq).map(({ changeId, reason }) => ({ changeId, reason })),
  };
}

/** Rooms in lobby order: `order`, then their position in the event. */
export function sortedRooms(rooms: readonly Room[]): Room[] {
  return rooms
    .map((room, i) => ({ room, i }))
    .sort((a, b) => a.room.order - b.room.order || a.i - b.i)
    .map(({ room }) => ({ ...room }));
}

/** Groups the sessions that run into their room's day and resolves each group. */
function placeAll(state: FoldState): Map<SessionState, Placement> {
  const groups = new Map<string, SessionState[]>();
  const placements = new Map<SessionState, Placement>();
  for (const s of state.list) {
    if (s.cancelled || isBackground(s)) {
      placements.set(s, placeAlone(s));
      continue;
    }
    const key = `${s.roomId}\u0000${state.dayOf(orderKey(s))}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  for (const group of groups.values()) {
    group.sort(compareOrder);
    const placed = placeRoomDay(group);
    group.forEach((s, i) => placements.set(s, placed[i]!));
  }
  return placements;
}

function effective(state: FoldState, s: SessionState, placed: Placement, active: readonly Change[]): EffectiveSession {
  const moved = s.roomId !== s.plannedRoom;
  return {
    key: s.key,
    roomId: s.roomId,
    displayTitle: displayTitleOf(s),
    title: s.title,
    untitled: s.untitled,
    type: s.type,
    speakers: [...s.speakers],
    abstract: s.abstract,
    track: s.track,
    language: s.language,
    url: s.url,
    plannedStart: s.plannedStart,
    plannedEnd: s.plannedEnd,
    start: placed.start,
    end: placed.end,
    status: s.cancelled ? "cancelled" : moved ? "moved-in" : s.added ? "added" : "scheduled",
    movedTo: null,
    movedFrom: moved ? s.plannedRoom : null,
    day: state.dayOf(orderKey(s)),
    changeIds: changeIdsOf(s, placed, active),
  };
}

/** The old room's slot: the session's requested times there, never pushed by the new room. */
function movedOutMarker(s: SessionState, moved: EffectiveSession): EffectiveSession {
  const slot = placeAlone(s);
  return {
    ...moved,
    key: s.key + MOVED_OUT_SUFFIX,
    roomId: s.plannedRoom,
    speakers: [...moved.speakers],
    changeIds: [...moved.changeIds],
    start: slot.start,
    end: slot.end,
    status: "moved-out",
    movedTo: s.roomId,
    movedFrom: null,
  };
}

function changeIdsOf(s: SessionState, placed: Placement, active: readonly Change[]): string[] {
  const positions = placed.timedBy.length === 0 ? s.shapedBy : [...new Set([...s.shapedBy, ...placed.timedBy])];
  return positions.sort((a, b) => a - b).map((p) => active[p]!.id);
}

function compareSessions(a: EffectiveSession, b: EffectiveSession, roomRank: Map<string, number>): number {
  const ra = roomRank.get(a.roomId) ?? Number.MAX_SAFE_INTEGER;
  const rb = roomRank.get(b.roomId) ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  if (a.roomId !== b.roomId) return a.roomId < b.roomId ? -1 : 1;
  return a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
