// The screen's sense of time. The device clock is never trusted (a Pi has no RTC and may be hours
// off): the offset to the hub is estimated over several clock:sync round trips, keeping the
// sample with the lowest round-trip time read as a lower bound (never ahead of the hub), and
// re-synced every few minutes. The rehearsal clock from the snapshot is applied on top. This store owns the screen's one timer.
import { computed, signal } from "@preact/signals";
import type { Socket } from "socket.io-client";
import type { RehearsalClock } from "../../shared/model.js";
import type { DisplayClientToServer, DisplayServerToClient } from "../../shared/protocol.js";
import { hubNow } from "../../shared/zoned.js";
import type { KeyValueStore } from "./storage.js";

export type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

/** Round trips per sync; the one with the smallest RTT wins. */
export const SYNC_SAMPLES = 5;
export const SYNC_TIMEOUT_MS = 2_000;
export const RESYNC_INTERVAL_MS = 5 * 60_000;
/** Fastest tick, for rehearsal clocks running many times faster than real time. */
export const MIN_TICK_MS = 100;
const OFFSET_KEY = "roomcast.clockOffset";

export interface ClockSample {
  /** hub − device, ms. */
  offsetMs: number;
  rttMs: number;
}

/**
 * One round trip: sent and received on the device clock, the hub's real time in between.
 * The offset is the lower bound hubReal − receivedAt (the midpoint minus half the RTT): the hub
 * read its clock before the reply arrived, so the estimate is never ahead of the hub — a
 * displayed second never changes early — and at most the RTT behind. The midpoint was closer on
 * average but ran ahead whenever the way back was the slow half (9–31 % of syncs under load).
 * Pure, so benchmarks can read samples exactly as screens do.
 */
export function sampleOf(sentAt: number, hubReal: number, receivedAt: number): ClockSample {
  const rttMs = Math.max(0, receivedAt - sentAt);
  return { offsetMs: hubReal - Math.max(receivedAt, sentAt), rttMs };
}

/** The sample with the smallest round trip: the least disturbed by queues and Wi-Fi. */
export function bestSample(samples: ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const s of samples) if (!best || s.rttMs < best.rttMs) best = s;
  return best;
}

/** Hub time (UTC ms) shown on screens: real hub time, or the rehearsal clock driven by it. */
export function hubTime(hubReal: number, rehearsal: RehearsalClock | null): number {
  return hubNow(rehearsal, hubReal);
}

/** Real ms until the displayed second next changes, so the clock never ticks early or late. */
export function msToNextSecond(virtualNow: number, rate: number): number {
  if (rate <= 0) return 1_000;
  const virtualMs = 1_000 - (((virtualNow % 1_000) + 1_000) % 1_000);
  return Math.min(1_000, Math.max(MIN_TICK_MS, Math.ceil(virtualMs / rate)));
}

export interface ClockDeps {
  deviceNow?: () => number;
  storage: KeyValueStore;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createClock(socket: DisplaySocket, deps: ClockDeps) {
  const deviceNow = deps.deviceNow ?? (() => Date.now());
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  const cachedText = deps.storage.get(OFFSET_KEY);
  const cachedOffset = Number(cachedText ?? "0");
  const offsetMs = signal(Number.isFinite(cachedOffset) ? cachedOffset : 0);
  /** False until the offset is known (synced now or cached): until then nothing time-dependent is shown. */
  const trusted = signal(cachedText !== null && Number.isFinite(cachedOffset));
  const rttMs = signal(0);
  /** Hub real time of the last successful sync, UTC ms. */
  const lastSyncAt = signal<number | null>(null);
  const rehearsal = signal<RehearsalClock | null>(null);
  /** Device time at the last tick. Everything time-dependent derives from it. */
  const tickedAt = signal(deviceNow());
  const hubReal = computed(() => tickedAt.value + offsetMs.value);
  const now = computed(() => Math.floor(hubTime(hubReal.value, rehearsal.value)));

  let lastSyncDevice = -Infinity;
  let syncing = false;

  async function roundTrip(): Promise<ClockSample | null> {
    const sentAt = deviceNow();
    try {
      const reply = await socket.timeout(SYNC_TIMEOUT_MS).emitWithAck("clock:sync", sentAt);
      return sampleOf(sentAt, reply.hubReal, deviceNow());
    } catch {
      return null; // a lost round trip just does not count; the others still may
    }
  }

  /** Several round trips; the fastest one sets the offset. */
  async function sync(): Promise<void> {
    if (syncing || !socket.connected) return;
    syncing = true;
    lastSyncDevice = deviceNow();
    const samples: ClockSample[] = [];
    for (let i = 0; i < SYNC_SAMPLES; i++) {
      const s = await roundTrip();
      if (s) samples.push(s);
    }
    syncing = false;
    const best = bestSample(samples);
    if (!best) return;
    offsetMs.value = best.offsetMs;
    rttMs.value = best.rttMs;
    trusted.value = true;
    lastSyncAt.value = deviceNow() + best.offsetMs;
    deps.storage.set(OFFSET_KEY, String(Math.round(best.offsetMs)));
    tick();
  }

  let timer: unknown = null;
  function tick(): void {
    if (timer !== null) clearTimer(timer);
    tickedAt.value = deviceNow();
    if (deviceNow() - lastSyncDevice >= RESYNC_INTERVAL_MS) void sync();
    timer = setTimer(tick, msToNextSecond(now.value, rehearsal.value?.rate ?? 1));
  }

  socket.on("connect", () => void sync());

  return {
    offsetMs,
    trusted,
    rttMs,
    lastSyncAt,
    rehearsal,
    tickedAt,
    hubReal,
    /** Hub time (rehearsal clock applied), UTC ms, updated on every displayed second. */
    now,
    sync,
    /** Starts the one timer; returns its cleanup. */
    start(): () => void {
      tick();
      return () => {
        if (timer !== null) clearTimer(timer);
        timer = null;
      };
    },
  };
}

export type ClockStore = ReturnType<typeof createClock>;
