// importInWorker: the same result as the importer on the main thread, and a time limit.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importSchedule } from "../../shared/formats/index.js";
import { closeImportWorker, importInWorker, importWorkerWarm, warmImportWorker } from "../../server/import/worker.js";

const SAMPLE = resolve(import.meta.dirname, "../../../shared/formats/samples/ccc-36c3-wiki.schedule.xml");

afterAll(() => closeImportWorker());

describe("importing in a worker thread", () => {
  it("gives the same event and report as on the main thread", async () => {
    const text = readFileSync(SAMPLE, "utf8");
    const inWorker = await importInWorker({ text });
    expect(inWorker).toEqual(importSchedule({ text }));
  }, 30_000);

  it("refuses a parse that runs past its time limit, and the next import still works", async () => {
    const text = readFileSync(SAMPLE, "utf8");
    const slow = await importInWorker({ text }, 1);
    expect(slow.ok).toBe(false);
    if (!slow.ok) expect(slow.errors[0]!.message).toMatch(/longer than 1 ms/);
    const next = await importInWorker({ text: readFileSync(resolve(import.meta.dirname, "../fixtures/formats/dst-inside.xml"), "utf8") });
    expect(next.ok).toBe(true);
  }, 30_000);
});

describe("the import worker's warm-up", () => {
  it("is reported once done, and a started worker is warm before it serves", async () => {
    await closeImportWorker();
    let warm = false;
    const waiting = importWorkerWarm().then(() => (warm = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(warm).toBe(false); // no worker yet: nothing warmed
    warmImportWorker();
    await waiting;
    expect(warm).toBe(true);
    await expect(importWorkerWarm()).resolves.toBeUndefined();
  }, 30_000);
});
