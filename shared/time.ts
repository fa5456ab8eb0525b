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
  return DateTime.fromMillis(at, { zone }).minus({ hours: dayChangeHour }).toISODate() ?? "";
}

/** The instant a conference day begins: `day` at the day-change hour in `zone`. */
export function conferenceDayStart(day: string, zone: string, dayChangeHour: number): number {
  return DateTime.fromISO(day, { zone }).set({ hour: dayChangeHour }).toMillis();
}

/** Whole minutes between two instants (rounded toward zero). */
export function minutesBetween(from: number, to: number): number {
  return Math.trunc((to - from) / MINUTE_MS);
}
