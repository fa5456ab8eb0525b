// Clock sync error of a screen against the hub while the hub broadcasts: the display's own
// clock store (display/stores/clock.ts: several round trips, the lowest-RTT sample wins) runs
// on a real socket.io-client socket with a device clock 3 hours off. Hub and screen share the
// machine's clock, so the true offset is known exactly.
import { io, type Socket } from "socket.io-client";
import { createClock } from "../display/stores/clock.js";
import { memoryStorage } from "../display/stores/storage.js";
import { DISPLAY_NAMESPACE, type DisplayClientToServer, type DisplayServerToClient } from "../shared/protocol.js";
import { announceToAll } from "./lib/admin.js";
import { pause } from "./lib/broadcast-rounds.js";
import { startBenchHub } from "./lib/hub.js";
import type { BenchOptions, BenchResult } from "./lib/report.js";
import { closeScreens, connectScreens } from "./lib/screen-client.js";
import { max, median, p99, type Row, verdict } from "./lib/stats.js";

const DEVICE_SKEW_MS = -3 * 3600_000;
const MAX_P99_ERROR_MS = 1;
/** A busy event: five changes a second, each sent to every screen. */
const BROADCAST_EVERY_MS = 200;

export async function run(options: BenchOptions): Promise<BenchResult> {
  const screenCount = options.quick ? 200 : 1000;
  const syncs = options.quick ? 30 : 100;
  const tickSeconds = options.quick ? 5 : 15;
  const hub = await startBenchHub();
  const screens = await connectScreens(hub.wsUrl, screenCount);
  let loading = true;
  let broadcasts = 0;
  const load = (async () => {
    while (loading) {
      await hub.admin.apply(announceToAll(broadcasts++));
      await pause(BROADCAST_EVERY_MS);
    }
  })();

  const socket: Socket<DisplayServerToClient, DisplayClientToServer> = io(`${hub.httpUrl}${DISPLAY_NAMESPACE}`, {
    transports: ["websocket"],
    forceNew: true,
  });
  await new Promise<void>((r) => socket.once("connect", () => r()));
  await socket.emitWithAck("screen:hello", { screenId: "clock-bench-screen", view: "room:room-1", version: null, appVersion: "bench" });

  let ticks = 0;
  let early = 0;
  let worstEarlyMs = 0;
  const clock = createClock(socket, {
    deviceNow: () => Date.now() + DEVICE_SKEW_MS,
    storage: memoryStorage(),
    // Wraps the store's one timer: after each tick, is the displayed second ahead of the hub's?
    setTimer: (fn, ms) =>
      setTimeout(() => {
        fn();
        const hubNow = Date.now();
        ticks++;
        const shown = Math.floor(clock.now.value / 1000);
        if (shown > Math.floor(hubNow / 1000)) {
          early++;
          worstEarlyMs = Math.max(worstEarlyMs, shown * 1000 - hubNow);
        }
      }, ms),
  });

  const errors: number[] = [];
  const rtts: number[] = [];
  for (let i = 0; i < syncs; i++) {
    await clock.sync();
    // The true hub − device offset is −DEVICE_SKEW_MS.
    errors.push(clock.offsetMs.value + DEVICE_SKEW_MS);
    rtts.push(clock.rttMs.value);
    await pause(Math.random() * 100);
  }
  const stop = clock.start();
  await pause(tickSeconds * 1000);
  stop();
  loading = false;
  await load;
  socket.close();
  closeScreens(screens);
  await hub.stop();

  const abs = errors.map(Math.abs);
  const ahead = errors.filter((e) => e > 0);
  // The same samples read as a lower bound (hubReal − receivedAt = midpoint − rtt/2): never
  // ahead of the hub, at the price of up to one RTT behind.
  const lowerBound = errors.map((e, i) => e - (rtts[i] ?? 0) / 2);
  const rows: Row[] = [
    { figure: "|offset error| median (ms)", value: median(abs), target: null, verdict: "" },
    { figure: "|offset error| p99 (ms)", value: p99(abs), target: MAX_P99_ERROR_MS, verdict: verdict(p99(abs), MAX_P99_ERROR_MS) },
    { figure: "|offset error| max (ms)", value: max(abs), target: null, verdict: "" },
    { figure: "syncs whose estimate ran ahead of the hub", value: ahead.length, target: null, verdict: "" },
    { figure: "best-sample RTT median (ms)", value: median(rtts), target: null, verdict: "" },
    { figure: "lower-bound reading: |error| p99 (ms)", value: p99(lowerBound.map(Math.abs)), target: null, verdict: "" },
    { figure: "lower-bound reading: syncs ahead of the hub", value: lowerBound.filter((e) => e > 0).length, target: null, verdict: "" },
    { figure: `displayed second changed early (of ${ticks} ticks)`, value: early, target: 0, verdict: early === 0 ? "ok" : `MISSED (worst ${worstEarlyMs} ms early)` },
    { figure: "broadcasts during the measurement", value: broadcasts, target: null, verdict: "" },
  ];
  return {
    title: `Clock sync: ${syncs} syncs of the display's clock store (device clock ${DEVICE_SKEW_MS / 3600_000} h), ${screenCount} screens, a change every ${BROADCAST_EVERY_MS} ms`,
    rows,
    data: { errors, rtts, ticks, early, worstEarlyMs },
    notes: ["The hub answers clock:sync with whole milliseconds (Date.now()), so ±1 ms is the resolution floor."],
  };
}
