// The one module in front of luxon. Instants are UTC epoch ms; every wall-clock text is
// produced in the event's zone, never the device's.
import { DateTime, IANAZone } from "luxon";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** True when `zone` is an IANA zone luxon can use (e.g. "Europe/Brussels", "UTC"). */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Parses ISO 8601 text. With an offset or "Z" the offset wins; without one the text is read as
 * wall-clock time in `zone`. Returns null when the text is not a valid instant.
 */
export function parseIso(text: string, zone: string): number | null {
  const dt = DateTime.fromISO(text.trim(), { zone, setZone: false });
  return dt.isValid ? dt.toMillis() : null;
}

/** True when the ISO text carries its own offset ("Z" or ±HH:MM). */
export function hasOffset(text: string): boolean {
  return /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text.trim());
}

/** ISO 8601 with the event zone's offset, e.g. "2025-03-06T09:15:00.000-08:00". */
export function toIso(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(at).toISOString();
}

/** Wall-clock instant from local parts in `zone`; null when the parts are invalid. */
export function fromLocal(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  zone: string,
): number | null {
  const dt = DateTime.fromObject(parts, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** "09:15" in the event zone (24-hour). */
export function formatTime(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat("HH:mm");
}

/** "09:15:07" in the event zone. */
export function formatClock(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat("HH:mm:ss");
}

/** "Thursday 6 March" in the event zone, in the given locale. */
export function formatDay(at: number, zone: string, locale = "en"): string {
  return DateTime.fromMillis(at, { zone }).setLocale(locale).toFormat("cccc d LLLL");
}

/** The local calendar date "YYYY-MM-DD" of an instant in `zone`. */
export function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate() ?? "";
}

/**
 * The conference day of an instant: the event zone's calendar day, shifted back by the
 * day-change hour, so with 04:00 a 01:00 session belongs to the previous evening's day.
 */
export function conferenceDay(at: number, zone: string, dayChangeHour: number): string {
  // Compare wall-clock hours rather than subtracting hours from the instant: on a DST night
  // "04:30 minus 4 h" lands on the previous evening although 04:30 is past the day change.
  const local = DateTime.fromMillis(at, { zone });
  if (!local.isValid) return "";
  const date = local.hour < dayChangeHour ? local.minus({ days: 1 }) : local;
  return date.toISODate() ?? "";
}

/** Quarter hours: every modern zone offset and DST transition falls on one, so a day never changes inside one. */
const DAY_BUCKET_MS = 15 * MINUTE_MS;
/** Bound on memoised buckets (about 100 days of quarter hours). */
const MAX_DAY_BUCKETS = 10_000;

/** Bound on memoised zone/day-change pairs. */
const MAX_DAY_FUNCTIONS = 32;
const dayFunctions = new Map<string, (at: number) => string>();

/**
 * A memoised `conferenceDay` for one zone and day-change hour: folding a large schedule asks
 * for the day of thousands of instants, and luxon costs microseconds per call. The memo is
 * kept across calls (it only caches a pure function) and bounded.
 */
export function conferenceDayOf(zone: string, dayChangeHour: number): (at: number) => string {
  const id = `${zone} ${dayChangeHour}`;
  const known = dayFunctions.get(id);
  if (known) return known;
  const memo = new Map<number, string>();
  const dayOf = (at: number): string => {
    const bucket = Math.floor(at / DAY_BUCKET_MS);
    let day = memo.get(bucket);
    if (day === undefined) {
      day = conferenceDay(at, zone, dayChangeHour);
      if (memo.size < MAX_DAY_BUCKETS) memo.set(bucket, day);
    }
    return day;
  };
  if (dayFunctions.size >= MAX_DAY_FUNCTIONS) dayFunctions.clear();
  dayFunctions.set(id, dayOf);
  return dayOf;
}

/** The hub clock: real time, or the rehearsal clock `anchorVirtual + (realNow - anchorReal) * rate`. */
export function hubNow(clock: { anchorVirtual: number; anchorReal: number; rate: number } | null, realNow: number): number {
  if (clock === null) return realNow;
  return Math.round(clock.anchorVirtual + (realNow - clock.anchorReal) * clock.rate);
}

/** The instant a conference day begins: `day` at the day-change hour in `zone`. */
export function conferenceDayStart(day: string, zone: string, dayChangeHour: number): number {
  return DateTime.fromISO(day, { zone }).set({ hour: dayChangeHour }).toMillis();
}

/** Whole minutes between two instants (rounded toward zero). */
export function minutesBetween(from: number, to: number): number {
  return Math.trunc((to - from) / MINUTE_MS);
}

/** The UTC offset of `zone` at an instant, in minutes (e.g. 60 for Europe/Berlin in winter). */
export function zoneOffsetMinutes(at: number, zone: string): number {
  return DateTime.fromMillis(at, { zone }).offset;
}
