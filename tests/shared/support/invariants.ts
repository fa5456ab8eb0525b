// Invariants shared by the property tests and the real-sample tests.
import type { EffectiveSchedule, EffectiveSession, Event } from "../../../shared/model.js";

export const BACKGROUND_MS = 8 * 3_600_000;

/**
 * Takes part in its room's running order: not cancelled, not a moved-out marker, not background.
 * Background goes by the length the session was given, so an all-day session ended early (which
 * shortens only its effective times) stays background, as it does in fold.
 */
export const runs = (s: EffectiveSession) =>
  s.status !== "cancelled" && s.status !== "moved-out" && Math.max(s.end - s.start, s.plannedEnd - s.plannedStart) <= BACKGROUND_MS;
export const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Pairs of running sessions in one room that overlap now but did not in the imported schedule. */
export function newOverlaps(event: Event, effective: EffectiveSchedule): string[] {
  const planned = new Map(event.sessions.map((s) => [s.key, s]));
  const plannedInterval = (key: string) => {
    const s = planned.get(key);
    const e = effective.sessions.find((x) => x.key === key);
    return s && e ? { room: s.roomId, start: e.plannedStart, end: e.plannedEnd } : null;
  };
  const found: string[] = [];
  // A session that ends as it starts (a break absorbed, a session ended before it began) takes
  // no time in its room, so it overlaps nothing.
  const live = effective.sessions.filter((s) => runs(s) && s.end > s.start);
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i]!;
      const b = live[j]!;
      if (a.roomId !== b.roomId || !overlap(a, b)) continue;
      const pa = plannedInterval(a.key);
      const pb = plannedInterval(b.key);
      // Sessions that overlapped in one printed room may keep overlapping, wherever they are moved together.
      const importedOverlap = pa && pb && pa.room === pb.room && overlap(pa, pb);
      if (!importedOverlap) found.push(`${a.key}/${b.key}`);
    }
  }
  return found;
}

