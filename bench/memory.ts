// Hub memory per connected screen at 5,000 screens, and whether it returns to its baseline
// after repeated connect/disconnect cycles (a screen fleet rebooting all day).
import { pause } from "./lib/broadcast-rounds.js";
import type { MemorySample } from "./lib/child-protocol.js";
import { startBenchHub } from "./lib/hub.js";
import type { BenchOptions, BenchResult } from "./lib/report.js";
import { closeScreens, connectScreens } from "./lib/screen-client.js";
import { type Row, verdict } from "./lib/stats.js";
import { SCREEN_FLUSH_INTERVAL_MS } from "../server/screens.js";

const MAX_HEAP_PER_SCREEN = 10 * 1024;
const MAX_RSS_PER_SCREEN = 20 * 1024;
const MAX_DRIFT_BYTES = 2 * 1024 * 1024;
const MB = 1024 * 1024;

export async function run(options: BenchOptions): Promise<BenchResult> {
  const screenCount = options.quick ? 1000 : 5000;
  const cycles = options.quick ? 3 : 10;
  const hub = await startBenchHub();
  const sample = () => hub.child.request<MemorySample>("memory", { gc: true });
  // A screen that went offline is written with the next batch of bookkeeping and only then
  // leaves the hub's memory: let that batch run before sampling.
  const afterClose = () => pause(SCREEN_FLUSH_INTERVAL_MS + 1000);
  const settle = async () => {
    // Let the hub see every close and drop its sockets: sample until the heap stops moving.
    let last = await sample();
    for (let i = 0; i < 20; i++) {
      await pause(1000);
      const next = await sample();
      if (Math.abs(next.heapUsed - last.heapUsed) < 256 * 1024) return next;
      last = next;
    }
    return last;
  };
  try {
    const cold = await settle();
    const screens = await connectScreens(hub.wsUrl, screenCount);
    const loaded = await settle();
    closeScreens(screens);
    await afterClose();
    const afterFirst = await settle();
    const drift: number[] = [];
    for (let c = 1; c < cycles; c++) {
      const again = await connectScreens(hub.wsUrl, screenCount);
      closeScreens(again);
      await afterClose();
      drift.push((await settle()).heapUsed - afterFirst.heapUsed);
    }
    const final = await settle();
    const heapPer = (loaded.heapUsed - cold.heapUsed) / screenCount;
    const rssPer = (loaded.rss - cold.rss) / screenCount;
    const rows: Row[] = [
      { figure: "heap per connected screen (B)", value: heapPer, target: MAX_HEAP_PER_SCREEN, verdict: verdict(heapPer, MAX_HEAP_PER_SCREEN) },
      { figure: "RSS per connected screen (B)", value: rssPer, target: MAX_RSS_PER_SCREEN, verdict: verdict(rssPer, MAX_RSS_PER_SCREEN) },
      { figure: "heap, cold baseline (MB)", value: cold.heapUsed / MB, target: null, verdict: "" },
      { figure: `heap with ${screenCount} screens (MB)`, value: loaded.heapUsed / MB, target: null, verdict: "" },
      { figure: "heap after first cycle = warm baseline (MB)", value: afterFirst.heapUsed / MB, target: null, verdict: "" },
      { figure: `heap after ${cycles} cycles (MB)`, value: final.heapUsed / MB, target: null, verdict: "" },
      { figure: `heap drift vs warm baseline after ${cycles} cycles (MB)`, value: (final.heapUsed - afterFirst.heapUsed) / MB, target: MAX_DRIFT_BYTES / MB, verdict: verdict((final.heapUsed - afterFirst.heapUsed) / MB, MAX_DRIFT_BYTES / MB) },
      { figure: `heap drift vs cold baseline after ${cycles} cycles (MB)`, value: (final.heapUsed - cold.heapUsed) / MB, target: MAX_DRIFT_BYTES / MB, verdict: verdict((final.heapUsed - cold.heapUsed) / MB, MAX_DRIFT_BYTES / MB) },
      { figure: "  of which compiled code (code space, MB)", value: (final.codeSpaceUsed - cold.codeSpaceUsed) / MB, target: null, verdict: "" },
      { figure: `RSS drift vs cold baseline after ${cycles} cycles (MB)`, value: (final.rss - cold.rss) / MB, target: null, verdict: "" },
    ];
    return {
      title: `Hub memory: ${screenCount} screens (views room-1, room-2, lobby), ${cycles} connect/disconnect cycles, same screen ids each cycle`,
      rows,
      data: { cold, loaded, afterFirst, final, driftPerCycleBytes: drift },
      notes: [
        "Measured in the hub process after four forced GCs (--expose-gc), once two samples 1 s apart differ by < 256 kB.",
        "Offline screens live in the database only (the admin's screen list reads them from there): what the hub keeps per screen ends with its connection.",
        "The warm baseline follows one full cycle, so code compiled on first use is not counted as a leak.",
        `Each sample follows the hub's next write of screen bookkeeping (every ${SCREEN_FLUSH_INTERVAL_MS / 1000} s), after which offline screens leave its memory.`,
      ],
    };
  } finally {
    await hub.stop();
  }
}
