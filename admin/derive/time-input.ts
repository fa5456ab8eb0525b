// <input type="datetime-local"> values are wall-clock text; we read and write them in the
// event zone (never the device's) through shared/time.
import { parseIso, toIso } from "../../shared/time.js";

/** "2025-03-06T10:55" in `zone`, for a datetime-local input. */
export function toLocalInput(at: number, zone: string): string {
  return toIso(at, zone).slice(0, 16);
}

/** The instant a datetime-local value names in `zone`; null when empty or invalid. */
export function fromLocalInput(value: string, zone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return null;
  return parseIso(value, zone);
}

/** Whole minutes typed in a field ("+10", "-5", "10"); null when not an integer in range. */
export function parseMinutes(text: string, max = 24 * 60): number | null {
  const t = text.trim().replace(/^\+/, "");
  if (!/^-?\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return n === 0 || Math.abs(n) > max ? null : n;
}
