// The real exports in ../shared/formats/samples: every schedule imports with the counts of
// samples/SOURCES.md, and the deliberately invalid c3voc example is refused precisely.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../../shared/formats/index.js";
import { conformance } from "../../../scripts/conformance.js";

const SAMPLES = resolve(import.meta.dirname, "../../../../shared/formats/samples");

function load(file: string, zone?: string) {
  const result = importSchedule({ text: readFileSync(resolve(SAMPLES, file), "utf8"), fileName: file, ...(zone ? { zone } : {}) });
  if (!result.ok) throw new Error(`${file} was refused: ${JSON.stringify(result.errors)}`);
  return result;
}

// [file, format, days, rooms, sessions] as SOURCES.md counts them.
const EXPECTED: Array<[string, string, number, number, number]> = [
  ["c3voc-validator-example-frab-camp2019.json", "c3voc-json", 5, 2, 79],
  ["c3voc-validator-example-pretalx-democon.json", "c3voc-json", 3, 2, 36],
  ["c3voc-validator-example-pretalx-rc3.json", "c3voc-json", 4, 5, 48],
  ["ccc-28c3-pentabarf-fahrplan.xml", "frab-xml", 4, 3, 85],
  ["ccc-31c3-frab-schedule.xml", "frab-xml", 4, 4, 138],
  ["ccc-36c3-stages.schedule.json", "c3voc-json", 4, 12, 498],
  ["ccc-36c3-wiki.schedule.xml", "frab-xml", 4, 70, 631],
  ["ccc-39c3-block.schedule.json", "c3voc-json", 5, 12, 180],
  ["ccc-39c3-himmel3.schedule.json", "c3voc-json", 4, 0, 0],
  ["ccc-39c3-schedule-20251206-prerelease.xml", "frab-xml", 4, 14, 215],
  ["fosdem-2014-pentabarf-schedule.xml", "frab-xml", 2, 23, 513],
  ["romhack-camp-2026-pretalx-schedule.xml", "frab-xml", 3, 2, 10],
  ["klimacamp2015-frab-schedule.xml", "frab-xml", 11, 11, 106],
  ["klimacamp2015-frab-schedule.json", "c3voc-json", 11, 11, 106],
  // iCal has no declared days: the count is the conference days that have sessions.
  ["jres-2022.ics", "ical", 4, 15, 120],
  ["kielux-kolt2020.ics", "ical", 2, 4, 24],
  ["moca2024-hackertracker.ics", "ical", 3, 4, 88],
  // SOURCES.md says "9 dates": the ninth is the DTSTART inside the VTIMEZONE block (1970/2015-03-29), not a session.
  ["klimacamp2015-frab-schedule.ics", "ical", 8, 10, 106],
  ["klimacamp2015-frab-schedule.xcal", "xcal", 8, 10, 106],
];

describe("the real sample schedules", () => {
  it.each(EXPECTED)("imports %s as %s with %i days, %i rooms and %i sessions", (file, format, days, rooms, sessions) => {
    const { report, event } = load(file);
    expect({ format: report.format, days: report.days, rooms: report.rooms, sessions: report.sessions }).toEqual({ format, days, rooms, sessions });
    expect(event.sessions).toHaveLength(sessions);
  });

  it("imports the frab events.json with its 98 events (against 106 in schedule.json)", () => {
    const { report } = load("klimacamp2015-frab-events.json");
    expect(report.format).toBe("frab-events-json");
    expect(report.sessions).toBe(98);
  });

  it("imports the schedule2 example with both events and its four days", () => {
    const { report, event } = load("c3voc-validator-example-hub-schedule2.json");
    expect(report.format).toBe("c3voc-schedule2");
    expect(report.days).toBe(4);
    expect(event.sessions.map((s) => s.title)).toContain("38C3: Opening Ceremony");
    expect(event.sessions.find((s) => s.title === "38C3: Opening Ceremony")!.speakers).toEqual(["Gabriela Bogk", "Aline Blankertz"]);
  });

  it("refuses the invalid c3voc example, naming schedule.rooms and the string id", () => {
    const result = importSchedule({ text: readFileSync(resolve(SAMPLES, "c3voc-validator-example-invalid-example.json"), "utf8") });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.format).toBe("c3voc-json");
    expect(result.errors.map((e) => e.path)).toEqual(["schedule.rooms", "schedule.conference.days.0.rooms.Winterchaos.0.id"]);
    expect(result.errors[0]!.message).toMatch(/schedule\.conference\.rooms/);
  });

  it("places 28C3's 00:15 talk listed under 27 December on 28 December (day_change 04:00)", () => {
    const { event } = load("ccc-28c3-pentabarf-fahrplan.xml", "Europe/Berlin");
    const after = event.sessions.filter((s) => new Date(s.start).toISOString().startsWith("2011-12-27T23:15"));
    expect(after.length).toBeGreaterThan(0);
    expect(event.sessions.filter((s) => new Date(s.start).toISOString() < "2011-12-27T10:00").length).toBe(0);
    expect(event.dayChangeHour).toBe(4);
  });

  it("repairs klimacamp's ill-formed XML and lists each line it changed", () => {
    const { report } = load("klimacamp2015-frab-schedule.xml");
    expect(report.repairs.find((r) => r.line === 542)?.message).toMatch(/U\+0006/);
  });

  it("reads 39C3's event title, not the title nested inside its <attachment>", () => {
    const { event } = load("ccc-39c3-schedule-20251206-prerelease.xml");
    expect(event.sessions.map((s) => s.title)).not.toContain("a crack one word wide");
  });

  it("warns about the zero duration and the umbrella overlap in 36C3 stages", () => {
    const { report } = load("ccc-36c3-stages.schedule.json");
    expect(report.warnings.some((w) => /zero duration/.test(w.message))).toBe(true);
    expect(report.warnings.some((w) => /Lightning Talks Day 2/.test(w.message) && /overlaps/.test(w.message))).toBe(true);
  });

  it("trusts democon's +01:00 offsets over its time_zone_name UTC, and says so", () => {
    const { report, event } = load("c3voc-validator-example-pretalx-democon.json");
    expect(report.warnings.some((w) => /contradicts the offsets/.test(w.message))).toBe(true);
    expect(event.timeZone).toBe("Etc/GMT-1");
  });

  it("keys MOCA's duplicate UIDs apart and warns about them", () => {
    const { report, event } = load("moca2024-hackertracker.ics");
    expect(new Set(event.sessions.map((s) => s.key)).size).toBe(88);
    expect(report.warnings.some((w) => /"46939" is used by 67 sessions/.test(w.message))).toBe(true);
  });

  it("gives the same keys to klimacamp's XML and JSON exports of one schedule", () => {
    const xml = load("klimacamp2015-frab-schedule.xml").event.sessions.map((s) => s.key).sort();
    const json = load("klimacamp2015-frab-schedule.json").event.sessions.map((s) => s.key).sort();
    expect(xml).toEqual(json);
  });

  it("flags romhack's 15-hour CTF as a background session", () => {
    const { report } = load("romhack-camp-2026-pretalx-schedule.xml");
    expect(report.warnings.some((w) => /Community CTF/.test(w.message) && /15 h/.test(w.message))).toBe(true);
  });

  it("lists every sample in the conformance run, refusing only the invalid example", () => {
    const lines = conformance(SAMPLES);
    expect(lines).toHaveLength(22);
    expect(lines.filter((l) => !l.ok).map((l) => l.file)).toEqual(["c3voc-validator-example-invalid-example.json"]);
  });
});
