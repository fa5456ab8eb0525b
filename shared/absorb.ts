// Resolving one room's day: each session asks for its requested times; a session is pushed only
// as far as needed to clear the ones before it (so gaps absorb delays); a break or lunch keeps
// its end and shrinks first (down to zero length, then it is pushed), and a session asked to
// start during a break cuts the break short; nothing is ever pulled earlier than it asked.
// Overlaps the printed schedule already had are left alone.
import { BREAK_TYPES } from "./model.js";
import { overlappedInPlan, requestedEnd, requestedStart, type SessionState } from "./fold-state.js";

/** Where a session ends up, UTC ms, and which timing changes of the sessions before it pushed it. */
export interface Placement {
  start: number;
  end: number;
  /** Positions of the changes that moved it in time, its own and those of whoever pushed it. */
  timedBy: number[];
}

/** A session that takes no part in its room's running order (cancelled, background, moved-out marker). */
export function placeAlone(s: SessionState): Placement {
  const start = requestedStart(s);
  const end = s.endedAt === null ? requestedEnd(s) : Math.max(start, s.endedAt);
  return { start, end, timedBy: s.timedBy };
}

/**
 * Places a room's sessions of one day, given in running order (see compareOrder). A `started`
 * session keeps its start: whatever before it still runs then is cut short, and whatever was
 * queued before it but has not begun follows it.
 */
export function placeRoomDay(items: readonly SessionState[]): Placement[] {
  const placed: Placement[] = [];
  for (let i = 0; i < items.length; i++) {
    const s = items[i]!;
    const asked = requestedStart(s);
    let start = asked;
    let pusher: Placement | null = null;
    if (!s.pinned) {
      for (let j = 0; j < i; j++) {
        const p = placed[j]!;
        if (p.end > start && !BREAK_TYPES.has(items[j]!.type) && !overlappedInPlan(items[j]!, s)) {
          start = p.end;
          pusher = p;
        }
      }
      // A break or lunch still running when this session is due gives up its end rather than
      // push anything; only one that has not begun by then (shrunk to nothing) pushes.
      for (let j = 0; j < i; j++) {
        const p = placed[j]!;
        if (p.end <= start || !BREAK_TYPES.has(items[j]!.type) || overlappedInPlan(items[j]!, s)) continue;
        if (p.start <= start) p.end = start;
        else {
          start = p.end;
          pusher = p;
        }
      }
    }
    let end = BREAK_TYPES.has(s.type) && !s.pinned ? Math.max(requestedEnd(s), start) : start + s.baseDuration;
    if (s.endedAt !== null) end = Math.max(start, s.endedAt);
    const timedBy = pusher && start > asked ? union(s.timedBy, pusher.timedBy) : s.timedBy;
    const here = { start, end, timedBy };
    if (s.pinned) makeWayFor(here, items, placed, i);
    placed.push(here);
  }
  return placed;
}

/** Cuts short what runs when a started session began, and queues what had not begun after it. */
function makeWayFor(started: Placement, items: readonly SessionState[], placed: Placement[], i: number): void {
  const queued: number[] = [];
  for (let j = 0; j < i; j++) {
    const p = placed[j]!;
    if (p.end <= started.start && p.start < started.start) continue;
    if (p.start === started.start && p.end === p.start) continue; // a point at the very instant
    if (overlappedInPlan(items[j]!, items[i]!)) continue;
    if (p.start < started.start) p.end = started.start;
    else queued.push(j);
  }
  // Everything else stays where it is; each queued session takes the first free place after the
  // started one, clear of whatever it did not overlap in the printed schedule.
  const moved = new Set<number>();
  const standing = (k: number) => k === i || moved.has(k) || !queued.includes(k);
  for (const j of queued) {
    const p = placed[j]!;
    const length = p.end - p.start;
    let start = Math.max(p.start, started.end);
    for (let again = true; again; ) {
      again = false;
      for (let k = 0; k <= i; k++) {
        if (k === j || !standing(k) || overlappedInPlan(items[k]!, items[j]!)) continue;
        const q = k === i ? started : placed[k]!;
        // Half-open overlap; for a point, lying strictly inside q.
        if (q.start < start + length && start < q.end) {
          start = q.end;
          again = true;
        }
      }
    }
    p.start = start;
    p.end = start + length;
    p.timedBy = union(p.timedBy, started.timedBy);
    moved.add(j);
  }
}

function union(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0) return b as number[];
  return [...new Set([...a, ...b])];
}
