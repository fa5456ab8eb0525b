// The change log as people read it: one line per change, filterable by room, with undos and
// conflicting edits made visible rather than lost.
import type { Change, EffectiveSession, Room } from "../../shared/model.js";
import { formatTime } from "../../shared/time.js";
import { rateLabel } from "./clock.js";

/** A change may be undone in one tap on the room page for this long after it was applied. */
export const UNDO_WINDOW_MS = 60_000;
/** Two authors acting on the same session within this window are shown as a conflict. */
export const CONFLICT_WINDOW_MS = 2 * 60_000;

export interface LogContext {
  rooms: Room[];
  sessions: EffectiveSession[];
  zone: string;
}

/** The session key a change acts on, if any. */
export function changeSessionKey(change: Change): string | null {
  return "sessionKey" in change ? change.sessionKey : change.kind === "add" ? (change.session.key ?? null) : null;
}

/** Rooms a change concerns (a move concerns both rooms); empty for event-wide changes. */
export function changeRoomIds(change: Change, sessions: EffectiveSession[]): string[] {
  const ids = new Set<string>();
  const key = changeSessionKey(change);
  if (key) {
    for (const s of sessions) {
      if (s.key !== key) continue;
      ids.add(s.roomId);
      if (s.movedFrom) ids.add(s.movedFrom); // a moved session still concerns the room it left
    }
  }
  if (change.kind === "move" || change.kind === "room-status") ids.add(change.roomId);
  if (change.kind === "add") ids.add(change.session.roomId);
  if (change.kind === "announce" && change.target.kind === "rooms") change.target.roomIds.forEach((r) => ids.add(r));
  return [...ids];
}

/** Newest first; only changes concerning `roomId` when given. */
export function filterLog(changes: Change[], sessions: EffectiveSession[], roomId: string | null): Change[] {
  const list = roomId ? changes.filter((c) => changeRoomIds(c, sessions).includes(roomId)) : changes;
  return [...list].reverse();
}

/** Ids of changes that a later `undo` change removed. */
export function undoneIds(changes: Change[]): Set<string> {
  return new Set(changes.flatMap((c) => (c.kind === "undo" ? [c.changeId] : [])));
}

/** True while the room page still offers its one-tap undo for a change applied at `realAt`. */
export function withinUndoWindow(appliedRealAt: number, realNow: number): boolean {
  return realNow - appliedRealAt < UNDO_WINDOW_MS;
}

/**
 * For each change, the earlier change by another author on the same session within
 * CONFLICT_WINDOW_MS (hub real time), so the log can say "also changed by Room 1 door".
 */
export function conflicts(changes: Change[]): Map<string, Change> {
  const found = new Map<string, Change>();
  const lastBySession = new Map<string, Change>();
  for (const c of changes) {
    const key = changeSessionKey(c);
    if (!key || c.kind === "undo") continue;
    const previous = lastBySession.get(key);
    if (previous && previous.author !== c.author && c.realAt - previous.realAt <= CONFLICT_WINDOW_MS) {
      found.set(c.id, previous);
    }
    lastBySession.set(key, c);
  }
  return found;
}

/** "+10 min: Docker Was Too Slow…", "Room 1 full", "Announcement (emergency): Evacuate". */
export function describeChange(change: Change, ctx: LogContext, all: Change[] = []): string {
  const title = (key: string) => ctx.sessions.find((s) => s.key === key)?.displayTitle ?? key;
  const room = (id: string) => ctx.rooms.find((r) => r.id === id)?.name ?? id;
  const t = (at: number) => formatTime(at, ctx.zone);
  switch (change.kind) {
    case "delay":
      return `${change.minutes > 0 ? "+" : ""}${change.minutes} min${change.mode === "shift-all" ? " (shift all)" : ""}: ${title(change.sessionKey)}`;
    case "started":
      return `Started at ${t(change.at)}: ${title(change.sessionKey)}`;
    case "ended":
      return `Ended at ${t(change.at)}: ${title(change.sessionKey)}`;
    case "cancel":
      return `Cancelled: ${title(change.sessionKey)}`;
    case "restore":
      return `Restored: ${title(change.sessionKey)}`;
    case "move":
      return `Moved to ${room(change.roomId)}: ${title(change.sessionKey)}`;
    case "retime":
      return `Retimed to ${t(change.start)}–${t(change.end)}: ${title(change.sessionKey)}`;
    case "edit":
      return `Edited ${Object.keys(change.fields).join(", ")}: ${title(change.sessionKey)}`;
    case "add":
      return `Added ${t(change.session.start)}–${t(change.session.end)} in ${room(change.session.roomId)}: ${change.session.title}`;
    case "room-status":
      return `${room(change.roomId)} ${change.status}`;
    case "announce":
      return `Announcement (${change.level}): ${change.text}`;
    case "withdraw":
      return `Withdrew announcement ${announcementText(all, change.announcementId)}`;
    case "undo": {
      const target = all.find((c) => c.id === change.changeId);
      return `Undo: ${target ? describeChange(target, ctx, all) : change.changeId}`;
    }
    case "clock":
      return change.set ? `Rehearsal clock set to ${t(change.set.virtual)} at ${rateLabel(change.set.rate)}` : "Clock back to real time";
  }
}

function announcementText(all: Change[], id: string): string {
  const a = all.find((c) => c.kind === "announce" && (c.announcementId === id || c.id === id));
  return a && a.kind === "announce" ? `“${a.text}”` : id;
}
