// Memory and CPU of the screens over an accelerated event day: a hub (Planet Nix demo) with the
// rehearsal clock at 60×, and Debian's Chromium showing Room 1's door screen and the lobby.
// Every few seconds each page is garbage-collected and its JS heap, DOM nodes, listeners and
// CPU time are read over the Chrome DevTools Protocol. Targets (issue 5): the JS heap grows
// under 10 % after warm-up, and the page is idle between its ticks.
// `npm run bench -- display-memory [--quick]`: 8 real minutes (8 event hours), or 1 minute.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { pause } from "./lib/broadcast-rounds.js";
import { startBenchHub } from "./lib/hub.js";
import type { BenchOptions, BenchResult } from "./lib/report.js";
import { type Row, round, verdict } from "./lib/stats.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const RATE = 60;
/** 08:00 in Pasadena on the first day: the day's first talk is an hour later. */
const DAY_START = Date.parse("2025-03-06T08:00:00-08:00");
const MAX_HEAP_GROWTH = 0.1;
/** Main-thread busy time per real second; a Pi is several times slower than a bench machine. */
const MAX_BUSY_MS_PER_S = 50;
/** An organizer's announcement every so often, so re-renders and broadcasts are part of the day. */
const ANNOUNCE_EVERY_MS = 20_000;

interface Sample {
  atS: number;
  heapBytes: number;
  nodes: number;
  listeners: number;
  /** Cumulative main-thread task time, seconds (Performance.getMetrics TaskDuration). */
  taskS: number;
  scriptS: number;
  layouts: number;
  clock: string;
}

interface Screen {
  name: string;
  page: Page;
  cdp: CDPSession;
  samples: Sample[];
}

async function openScreen(browser: Browser, name: string, url: string): Promise<Screen> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url);
  await page.getByTestId("clock").waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  await cdp.send("HeapProfiler.enable");
  return { name, page, cdp, samples: [] };
}

