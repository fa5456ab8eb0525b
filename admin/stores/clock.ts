// Hub time for the admin page: the device clock corrected by the offset measured at sign-in,
// then the rehearsal clock when one is set. The page's only timer.
import { computed, signal, type ReadonlySignal } from "@preact/signals";
import type { AdminState } from "../../shared/protocol.js";
import { formatClock, formatDay } from "../../shared/time.js";
import { hubTimeAt, rateLabel } from "../derive/clock.js";

export const CLOCK_TICK_MS = 1000;

export function createClock(state: ReadonlySignal<AdminState | null>, offsetMs: ReadonlySignal<number>) {
  const realNow = signal(Date.now() + offsetMs.peek());
  const timer = setInterval(() => {
    realNow.value = Date.now() + offsetMs.peek();
  }, CLOCK_TICK_MS);

  const rehearsal = computed(() => state.value?.clock ?? null);
  /** Hub time, UTC ms. */
  const hubNow = computed(() => hubTimeAt(rehearsal.value, realNow.value));
  const zone = computed(() => state.value?.event.timeZone ?? "UTC");
  const clockText = computed(() => formatClock(hubNow.value, zone.value));
  /** The banner every page shows while the hub clock is not real; null on real time. */
  const bannerText = computed(() => {
    const c = rehearsal.value;
    if (!c) return null;
    return `Rehearsal clock · ${formatDay(hubNow.value, zone.value)} · ${rateLabel(c.rate)} · not real time`;
  });

  return { realNow, hubNow, clockText, bannerText, rehearsal, dispose: () => clearInterval(timer) };
}
export type Clock = ReturnType<typeof createClock>;
