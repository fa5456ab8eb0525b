// Applying one change to the fold state. Each change only records a request on the sessions it
// names (a delay, a fact, a room); the room timelines are resolved afterwards in one pass
// (shared/absorb), so the order of pushes never depends on the order of clicks.
import type { Change } from "./model.js";
import { addToRoom, compareOrder, type FoldState, orderKey, removeFromRoom, type SessionState } from "./fold-state.js";
import { MINUTE_MS } from "./time.js";

/** Moved-out markers carry the session's key with this suffix, so keys stay unique. */
export const MOVED_OUT_SUFFIX = "#moved-out";

/**
 * The changes that take effect, oldest first: every change not undone by an undo that itself
 * takes effect. Walking newest to oldest settles chains: undoing an undo re-applies the change.
 */
export function activeChanges(changes: readonly Change[], state: FoldState): Change[] {
  const sorted = [...changes].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const position = new Map<string, number>();
  const unique: Change[] = [];
  for (const c of sorted) {
    if (position.has(c.id)) continue; // a repeated id is the same change delivered twice
    position.set(c.id, unique.length);
    unique.push(c);
  }
  const active = new Array<boolean>(unique.length).fill(false);
  const undone = new Set<string>();
  for (let i = unique.length - 1; i >= 0; i--) {
    const c = unique[i]!;
    if (undone.has(c.id)) continue;
    active[i] = true;
    if (c.kind !== "undo") continue;
    const target = position.get(c.changeId);
    if (target === undefined) orphan(state, c, `undoes change "${c.changeId}", which is not in the log`);
    else if (target >= i) orphan(state, c, `undoes change "${c.changeId}", which is not an earlier change`);
    else undone.add(c.changeId);
  }
  return unique.filter((c, i) => active[i] && c.kind !== "undo");
}

export function orphan(state: FoldState, change: Change, reason: string): void {
  state.orphaned.push({ changeId: change.id, reason, seq: change.seq });
}

function findSession(state: FoldState, change: Change, key: string): SessionState | null {
  const found = state.sessions.get(key) ?? state.sessions.get(key.endsWith(MOVED_OUT_SUFFIX) ? key.slice(0, -MOVED_OUT_SUFFIX.length) : "");
  if (!found) orphan(state, change, `session "${key}" is not in the schedule`);
  return found ?? null;
}

function shape(s: SessionState, pos: number, timing: boolean): void {
  s.shapedBy.push(pos);
  if (timing) s.timedBy.push(pos);
}

/** Applies the change at position `pos` of the active list. Never throws: what cannot apply is orphaned. */
export function applyChange(state: FoldState, c: Change, pos: number): void {
  switch (c.kind) {
    case "delay": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      const ms = c.minutes * MINUTE_MS;
      if (c.mode === "shift-all") {
        for (const t of laterInRoomDay(state, s)) {
          t.offset += ms;
          shape(t, pos, true);
        }
      }
      s.offset += ms;
      shape(s, pos, true);
      return;
    }
    case "started": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      // The start becomes a fact; earlier delays on this session are superseded by it.
      s.baseStart = c.at;
      s.offset = 0;
      s.pinned = true;
      shape(s, pos, true);
      return;
    }
    case "ended": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      s.endedAt = c.at;
      shape(s, pos, true);
      return;
    }
    case "cancel":
    case "restore": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      s.cancelled = c.kind === "cancel";
      shape(s, pos, false);
      return;
    }
    case "move": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      if (!state.roomIds.has(c.roomId)) return orphan(state, c, `room "${c.roomId}" is not in the event`);
      removeFromRoom(state.byRoom, s);
      s.roomId = c.roomId;
      addToRoom(state.byRoom, s);
      shape(s, pos, false);
      return;
    }
    case "retime": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      if (c.end < c.start) return orphan(state, c, "the new end is before the new start");
      s.baseStart = c.start;
      s.baseDuration = c.end - c.start;
      s.offset = 0;
      s.pinned = false;
      s.endedAt = null;
      shape(s, pos, true);
      return;
    }
    case "edit": {
      const s = findSession(state, c, c.sessionKey);
      if (!s) return;
      const f = c.fields;
      if (f.title !== undefined) {
        s.title = f.title;
        s.untitled = f.title.trim() === "";
      }
      if (f.speakers !== undefined) s.speakers = [...f.speakers];
      if (f.abstract !== undefined) s.abstract = f.abstract;
      if (f.track !== undefined) s.track = f.track;
      if (f.type !== undefined) s.type = f.type;
      shape(s, pos, false);
      return;
    }
    case "add":
      return addSession(state, c, pos);
    case "room-status":
      if (!state.roomIds.has(c.roomId)) return orphan(state, c, `room "${c.roomId}" is not in the event`);
      state.roomStatus[c.roomId] = c.status;
      return;
    case "announce": {
      const id = c.announcementId ?? c.id;
      state.announcements.set(id, {
        id,
        text: c.text,
        level: c.level,
        target: c.target,
        start: c.start,
        end: c.end,
        author: c.author,
        changeId: c.id,
      });
      return;
    }
    case "withdraw":
      if (!state.announcements.delete(c.announcementId)) {
        orphan(state, c, `announcement "${c.announcementId}" is not active`);
      }
      return;
    case "clock":
      state.clock = c.set === null ? null : { anchorVirtual: c.set.virtual, anchorReal: c.realAt, rate: c.set.rate };
      return;
    case "undo":
      return; // settled by activeChanges
  }
}

function addSession(state: FoldState, c: Extract<Change, { kind: "add" }>, pos: number): void {
  const input = c.session;
  const key = input.key ?? c.id;
  if (state.sessions.has(key)) return orphan(state, c, `session "${key}" already exists`);
  if (!state.roomIds.has(input.roomId)) return orphan(state, c, `room "${input.roomId}" is not in the event`);
  if (input.end < input.start) return orphan(state, c, "the session ends before it starts");
  const s: SessionState = {
    key,
    ordinal: state.list.length,
    title: input.title,
    untitled: input.title.trim() === "",
    type: input.type,
    speakers: [...input.speakers],
    abstract: input.abstract,
    track: input.track,
    language: null,
    url: null,
    plannedRoom: input.roomId,
    roomId: input.roomId,
    plannedStart: input.start,
    plannedEnd: input.end,
    added: true,
    cancelled: false,
    baseStart: input.start,
    baseDuration: input.end - input.start,
    offset: 0,
    pinned: false,
    endedAt: null,
    shapedBy: [pos],
    timedBy: [],
  };
  state.sessions.set(key, s);
  state.list.push(s);
  addToRoom(state.byRoom, s);
}

/** Sessions after `s` in its current room's running order on its conference day. */
function laterInRoomDay(state: FoldState, s: SessionState): SessionState[] {
  const day = state.dayOf(orderKey(s));
  return (state.byRoom.get(s.roomId) ?? []).filter((t) => t !== s && compareOrder(t, s) > 0 && state.dayOf(orderKey(t)) === day);
}
