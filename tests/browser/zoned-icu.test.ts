// Screens read the event zone with Chromium's Intl, the hub with Node's: both ICUs must give the
// same wall-clock texts, offsets and conference days, whatever zone the device itself is set to.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as zoned from "../../shared/zoned.js";
import { describeBrowser, openBrowser, REPO_ROOT } from "./harness.js";

const ZONES = ["Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"];
const HOUR = 3_600_000;
const DST_NIGHTS = ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2025-03-09T10:00:00Z", "2025-11-02T09:00:00Z", "2025-10-04T15:30:00Z", "2026-04-04T15:00:00Z"].map(Date.parse);

/** Every 7 minutes 13 seconds across each DST night (±14 h), plus a spread over 2000–2040. */
function instants(): number[] {
  const out: number[] = [];
  for (const night of DST_NIGHTS) for (let t = night - 14 * HOUR; t <= night + 14 * HOUR; t += 433_000) out.push(t);
  for (let t = Date.parse("2000-01-01T00:00:00Z"); t < Date.parse("2040-01-01T00:00:00Z"); t += 9_999_999_937) out.push(t);
  return out;
}

type Zoned = typeof zoned;
/** What each ICU answers; runs in Node and, serialised, in Chromium. */
function readAll(z: Zoned, zones: string[], ats: number[], nights: number[]): string[] {
  const out: string[] = [];
  for (const zone of zones) {
    for (const at of ats) {
      out.push(
        [zone, at, z.formatClock(at, zone), z.localDate(at, zone), z.zoneOffsetMinutes(at, zone), z.conferenceDay(at, zone, 4), z.conferenceDay(at, zone, 0), z.formatDay(at, zone, "en"), z.formatDay(at, zone, "de")].join(" | "),
      );
    }
    // Conference day starts on the days around each DST night (no outer names: this runs in the page too).
    for (const night of nights) {
      for (const d of [-1, 0, 1]) {
        const day = z.localDate(night + d * 86_400_000, "UTC");
        for (const hour of [0, 1, 2, 3, 4]) out.push([zone, day, hour, z.conferenceDayStart(day, zone, hour)].join(" | "));
      }
    }
  }
  return out;
}

let browser: Browser;

describeBrowser("zone readings in Chromium", () => {
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("match Node's for thousands of instants across DST nights, on a device set to Pacific/Kiritimati", async () => {
    const source = readFileSync(resolve(REPO_ROOT, "shared/zoned.ts"), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const context = await browser.newContext({ timezoneId: "Pacific/Kiritimati" });
    const page = await context.newPage();
    await page.addScriptTag({ content: `window.__zoned = (() => { ${js.replace(/^export /gm, "")}; return { formatClock, localDate, zoneOffsetMinutes, conferenceDay, formatDay, conferenceDayStart }; })();` });
    const ats = instants();
    const fromChromium = await page.evaluate(
      ({ fn, zones, ats, nights }) => {
        const read = new Function(`return (${fn})`)() as typeof readAll;
        return read((window as unknown as { __zoned: Zoned }).__zoned, zones, ats, nights);
      },
      { fn: readAll.toString(), zones: ZONES, ats, nights: DST_NIGHTS },
    );
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("Pacific/Kiritimati");
    expect(fromChromium.length).toBeGreaterThan(5_000);
    expect(fromChromium).toEqual(readAll(zoned, ZONES, ats, DST_NIGHTS));
    await context.close();
  });
});
