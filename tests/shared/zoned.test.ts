// Reading instants in a zone with Intl (shared/zoned, what screens run) gives luxon's answers
// (what shared/time computed before), for any instant, across DST nights, half-hour zones and
// Lord Howe's 30-minute DST, for every day-change hour.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import * as time from "../../shared/time.js";
import {
  conferenceDay,
  conferenceDayEnd,
  conferenceDayOf,
  conferenceDayStart,
  formatClock,
  formatDay,
  formatTime,
  localDate,
  zoneOffsetMinutes,
} from "../../shared/zoned.js";

const ZONES = ["Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"] as const;
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

/** Nights where the offset changes: Berlin and Los Angeles both ways, Lord Howe's half hour both ways. */
const DST_NIGHTS = [
  "2026-03-29T01:00:00Z", // Berlin 02:00 CET → 03:00 CEST
  "2026-10-25T01:00:00Z", // Berlin 03:00 CEST → 02:00 CET
  "2025-03-09T10:00:00Z", // Los Angeles 02:00 PST → 03:00 PDT
  "2025-11-02T09:00:00Z", // Los Angeles 02:00 PDT → 01:00 PST
  "2025-10-04T15:30:00Z", // Lord Howe 02:00 → 02:30
  "2026-04-04T15:00:00Z", // Lord Howe 02:00 → 01:30
].map(utc);

