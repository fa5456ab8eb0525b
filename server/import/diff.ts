// Preview before apply: what a newly imported schedule changes against the current one —
// sessions added, removed, retimed, moved or edited; rooms added, removed or renamed; which
// rooms' screens will show something different; which volunteers' changes no longer apply.
import type { Change, EffectiveSchedule, EffectiveSession, Event, Session } from "../../shared/model.js";
import type { RoomRename } from "../../shared/formats/reconcile.js";
import { fold } from "../../shared/timeline.js";

/** A session named in a diff; instants are UTC ms. */
export interface DiffSession {
  key: string;
  title: string;
  roomId: string;
  start: number;
  end: number | null;
}

export interface ImportDiff {
  /** True when nothing a screen shows would change. */
  unchanged: boolean;
  added: DiffSession[];
  removed: DiffSession[];
  retimed: Array<DiffSession & { before: { start: number; end: number | null } }>;
  moved: Array<DiffSession & { fromRoomId: string }>;
  /** Same slot, different title, speakers, abstract, type, track or cancellation. */
  edited: Array<DiffSession & { fields: string[] }>;
  roomsAdded: string[];
  roomsRemoved: string[];
  roomsRenamed: RoomRename[];
  /** Rooms whose screens will show something different, in the new event's order, then removed rooms. */
  affectedRoomIds: string[];
  /** Changes that applied before and no longer do (their session vanished …). */
  orphanedChanges: Array<{ changeId: string; kind: string; reason: string }>;
}

/** Bounds the lists a preview carries; the counts stay exact in `total`. */
export const MAX_DIFF_ITEMS = 500;

const ref = (s: Session): DiffSession => ({ key: s.key, title: s.title, roomId: s.roomId, start: s.start, end: s.end });

const EDIT_FIELDS = ["title", "speakers", "abstract", "type", "track", "cancelled", "untitled", "language", "url"] as const;

/** Pure apart from its inputs: `current` is null on a hub that holds no schedule yet. */
export function diffImport(current: { event: Event; changes: readonly Change[] } | null, next: Event, renamed: RoomRename[] = []): ImportDiff {
  const before = current?.event.sessions ?? [];
  const old = new Map(before.map((s) => [s.key, s]));
  const fresh = new Map(next.sessions.map((s) => [s.key, s]));
  const diff: ImportDiff = {
    unchanged: false,
    added: [],
    removed: [],
    retimed: [],
    moved: [],
    edited: [],
    roomsAdded: [],
    roomsRemoved: [],
    roomsRenamed: renamed,
    affectedRoomIds: [],
    orphanedChanges: [],
  };
  for (const s of next.sessions) {
    const was = old.get(s.key);
    if (!was) {
      diff.added.push(ref(s));
      continue;
    }
    if (was.start !== s.start || was.end !== s.end) diff.retimed.push({ ...ref(s), before: { start: was.start, end: was.end } });
    if (was.roomId !== s.roomId) diff.moved.push({ ...ref(s), fromRoomId: was.roomId });
    const fields = EDIT_FIELDS.filter((f) => JSON.stringify(was[f]) !== JSON.stringify(s[f]));
    if (fields.length > 0) diff.edited.push({ ...ref(s), fields });
  }
  for (const s of before) if (!fresh.has(s.key)) diff.removed.push(ref(s));
  const oldRooms = new Set(current?.event.rooms.map((r) => r.id) ?? []);
  const newRooms = new Set(next.rooms.map((r) => r.id));
  diff.roomsAdded = next.rooms.filter((r) => !oldRooms.has(r.id)).map((r) => r.id);
  diff.roomsRemoved = current?.event.rooms.filter((r) => !newRooms.has(r.id)).map((r) => r.id) ?? [];

  const changes = current?.changes ?? [];
  const after = fold(next, changes);
  if (current) {
    const was = fold(current.event, changes);
    const orphanedBefore = new Set(was.orphaned.map((o) => o.changeId));
    const kinds = new Map(changes.map((c) => [c.id, c.kind]));
    diff.orphanedChanges = after.orphaned
      .filter((o) => !orphanedBefore.has(o.changeId))
      .map((o) => ({ changeId: o.changeId, kind: kinds.get(o.changeId) ?? "?", reason: o.reason }));
    diff.affectedRoomIds = affectedRooms(was, after);
  } else {
    diff.affectedRoomIds = after.rooms.map((r) => r.id);
  }
  const metaChanged = current !== null && (current.event.timeZone !== next.timeZone || current.event.title !== next.title || current.event.dayChangeHour !== next.dayChangeHour);
  if (metaChanged) diff.affectedRoomIds = after.rooms.map((r) => r.id);
  // Screens assigned to a room that disappears change too (they lose their room).
  diff.affectedRoomIds.push(...diff.roomsRemoved);
  diff.unchanged =
    current !== null && !metaChanged && diff.affectedRoomIds.length === 0 && diff.added.length + diff.removed.length + diff.retimed.length + diff.moved.length + diff.edited.length === 0 && diff.roomsAdded.length + diff.roomsRemoved.length + renamed.length === 0;
  for (const list of ["added", "removed", "retimed", "moved", "edited"] as const) {
    if (diff[list].length > MAX_DIFF_ITEMS) (diff[list] as unknown[]).length = MAX_DIFF_ITEMS;
  }
  return diff;
}

/** What one room's screen shows, as a comparable string. */
function roomSignature(sessions: EffectiveSession[]): string {
  return JSON.stringify(sessions.map((s) => [s.key, s.displayTitle, s.start, s.end, s.plannedStart, s.plannedEnd, s.status, s.speakers, s.track, s.type, s.movedTo, s.movedFrom]));
}

function affectedRooms(before: EffectiveSchedule, after: EffectiveSchedule): string[] {
  const group = (e: EffectiveSchedule) => {
    const m = new Map<string, EffectiveSession[]>();
    for (const s of e.sessions) {
      const list = m.get(s.roomId);
      if (list) list.push(s);
      else m.set(s.roomId, [s]);
    }
    return m;
  };
  const a = group(before);
  const b = group(after);
  const names = new Map(before.rooms.map((r) => [r.id, r.name]));
  return after.rooms
    .filter((r) => roomSignature(a.get(r.id) ?? []) !== roomSignature(b.get(r.id) ?? []) || names.get(r.id) !== r.name)
    .map((r) => r.id);
}