async function sample(screen: Screen, startedAt: number): Promise<Sample> {
  await screen.cdp.send("HeapProfiler.collectGarbage");
  const heap = await screen.cdp.send("Runtime.getHeapUsage");
  const { metrics } = await screen.cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const s: Sample = {
    atS: (performance.now() - startedAt) / 1000,
    heapBytes: heap.usedSize,
    nodes: metric("Nodes"),
    listeners: metric("JSEventListeners"),
    taskS: metric("TaskDuration"),
    scriptS: metric("ScriptDuration"),
    layouts: metric("LayoutCount"),
    clock: await screen.page.getByTestId("clock").innerText(),
  };
  screen.samples.push(s);
  return s;
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function figures(screen: Screen, warmupS: number): Row[] {
  const after = screen.samples.filter((s) => s.atS >= warmupS);
  const first = after.slice(0, 3);
  const last = after.slice(-3);
  // Medians of three samples at each end, so one sample caught mid-render does not decide.
  const base = medianOf(first.map((s) => s.heapBytes));
  const end = medianOf(last.map((s) => s.heapBytes));
  const growth = (end - base) / base;
  const a = after[0]!;
  const z = after[after.length - 1]!;
  const spanS = z.atS - a.atS;
  const busyMsPerS = ((z.taskS - a.taskS) * 1000) / spanS;
  const scriptMsPerS = ((z.scriptS - a.scriptS) * 1000) / spanS;
  // The slope over the second half, per event hour: what three days on one boot would add.
  const half = after.filter((s) => s.atS >= (a.atS + z.atS) / 2);
  const h0 = half[0]!;
  const slopeKbPerHour = (z.heapBytes - h0.heapBytes) / 1024 / (((z.atS - h0.atS) * RATE) / 3600);
  const n = screen.name;
  return [
    { figure: `${n}: JS heap after warm-up (kB)`, value: round(base / 1024), target: null, verdict: "" },
    { figure: `${n}: JS heap at the end (kB)`, value: round(end / 1024), target: null, verdict: "" },
    { figure: `${n}: JS heap growth after warm-up (%)`, value: round(growth * 100), target: MAX_HEAP_GROWTH * 100, verdict: verdict(growth, MAX_HEAP_GROWTH) },
    { figure: `${n}: JS heap slope, second half (kB per event hour)`, value: round(slopeKbPerHour), target: null, verdict: "" },
    // Node counts differ by state (a talk with speakers, a break, the day's end): a range, not a trend.
    { figure: `${n}: DOM nodes (min–max after warm-up)`, value: `${Math.min(...after.map((s) => s.nodes))}–${Math.max(...after.map((s) => s.nodes))}`, target: null, verdict: "" },
    { figure: `${n}: JS event listeners (warm-up → end)`, value: `${a.listeners} → ${z.listeners}`, target: null, verdict: z.listeners <= a.listeners * 1.1 ? "ok" : "GROWS" },
    { figure: `${n}: main-thread busy (ms per real s)`, value: round(busyMsPerS), target: MAX_BUSY_MS_PER_S, verdict: verdict(busyMsPerS, MAX_BUSY_MS_PER_S) },
    { figure: `${n}: of which script (ms per real s)`, value: round(scriptMsPerS), target: null, verdict: "" },
    { figure: `${n}: layouts per real s`, value: round((z.layouts - a.layouts) / spanS), target: null, verdict: "" },
  ];
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  if (!existsSync(join(import.meta.dirname, "..", "dist", "display", "index.html"))) throw new Error("the pages are not built: run npm run build first");
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const durationS = options.quick ? 60 : 8 * 60;
  // A quarter of the run: on the door the first talks of the day (from 09:00) bring new code
  // paths, whose compiled code and type feedback V8 keeps on the heap once, not per tick.
  const warmupS = durationS / 4;
  const everyS = options.quick ? 5 : 15;

  const hub = await startBenchHub({ clockStart: DAY_START });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const set = await hub.admin.apply({ kind: "clock", set: { virtual: DAY_START, rate: RATE } });
    if (!set.ok) throw new Error(`rehearsal clock refused: ${set.message}`);
    const screens = [await openScreen(browser, "door", `${hub.httpUrl}/display/room/room-1`), await openScreen(browser, "lobby", `${hub.httpUrl}/display/lobby`)];
    const startedAt = performance.now();
    let announcements = 0;
    let nextAnnounce = ANNOUNCE_EVERY_MS;
    while ((performance.now() - startedAt) / 1000 < durationS) {
      for (const screen of screens) await sample(screen, startedAt);
      const elapsedMs = performance.now() - startedAt;
      if (elapsedMs >= nextAnnounce) {
        nextAnnounce += ANNOUNCE_EVERY_MS;
        const id = `bench-${announcements++}`;
        await hub.admin.apply({ kind: "announce", announcementId: id, text: `Coffee is served (${id})`, level: "info" });
        await hub.admin.apply({ kind: "withdraw", announcementId: id });
      }
      await pause(everyS * 1000);
    }
    for (const screen of screens) await sample(screen, startedAt);

    const rows = screens.flatMap((s) => figures(s, warmupS));
    const door = screens[0]!.samples;
    return {
      title: `Screens over an accelerated day: rehearsal clock at ${RATE}×, ${durationS} real s (${door[0]?.clock} → ${door[door.length - 1]?.clock} venue time), door and lobby in Chromium, a sample every ${everyS} s after GC`,
      rows,
      data: { rate: RATE, durationS, warmupS, everyS, announcements: announcements * 2, samples: Object.fromEntries(screens.map((s) => [s.name, s.samples])) },
      notes: [
        `Growth compares the median of three samples right after the ${warmupS} s warm-up with the median of the last three.`,
        "Busy time is Performance.getMetrics TaskDuration (main-thread tasks, thread time) per real second; at 60× the clock ticks every 100 ms.",
      ],
    };
  } finally {
    await browser.close();
    await hub.stop();
  }
}
