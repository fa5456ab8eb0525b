// Who may apply which change, and whether what it refers to exists. Organizers may do
// everything; a volunteer only acts on the rooms of their link, and undoes only their own changes.
import type { ChangeInput, EffectiveSchedule } from "../shared/model.js";
import type { Failure, Role } from "../shared/protocol.js";
import type { StoredChange } from "./store.js";

export interface ChangeContext {
  effective: EffectiveSchedule;
  changes: readonly StoredChange[];
}

const fail = (error: Failure["error"], message: string): Failure => ({ ok: false, error, message });

/** The room a session runs in now (its moved-out marker does not count), or null when unknown. */
export function roomOfSession(effective: EffectiveSchedule, key: string): string | null {
  let found: string | null = null;
  for (const s of effective.sessions) {
    if (s.key !== key) continue;
    if (s.status !== "moved-out") return s.roomId;
    found ??= s.roomId;
  }
  return found;
}

/** Refuses changes that point at sessions, rooms, changes or announcements that do not exist. */
export function checkReferences(input: ChangeInput, ctx: ChangeContext): Failure | null {
  const rooms = new Set(ctx.effective.rooms.map((r) => r.id));
  const room = (id: string) => (rooms.has(id) ? null : fail("not-found", `no room "${id}"`));
  switch (input.kind) {
    case "delay":
    case "started":
    case "ended":
    case "cancel":
    case "restore":
    case "retime":
    case "edit":
      return roomOfSession(ctx.effective, input.sessionKey) === null ? fail("not-found", `no session "${input.sessionKey}"`) : null;
    case "move":
      if (roomOfSession(ctx.effective, input.sessionKey) === null) return fail("not-found", `no session "${input.sessionKey}"`);
      return room(input.roomId);
    case "add":
      return room(input.session.roomId) ?? (input.session.end < input.session.start ? fail("invalid-payload", "the session ends before it starts") : null);
    case "room-status":
      return room(input.roomId);
    case "announce":
      return input.target.kind === "rooms" ? (input.target.roomIds.map(room).find((f) => f !== null) ?? null) : null;
    case "withdraw":
      return ctx.effective.announcements.some((a) => a.id === input.announcementId)
        ? null
        : fail("not-found", `no active announcement "${input.announcementId}"`);
    case "undo":
      return ctx.changes.some((c) => c.change.id === input.changeId) ? null : fail("not-found", `no change "${input.changeId}"`);
    case "clock":
      return null;
  }
}

/** Refuses what the role may not do; null when allowed. */
export function authorize(role: Role, input: ChangeInput, ctx: ChangeContext): Failure | null {
  if (role.kind === "organizer") return null;
  const mine = new Set(role.roomIds);
  const inScope = (roomId: string | null) =>
    roomId !== null && mine.has(roomId) ? null : fail("forbidden", "this volunteer link does not cover that room");
  switch (input.kind) {
    case "delay":
    case "started":
    case "ended":
      return inScope(roomOfSession(ctx.effective, input.sessionKey));
    case "room-status":
      return inScope(input.roomId);
    case "announce": {
      if (input.target.kind !== "rooms" || !input.target.roomIds.every((id) => mine.has(id))) {
        return fail("forbidden", "volunteers announce only to their own rooms");
      }
      // Reusing an id would replace someone else's announcement.
      const existing = input.announcementId ? ctx.effective.announcements.find((a) => a.id === input.announcementId) : undefined;
      const own = existing && ctx.changes.find((c) => c.change.id === existing.changeId)?.authorLink === role.linkId;
      return existing && !own ? fail("forbidden", "that announcement belongs to someone else") : null;
    }
    case "undo": {
      const target = ctx.changes.find((c) => c.change.id === input.changeId);
      return target?.authorLink === role.linkId ? null : fail("forbidden", "volunteers undo only their own changes");
    }
    default:
      return fail("forbidden", `volunteers may not ${input.kind}`);
  }
}
