// What the Now page and the room page show, derived from the admin state with shared/ only.
import { BREAK_TYPES, type EffectiveSchedule, type EffectiveSession, type Room, type RoomNow } from "../../shared/model.js";
import type { AdminState, ScreenInfo } from "../../shared/protocol.js";
import { parseView } from "../../shared/model.js";
import { whatIsOn } from "../../shared/on-air.js";
import { MINUTE_MS } from "../../shared/time.js";

/** One room at a glance. */
export interface RoomLine {
  room: Room;
  now: RoomNow;
  /** Screens whose view shows this room (door screens first). */
  screens: ScreenInfo[];
}

/** The effective schedule the admin state carries, in the shape shared/ works on. */
export function toEffective(state: AdminState): EffectiveSchedule {
  return {
    event: state.event,
    rooms: state.rooms,
    sessions: state.sessions,
    roomStatus: state.roomStatus,
    announcements: state.announcements,
    clock: state.clock,
    orphaned: state.orphaned,
  };
}

/** Every room, in the event's order, at hub time `at`. */
export function roomLines(state: AdminState, at: number): RoomLine[] {
  const onAir = whatIsOn(toEffective(state), "lobby", at);
  const rooms = new Map(state.rooms.map((r) => [r.id, r]));
  return onAir.rooms.flatMap((now) => {
    const room = rooms.get(now.roomId);
    return room ? [{ room, now, screens: screensShowing(state.screens, room.id) }] : [];
  });
}

/** One room at hub time `at`; null when the room is unknown. */
export function roomLine(state: AdminState, roomId: string, at: number): RoomLine | null {
  const room = state.rooms.find((r) => r.id === roomId);
  if (!room) return null;
  const now = whatIsOn(toEffective(state), `room:${roomId}`, at).rooms[0];
  return now ? { room, now, screens: screensShowing(state.screens, roomId) } : null;
}

/** Screens whose assigned view includes the room: its door screens, then lobby boards. */
export function screensShowing(screens: ScreenInfo[], roomId: string): ScreenInfo[] {
  const door: ScreenInfo[] = [];
  const lobby: ScreenInfo[] = [];
  for (const s of screens) {
    const view = s.view ? parseView(s.view) : null;
    if (!view) continue;
    if (view.kind === "room" && view.roomId === roomId) door.push(s);
    if (view.kind === "lobby" && (view.roomIds === null || view.roomIds.includes(roomId))) lobby.push(s);
  }
  return [...door, ...lobby];
}

/** Minutes a session starts after its planned start (negative when pulled back). */
export function lateMinutes(session: EffectiveSession): number {
  return Math.round((session.start - session.plannedStart) / MINUTE_MS);
}

/** "+10 min late", "5 min early", "on time". */
export function lateLabel(session: EffectiveSession): string {
  const m = lateMinutes(session);
  if (m > 0) return `+${m} min late`;
  if (m < 0) return `${-m} min early`;
  return "on time";
}

export type RoomAction = "started" | "ended" | "late";

/**
 * The session a room-page button acts on. "Started now" and the late buttons act on the talk on
 * now, or on the next one when nothing (or only a break or lunch) is on; "Ended now" on the
 * session on now.
 */
export function actionTarget(now: RoomNow, action: RoomAction): EffectiveSession | null {
  const current = now.current;
  if (action === "ended") return current;
  if (current && !BREAK_TYPES.has(current.type)) return current;
  return now.next;
}
