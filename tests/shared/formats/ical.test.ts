// iCalendar and xCal as real producers write them, by fixture.
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../../shared/formats/index.js";
import { importFixture, local, refusal } from "./fixtures.js";

describe("iCalendar", () => {
  it("resolves TZID=Europe/Paris without a VTIMEZONE, with LF endings and unfolded lines", () => {
    const { event, report } = importFixture("tzid-no-vtimezone.ics");
    expect(report.format).toBe("ical");
    expect(event.timeZone).toBe("Europe/Paris");
    const opening = event.sessions.find((s) => s.title.startsWith("Opening"))!;
    expect(local(opening.start, "Europe/Paris")).toBe("2022-05-17T11:00");
    expect(opening.title).toBe("Opening, and a very long summary line that is not folded at seventy-five octets as RFC 5545 wants");
  });

  it("takes speakers from a DESCRIPTION prefix before ATTENDEE, else ORGANIZER, and keeps the rest of the text", () => {
    const { event } = importFixture("tzid-no-vtimezone.ics");
    const opening = event.sessions.find((s) => s.title.startsWith("Opening"))!;
    expect(opening.speakers).toEqual(["Jean Dupont", "Marie Curie"]);
    const second = event.sessions.find((s) => s.title === "Second talk")!;
    expect(second.speakers).toEqual(["Ada Speaker"]);
    expect(second.cancelled).toBe(true);
    expect((second.end! - second.start) / 60_000).toBe(45);
    expect(opening.abstract).toBe("The opening session.");
  });

  it("keys duplicate UIDs apart, warns, trims leading spaces in values and types the buffet as lunch", () => {
    const { event, report } = importFixture("tzid-no-vtimezone.ics");
    expect(new Set(event.sessions.map((s) => s.key)).size).toBe(3);
    expect(report.warnings.some((w) => /"same@example.org" is used by 2 sessions/.test(w.message) && w.line === 5)).toBe(true);
    expect(event.rooms.map((r) => r.name)).toEqual(["Amphi 1600", "Espace Restauration"]);
    expect(event.sessions.find((s) => s.title === "Buffet")!.type).toBe("lunch");
  });
});

describe("xCal", () => {
  it("reads floating times in the given zone, HHMMSS durations, attendee names without organisations", () => {
    const { event, report } = importFixture("xcal-floating.xcal", "Europe/Berlin");
    expect(report.format).toBe("xcal");
    const s = event.sessions[0]!;
    expect(s.title).toBe("Karl Marx heute");
    expect(local(s.start, "Europe/Berlin")).toBe("2015-08-11T16:00");
    expect((s.end! - s.start) / 60_000).toBe(90);
    expect(s.speakers).toEqual(["Bruno Kern"]);
    expect(s.key).toBe("4@camp@pentabarf.org");
  });
});

describe("RFC 6321 xCal", () => {
  it("is refused with a pointer to iCalendar", () => {
    const xml = '<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><components><vevent><properties/></vevent></components></vcalendar></icalendar>';
    expect(refusal(importSchedule({ text: xml })).errors[0]!.message).toMatch(/RFC 6321.*iCalendar \(\.ics\)/);
  });
});
