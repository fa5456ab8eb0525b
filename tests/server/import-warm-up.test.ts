// The import worker's warm-up inputs: each must be a schedule the importer accepts, in the
// format it stands for, or the warm-up would compile only the refusal paths.
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../shared/formats/index.js";
import { warmUpInputs } from "../../server/import/warm-up.js";

describe("the import worker's warm-up", () => {
  it("parses a c3voc schedule.json, a frab XML and an iCalendar feed, every session kept", () => {
    const results = warmUpInputs().map((input) => importSchedule(input));
    const summary = results.map((r) => (r.ok ? [r.report.format, r.event.sessions.length, r.event.rooms.length] : r.errors));
    expect(summary).toEqual([
      ["c3voc-json", 48, 3],
      ["frab-xml", 36, 3],
      ["ical", 24, 3],
    ]);
  });

  it("reads its instants in the zone it names", () => {
    const [c3voc] = warmUpInputs().map((input) => importSchedule(input));
    if (!c3voc?.ok) throw new Error("refused");
    expect(c3voc.event.timeZone).toBe("Europe/Berlin");
    // 10:00 at +01:00 on 10 January 2030
    expect(Math.min(...c3voc.event.sessions.map((s) => s.start))).toBe(Date.UTC(2030, 0, 10, 9, 0));
  });
});
