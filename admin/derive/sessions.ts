// The Sessions page's timeline: one room, one conference day, planned beside effective.
import type { EffectiveSession } from "../../shared/model.js";

/** Conference days that have sessions, in order ("YYYY-MM-DD"). */
export function conferenceDays(sessions: EffectiveSession[]): string[] {
  return [...new Set(sessions.map((s) => s.day))].sort();
}

/** The room's sessions of that day, by effective start (cancelled and moved-out ones included). */
export function roomDaySessions(sessions: EffectiveSession[], roomId: string, day: string): EffectiveSession[] {
  return sessions
    .filter((s) => s.roomId === roomId && s.day === day)
    .sort((a, b) => a.start - b.start || a.plannedStart - b.plannedStart || a.key.localeCompare(b.key));
}

/** Speakers typed as "Ada Lovelace, Grace Hopper" (commas or semicolons). */
export function parseSpeakers(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
