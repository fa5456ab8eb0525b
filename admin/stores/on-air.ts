// What is on in every room, re-evaluated when the hub sends a change and on the schedule tick,
// not on every clock second: pages render from here instead of polling the clock.
import { computed } from "@preact/signals";
import { roomLines, type RoomLine } from "../derive/overview.js";
import type { AdminStateStore } from "./admin-state.js";
import type { Clock } from "./clock.js";

export function createOnAir(admin: AdminStateStore, clock: Clock) {
  /** Every room in the event's order; empty before the first admin:state. */
  const lines = computed<RoomLine[]>(() => {
    const state = admin.state.value;
    // Subscribe to the tick, but read the exact instant: a change from the hub (say "Started
    // now") must be evaluated at the time it arrives, not at the last tick.
    void clock.scheduleTick.value;
    return state ? roomLines(state, clock.hubNow.peek()) : [];
  });
  const byRoom = computed(() => new Map(lines.value.map((l) => [l.room.id, l])));
  return { lines, byRoom };
}
export type OnAir = ReturnType<typeof createOnAir>;
