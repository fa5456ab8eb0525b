// An import is prepared (room ids kept, diffed) in the worker next to the parse, against the
// schedule as it was when the job was sent; when the schedule changed meanwhile, the hub
// prepares it again against what it holds after the parse.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importSchedule } from "../../shared/formats/index.js";
import type { Event } from "../../shared/model.js";
import { runImport } from "../../server/import/apply.js";
import { prepareImport } from "../../server/import/prepare.js";
import { closeImportWorker, importAndPrepareInWorker } from "../../server/import/worker.js";
import { memoryHub, stamped } from "./import-support.js";

const FIXTURE = readFileSync(resolve(import.meta.dirname, "../fixtures/formats/schedule2-cancelled.json"), "utf8");
const STILL_ON = "e2000000-0000-4000-8000-000000000001";

function load(text: string): Event {
  const result = importSchedule({ text });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.event;
}

/** The fixture with its first talk 10 minutes later. */
function retimed(): string {
  const json = JSON.parse(FIXTURE);
  json.schedule.events[0].start = "2024-12-27T11:10:00+01:00";
  json.schedule.events[0].end = "2024-12-27T11:50:00+01:00";
  return JSON.stringify(json);
}

afterAll(() => closeImportWorker());

describe("preparing an import in the worker", () => {
  it("gives the event and diff the hub would compute itself", async () => {
    const current = { event: load(FIXTURE), changes: [stamped({ kind: "delay", sessionKey: STILL_ON, minutes: 5, mode: "absorb" }, 1)] };
    const { result, prepared } = await importAndPrepareInWorker({ text: retimed() }, current);
    if (!result.ok) throw new Error("refused");
    expect(prepared).toEqual(prepareImport(current, result.event));
    expect(prepared?.diff.retimed.map((s) => s.key)).toEqual([STILL_ON]);
  }, 30_000);

  it("finds an unchanged file unchanged, so nothing is applied", async () => {
    const hub = memoryHub(load(FIXTURE));
    const outcome = await runImport(hub.deps, { text: FIXTURE }, { kind: "url", name: "feed" }, { dryRun: false, skipUnchanged: true });
    expect(outcome.ok && [outcome.applied, outcome.diff.unchanged]).toEqual([false, true]);
    expect(hub.replaced).toEqual([]);
  }, 30_000);

  it("diffs against the schedule held after the parse when it changed meanwhile", async () => {
    const hub = memoryHub(load(FIXTURE));
    const getEvent = hub.deps.getEvent;
    let calls = 0;
    // The first read is what the worker gets; by the next, an import elsewhere retimed the talk.
    const deps = {
      ...hub.deps,
      getEvent: () => {
        calls++;
        if (calls === 2) hub.event = load(retimed());
        return getEvent();
      },
    };
    const outcome = await runImport(deps, { text: retimed() }, { kind: "file", name: "x" }, { dryRun: true });
    if (!outcome.ok) throw new Error("refused");
    expect(calls).toBe(2);
    expect(outcome.diff.unchanged).toBe(true);
    expect(outcome.diff.retimed).toEqual([]);
  }, 30_000);
});