// luxon's answers: shared/time's implementation before it moved to Intl.
const luxon = {
  formatTime: (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat("HH:mm"),
  formatClock: (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat("HH:mm:ss"),
  formatDay: (at: number, zone: string, locale: string) => DateTime.fromMillis(at, { zone }).setLocale(locale).toFormat("cccc d LLLL"),
  localDate: (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toISODate() ?? "",
  offset: (at: number, zone: string) => DateTime.fromMillis(at, { zone }).offset,
  conferenceDay(at: number, zone: string, dayChangeHour: number): string {
    const local = DateTime.fromMillis(at, { zone });
    if (!local.isValid) return "";
    const date = local.hour < dayChangeHour ? local.minus({ days: 1 }) : local;
    return date.toISODate() ?? "";
  },
  conferenceDayStart: (day: string, zone: string, dayChangeHour: number) =>
    DateTime.fromISO(day, { zone }).set({ hour: dayChangeHour }).toMillis(),
};

const zone = fc.constantFrom(...ZONES);
/** Any instant from 2000 to 2040, to the millisecond. */
const anyInstant = fc.integer({ min: utc("2000-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") });
/** Instants within a day and a half of an offset change. */
const nearDst = fc
  .tuple(fc.constantFrom(...DST_NIGHTS), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
  .map(([night, delta]) => night + delta);
const instant = fc.oneof(anyInstant, nearDst);
const RUNS = { numRuns: 2_000 };

describe("wall-clock text in the event zone", () => {
  it("formats times, clocks, dates and offsets exactly as luxon for any instant and zone", () => {
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        expect(formatTime(at, z)).toBe(luxon.formatTime(at, z));
        expect(formatClock(at, z)).toBe(luxon.formatClock(at, z));
        expect(localDate(at, z)).toBe(luxon.localDate(at, z));
        expect(zoneOffsetMinutes(at, z)).toBe(luxon.offset(at, z));
      }),
      RUNS,
    );
  });

  it("names days as luxon does in English, German and French", () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom("en", "de", "fr"), (at, z, locale) => {
        expect(formatDay(at, z, locale)).toBe(luxon.formatDay(at, z, locale));
      }),
      { numRuns: 500 },
    );
  });

  it("says midnight as 00:00, never 24:00", () => {
    expect(formatClock(utc("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("00:00:00");
    expect(formatTime(utc("2026-01-01T00:00:00Z"), "UTC")).toBe("00:00");
    expect(formatTime(utc("2026-01-01T18:30:00Z"), "Asia/Kolkata")).toBe("00:00");
  });

  it("shows Berlin skipping 02:00–03:00 on 2026-03-29 and repeating 02:00–03:00 on 2026-10-25", () => {
    expect(formatTime(utc("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe("01:59");
    expect(formatTime(utc("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("03:00");
    expect(formatTime(utc("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("02:30");
    expect(formatTime(utc("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("02:30");
  });

  it("moves Lord Howe's clock by half an hour: 02:00 → 02:30 on 2025-10-05", () => {
    expect(formatTime(utc("2025-10-04T15:29:00Z"), "Australia/Lord_Howe")).toBe("01:59");
    expect(formatTime(utc("2025-10-04T15:30:00Z"), "Australia/Lord_Howe")).toBe("02:30");
    expect(zoneOffsetMinutes(utc("2025-10-04T15:30:00Z"), "Australia/Lord_Howe")).toBe(660);
  });

  it("reads Pasadena's Thursday whatever the machine's zone: 'Thursday 6 March' at 09:15", () => {
    const at = utc("2025-03-06T17:15:00Z");
    expect(formatDay(at, "America/Los_Angeles")).toBe("Thursday 6 March");
    expect(formatDay(at, "America/Los_Angeles", "de")).toBe("Donnerstag 6 März");
    expect(formatTime(at, "America/Los_Angeles")).toBe("09:15");
  });

  it("answers an unknown zone or a non-number instant as luxon's invalid DateTime does", () => {
    for (const [at, z] of [
      [utc("2025-03-06T17:15:00Z"), "Mars/Olympus_Mons"],
      [Number.NaN, "Europe/Berlin"],
    ] as const) {
      expect(formatTime(at, z)).toBe(luxon.formatTime(at, z));
      expect(formatClock(at, z)).toBe(luxon.formatClock(at, z));
      expect(formatDay(at, z)).toBe(luxon.formatDay(at, z, "en"));
      expect(localDate(at, z)).toBe(luxon.localDate(at, z));
      expect(conferenceDay(at, z, 4)).toBe(luxon.conferenceDay(at, z, 4));
      expect(zoneOffsetMinutes(at, z)).toBeNaN();
    }
  });
});

describe("conference days with a day-change hour", () => {
  const dayChangeHour = fc.integer({ min: 0, max: 23 });

  it("gives luxon's conference day for any instant, zone and day-change hour", () => {
    fc.assert(
      fc.property(instant, zone, dayChangeHour, (at, z, h) => {
        expect(conferenceDay(at, z, h)).toBe(luxon.conferenceDay(at, z, h));
      }),
      RUNS,
    );
  });

  it("starts every conference day around each DST night where luxon does, for every day-change hour", () => {
    for (const z of ZONES) {
      for (const night of DST_NIGHTS) {
        for (let d = -1; d <= 1; d++) {
          const day = new Date(night + d * 24 * HOUR).toISOString().slice(0, 10);
          for (let h = 0; h < 24; h++) {
            expect(conferenceDayStart(day, z, h), `${day} ${h}:00 ${z}`).toBe(luxon.conferenceDayStart(day, z, h));
          }
        }
      }
    }
  });

  it("ends each conference day where the next one starts, and the instant before still belongs to it, across DST nights and year ends", () => {
    for (const z of ZONES) {
      for (const night of [...DST_NIGHTS, utc("2025-12-31T12:00:00Z"), utc("2024-02-28T12:00:00Z")]) {
        for (let d = -1; d <= 1; d++) {
          const day = new Date(night + d * 24 * HOUR).toISOString().slice(0, 10);
          const next = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
          for (const h of [0, 4, 6]) {
            const end = conferenceDayEnd(day, z, h);
            expect(end, `${day} ${h}:00 ${z}`).toBe(conferenceDayStart(next, z, h));
            expect(conferenceDay(end - 1, z, h)).toBe(day);
            expect(conferenceDay(end, z, h)).toBe(next);
          }
        }
      }
    }
  });

  it("starts conference days where luxon does on any day from 2000 to 2040", () => {
    const day = fc.integer({ min: 0, max: 40 * 366 }).map((n) => new Date(utc("2000-01-01T00:00:00Z") + n * 24 * HOUR).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, zone, dayChangeHour, (d, z, h) => {
        expect(conferenceDayStart(d, z, h)).toBe(luxon.conferenceDayStart(d, z, h));
      }),
      RUNS,
    );
  });

  it("moves a 02:00 day change in Los Angeles to 03:00 on the spring-forward morning, as luxon does", () => {
    expect(conferenceDayStart("2025-03-09", "America/Los_Angeles", 2)).toBe(utc("2025-03-09T10:00:00Z"));
  });

  it("agrees with its memoised form at every minute of a DST night", () => {
    for (const z of ZONES) {
      const dayOf = conferenceDayOf(z, 4);
      for (let t = DST_NIGHTS[0]! - 6 * HOUR; t < DST_NIGHTS[0]! + 6 * HOUR; t += 60_000) {
        expect(dayOf(t)).toBe(conferenceDay(t, z, 4));
      }
    }
  });
});

describe("shared/time", () => {
  it("re-exports the Intl readings, so the hub and screens compute the same days and texts", () => {
    expect(time.formatTime).toBe(formatTime);
    expect(time.conferenceDay).toBe(conferenceDay);
    expect(time.conferenceDayOf).toBe(conferenceDayOf);
    expect(time.conferenceDayStart).toBe(conferenceDayStart);
    expect(time.zoneOffsetMinutes).toBe(zoneOffsetMinutes);
  });
});
