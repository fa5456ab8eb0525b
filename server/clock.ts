// The hub clock: real time, or the rehearsal clock folded from `clock` changes (time rule 8).
import type { RehearsalClock } from "../shared/model.js";

/** Hub time, UTC ms: `anchorVirtual + (realNow - anchorReal) * rate`, or real time without a rehearsal clock. */
export function hubTime(clock: RehearsalClock | null, realNow: number): number {
  if (!clock) return realNow;
  return Math.round(clock.anchorVirtual + (realNow - clock.anchorReal) * clock.rate);
}
