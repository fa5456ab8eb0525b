// What a change would do, before it is applied: which sessions move, which rooms' screens change.
import type { EffectiveSchedule, EffectiveSession } from "../shared/model.js";
import type { SessionPreview } from "../shared/protocol.js";

// A moved session appears twice (its marker in the old room and itself in the new one).
const slot = (s: EffectiveSession) => `${s.key}\u0000${s.status === "moved-out" ? "out" : "in"}`;
const shape = (s: EffectiveSession) => ({ start: s.start, end: s.end, status: s.status, roomId: s.roomId });

/** Sessions whose times, room or status differ between two effective schedules. */
export function diffSessions(before: EffectiveSchedule, after: EffectiveSchedule): SessionPreview[] {
  const old = new Map(before.sessions.map((s) => [slot(s), s]));
  const out: SessionPreview[] = [];
  const seen = new Set<string>();
  for (const s of after.sessions) {
    const id = slot(s);
    seen.add(id);
    const was = old.get(id);
    const same = was && was.start === s.start && was.end === s.end && was.status === s.status && was.roomId === s.roomId;
    if (!same) out.push({ key: s.key, displayTitle: s.displayTitle, roomId: s.roomId, before: was ? shape(was) : null, after: shape(s) });
  }
  for (const [id, was] of old) {
    if (!seen.has(id)) out.push({ key: was.key, displayTitle: was.displayTitle, roomId: was.roomId, before: shape(was), after: null });
  }
  return out;
}

/** Rooms whose screens would show something different: moved sessions, status, announcements. */
export function affectedRooms(before: EffectiveSchedule, after: EffectiveSchedule, sessions: SessionPreview[]): string[] {
  const rooms = new Set<string>();
  for (const s of sessions) {
    if (s.before) rooms.add(s.before.roomId);
    if (s.after) rooms.add(s.after.roomId);
  }
  for (const r of after.rooms) {
    if ((before.roomStatus[r.id] ?? "open") !== (after.roomStatus[r.id] ?? "open")) rooms.add(r.id);
  }
  const announced = (e: EffectiveSchedule) => JSON.stringify(e.announcements);
  if (announced(before) !== announced(after) || JSON.stringify(before.clock) !== JSON.stringify(after.clock)) {
    for (const r of after.rooms) rooms.add(r.id);
  }
  return after.rooms.map((r) => r.id).filter((id) => rooms.has(id));
}
