// The time module: conference days with the day-change hour, hub clock, formatting in the
// event zone whatever the machine's zone.
import { describe, expect, it } from "vitest";
import { conferenceDay, conferenceDayOf, conferenceDayStart, formatTime, hubNow, localDate, parseIso } from "../../shared/time.js";

const utc = (iso: string) => Date.parse(iso);

describe("conference days", () => {
  it("counts a 01:00 session as part of the previous evening's day", () => {
    expect(conferenceDay(utc("2025-12-28T00:00:00Z"), "Europe/Berlin", 4)).toBe("2025-12-27");
    expect(conferenceDay(utc("2025-12-28T03:00:00Z"), "Europe/Berlin", 4)).toBe("2025-12-28");
  });

  it("starts the new day exactly at the day-change hour", () => {
    const dayStart = conferenceDayStart("2025-12-28", "Europe/Berlin", 4);
    expect(dayStart).toBe(utc("2025-12-28T03:00:00Z"));
    expect(conferenceDay(dayStart - 1, "Europe/Berlin", 4)).toBe("2025-12-27");
    expect(conferenceDay(dayStart, "Europe/Berlin", 4)).toBe("2025-12-28");
  });

  it("places 04:30 on the spring-forward morning in the new day, although only 3 real hours have passed since 00:30", () => {
    // Berlin 2026-03-29 04:30 CEST is 02:30 UTC; subtracting 4 real hours would land on the 28th.
    expect(conferenceDay(utc("2026-03-29T02:30:00Z"), "Europe/Berlin", 4)).toBe("2026-03-29");
    expect(conferenceDay(utc("2026-03-29T01:30:00Z"), "Europe/Berlin", 4)).toBe("2026-03-28");
  });

  it("keeps both 02:30s of the fall-back night in the previous day", () => {
    expect(conferenceDay(utc("2026-10-25T00:30:00Z"), "Europe/Berlin", 4)).toBe("2026-10-24");
    expect(conferenceDay(utc("2026-10-25T01:30:00Z"), "Europe/Berlin", 4)).toBe("2026-10-24");
    expect(conferenceDay(utc("2026-10-25T03:00:00Z"), "Europe/Berlin", 4)).toBe("2026-10-25");
  });

  it("uses the plain calendar day with a day-change hour of 0", () => {
    expect(conferenceDay(utc("2025-03-07T07:59:00Z"), "America/Los_Angeles", 0)).toBe("2025-03-06");
    expect(conferenceDay(utc("2025-03-07T08:00:00Z"), "America/Los_Angeles", 0)).toBe("2025-03-07");
  });

  it("memoises days without changing the answer at any quarter hour across a DST night", () => {
    const dayOf = conferenceDayOf("America/Los_Angeles", 4);
    for (let t = utc("2025-03-08T00:00:00Z"); t < utc("2025-03-11T00:00:00Z"); t += 7 * 60_000) {
      expect(dayOf(t)).toBe(conferenceDay(t, "America/Los_Angeles", 4));
    }
  });

  it("answers an empty day for an unknown zone instead of throwing", () => {
    expect(conferenceDay(0, "Mars/Olympus_Mons", 4)).toBe("");
  });
});

describe("wall-clock text", () => {
  it("formats in the event zone, not the machine's", () => {
    const at = utc("2025-03-06T19:15:00Z");
    expect(formatTime(at, "America/Los_Angeles")).toBe("11:15");
    expect(formatTime(at, "Europe/Brussels")).toBe("20:15");
    expect(localDate(at, "Asia/Tokyo")).toBe("2025-03-07");
  });

  it("reads offset-less ISO text as wall-clock time in the event zone", () => {
    expect(parseIso("2025-03-06T11:15", "America/Los_Angeles")).toBe(utc("2025-03-06T19:15:00Z"));
    expect(parseIso("2025-03-06T11:15:00Z", "America/Los_Angeles")).toBe(utc("2025-03-06T11:15:00Z"));
  });
});

describe("the hub clock", () => {
  it("is real time without a rehearsal clock", () => {
    expect(hubNow(null, 1_000)).toBe(1_000);
  });

  it("runs the rehearsal clock from its anchor at its rate", () => {
    const clock = { anchorVirtual: utc("2025-03-06T17:25:00Z"), anchorReal: 50_000, rate: 60 };
    expect(hubNow(clock, 50_000)).toBe(clock.anchorVirtual);
    expect(hubNow(clock, 51_000)).toBe(clock.anchorVirtual + 60_000);
  });
});
