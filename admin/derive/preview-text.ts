// Turns a change preview from the hub into the sentence a volunteer reads before confirming:
// "Room 1: 11:30 talk moves to 11:40; lunch 12:10–13:30; 2 screens will change".
import { BREAK_TYPES, type EffectiveSession, type Room } from "../../shared/model.js";
import type { ChangePreview, SessionPreview } from "../../shared/protocol.js";
import { formatTime } from "../../shared/time.js";

/** One sentence per affected room, then the number of screens. */
export function previewLines(
  preview: ChangePreview,
  rooms: Room[],
  sessions: EffectiveSession[],
  zone: string,
): string[] {
  const types = new Map(sessions.map((s) => [s.key, s.type]));
  const byRoom = new Map<string, string[]>();
  for (const p of preview.sessions) {
    const part = describeSession(p, types.get(p.key) ?? "talk", rooms, zone);
    if (!part) continue;
    const roomId = p.before?.roomId ?? p.after?.roomId ?? p.roomId;
    byRoom.set(roomId, [...(byRoom.get(roomId) ?? []), part]);
  }
  const lines = rooms.filter((r) => byRoom.has(r.id)).map((r) => `${r.name}: ${byRoom.get(r.id)!.join("; ")}`);
  if (lines.length === 0) lines.push("No session changes.");
  lines.push(screensText(preview.screens));
  return lines;
}

export function screensText(count: number): string {
  if (count === 0) return "no screen will change";
  return count === 1 ? "1 screen will change" : `${count} screens will change`;
}

function describeSession(p: SessionPreview, type: string, rooms: Room[], zone: string): string | null {
  const t = (at: number) => formatTime(at, zone);
  const { before, after } = p;
  if (!after) return before ? `${t(before.start)} ${type} removed` : null;
  // A move shows up twice: the marker it leaves in the old room says nothing new.
  if (!before && after.status === "moved-out") return null;
  if (!before) return `new ${type} ${t(after.start)}–${t(after.end)}`;
  if (after.status === "cancelled" && before.status !== "cancelled") return `${t(before.start)} ${type} cancelled`;
  if (before.status === "cancelled" && after.status !== "cancelled") return `${t(after.start)} ${type} restored`;
  if (after.roomId !== before.roomId) {
    const to = rooms.find((r) => r.id === after.roomId)?.name ?? after.roomId;
    return `${t(before.start)} ${type} moves to ${to}`;
  }
  const startMoved = after.start !== before.start;
  const endMoved = after.end !== before.end;
  // A break that keeps its end while shrinking reads best as its new span.
  if (BREAK_TYPES.has(type as EffectiveSession["type"]) && (startMoved || endMoved)) {
    return `${type} ${t(after.start)}–${t(after.end)}`;
  }
  if (startMoved) return `${t(before.start)} ${type} moves to ${t(after.start)}`;
  if (endMoved) return `${t(before.start)} ${type} ends ${t(after.end)}`;
  return null;
}
