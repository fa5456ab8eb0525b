// What schedule the hub starts with: a schedule file given at start, else what the data
// directory holds, else the demo. Demo data is disposable (switching demos replaces it); an
// imported schedule never is, so a demo never overwrites it.
import type { Event } from "../shared/model.js";
import type { ImportReport } from "../shared/formats/types.js";
import { DEMOS, isDemoId, loadDemo } from "./demo/index.js";
import type { Log } from "./log.js";
import type { Store } from "./store.js";

const EMPTY_SOURCE = "empty";

/** Demo and placeholder schedules may be replaced without asking; imported ones may not. */
export function isDisposableSource(source: string): boolean {
  return source === EMPTY_SOURCE || source.startsWith("demo:");
}

function reportFor(event: Event, format: string): ImportReport {
  return { format, days: 0, rooms: event.rooms.length, sessions: event.sessions.length, warnings: [], repairs: [] };
}

const EMPTY_EVENT: Event = {
  id: "no-schedule",
  title: "No schedule yet",
  timeZone: "UTC",
  dayChangeHour: 4,
  defaultSessionMinutes: 30,
  venue: null,
  url: null,
  rooms: [],
  sessions: [],
};

export interface SeedInput {
  demo: string | null;
  /** Already imported and validated. */
  file: { event: Event; report: ImportReport; source: string } | null;
}

/** Puts the starting schedule in the store; returns where the demo's rehearsal clock starts (or null). */
export function seedSchedule(store: Store, input: SeedInput, now: number, log: Log): number | null {
  const current = store.getEvent();
  const same = (event: Event, source: string) =>
    current !== null && current.source === source && JSON.stringify(current.event) === JSON.stringify(event);

  if (input.file) {
    const { event, report, source } = input.file;
    if (same(event, source)) {
      log.info(`schedule ${source.slice(5)} is unchanged since the last start`);
    } else {
      const clearChanges = current !== null && isDisposableSource(current.source);
      store.replaceEvent(event, source, report, { clearChanges, now });
      log.info(`imported ${event.sessions.length} sessions in ${event.rooms.length} rooms from ${source.slice(5)}`);
      if (clearChanges && current) log.info(`replaced the ${current.source} data (demo data is disposable)`);
    }
    return null;
  }

  if (current && !isDisposableSource(current.source)) {
    if (input.demo) log.info(`the data directory holds the imported schedule "${current.event.title}" (${current.source}); not loading the demo`);
    return null;
  }

  if (input.demo) {
    if (!isDemoId(input.demo)) throw new Error(`unknown demo "${input.demo}"; expected one of: ${Object.keys(DEMOS).join(", ")}`);
    const event = loadDemo(input.demo);
    const source = `demo:${input.demo}`;
    if (!same(event, source)) {
      if (current && current.source !== EMPTY_SOURCE) {
        log.info(`replacing the ${current.source} data with ${source} (demo data is disposable: its changes are dropped)`);
      }
      store.replaceEvent(event, source, reportFor(event, "roomcast"), { clearChanges: true, now });
    }
    return DEMOS[input.demo].rehearsalStart;
  }

  if (!current) {
    store.replaceEvent(EMPTY_EVENT, EMPTY_SOURCE, reportFor(EMPTY_EVENT, "none"), { now });
    log.info("no schedule yet: import one on the admin page, or start with --demo planet-nix-2025");
  }
  return null;
}
