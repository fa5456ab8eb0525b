// The one time module, and the one in front of luxon. Instants are UTC epoch ms; every
// wall-clock text is produced in the event's zone, never the device's. Reading, formatting and
// conference days come from shared/zoned (the platform's Intl, no luxon) and are re-exported
// here; parsing and building instants from text use luxon, for the hub, importers and admin page.
// Modules screens load (display/, shared/on-air and what it imports) import shared/zoned
// directly: a screen must not reach luxon at all, or the bundler ships it to screens too.
import { DateTime, IANAZone } from "luxon";

export * from "./zoned.js";

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
