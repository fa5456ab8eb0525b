// Hub time for the admin page: the device clock corrected by the offset measured at sign-in,
// then the rehearsal clock when one is set. The page's only timer.
import { computed, signal, type ReadonlySignal } from "@preact/signals";
import type { AdminState } from "../../shared/protocol.js";
import { formatClock, formatDay, hubNow as hubTimeOf } from "../../shared/time.js";
import { rateLabel } from "../derive/clock.js";

export const CLOCK_TICK_MS = 1000;
/**
 * How often (in hub time) pages re-evaluate what is on. Between ticks only the clock text
 * changes; a change from the hub re-evaluates at once (see stores/on-air.ts).
 */
export const SCHEDULE_TICK_HUB_MS = 5000;

export function createClock(state: ReadonlySignal<AdminState | null>, offsetMs: ReadonlySignal<number>) {
  const realNow = signal(Date.now() + offsetMs.peek());
  /** Bumps every SCHEDULE_TICK_HUB_MS of hub time (at most once a second at fast rates). */
  const scheduleTick = signal(0);
  let lastTickReal = realNow.peek();
  const timer = setInterval(() => {
    const now = Date.now() + offsetMs.peek();
    realNow.value = now;
    const rate = rehearsal.peek()?.rate ?? 1;
    if (now - lastTickReal >= Math.max(CLOCK_TICK_MS, SCHEDULE_TICK_HUB_MS / Math.max(rate, 1))) {
      lastTickReal = now;
      scheduleTick.value += 1;
    }
  }, CLOCK_TICK_MS);

  const rehearsal = computed(() => state.value?.clock ?? null);
  /** Hub time, UTC ms. */
  const hubNow = computed(() => hubTimeOf(rehearsal.value, realNow.value));
  const zone = computed(() => state.value?.event.timeZone ?? "UTC");
  const clockText = computed(() => formatClock(hubNow.value, zone.value));
  /** The banner every page shows while the hub clock is not real; null on real time. */
  const bannerText = computed(() => {
    const c = rehearsal.value;
    if (!c) return null;
    return `Rehearsal clock · ${formatDay(hubNow.value, zone.value)} · ${rateLabel(c.rate)} · not real time`;
  });

  /** Real and hub time that change only on the schedule tick: for texts like "seen 2 min ago". */
  const coarseRealNow = computed(() => {
    void scheduleTick.value;
    return realNow.peek();
  });
  const coarseHubNow = computed(() => hubTimeOf(rehearsal.value, coarseRealNow.value));

  return { realNow, hubNow, scheduleTick, coarseRealNow, coarseHubNow, clockText, bannerText, rehearsal, dispose: () => clearInterval(timer) };
}
export type Clock = ReturnType<typeof createClock>;
