// The event zone and absolute instants. Offsets in the file decide instants; the zone only
// decides how they are shown (formats/README.md §1.6, §6.3).
import { fromLocal, isValidZone, parseIso, zoneOffsetMinutes } from "../time.js";
import type { ScheduleBuilder } from "./build.js";

// luxon checks a zone by building an Intl formatter each time: remember the answers.
const zoneValidity = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1000;

/** isValidZone, remembered per name (iCal files repeat one TZID on every line). */
export function knownZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone.length <= 100 && isValidZone(zone);
    if (zoneValidity.size < MAX_REMEMBERED_ZONES) zoneValidity.set(zone, valid);
  }
  return valid;
}

/** An instant read from ISO text, with the offset the text carried (minutes), if any. */
export interface ReadInstant {
  at: number;
  offset: number | null;
}

const ISO_OFFSET = /(Z|([+-])(\d{2}):?(\d{2}))$/i;
// The common case, "2025-12-27T10:30:00+01:00", read without luxon: imports read one per session.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

function fastInstant(text: string): ReadInstant | null {
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return null;
  const [month, day, hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const offset = m[7]!.toUpperCase() === "Z" ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const utc = Date.UTC(Number(m[1]), month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: such a date is not valid.
  if (new Date(utc).getUTCDate() !== day) return null;
  return { at: utc - offset * 60_000, offset };
}

/** Reads ISO 8601; text without an offset is wall-clock time in `zone`. */
export function readInstant(raw: unknown, zone: string): ReadInstant | null {
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  if (text.length < 10 || text.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const fast = fastInstant(text);
  if (fast) return fast;
  const at = parseIso(text, zone);
  if (at === null) return null;
  const m = ISO_OFFSET.exec(text);
  let offset: number | null = null;
  if (m && /T|\s/.test(text)) offset = m[1]!.toUpperCase() === "Z" ? 0 : (m[2] === "-" ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  return { at, offset };
}

/** "2011-12-27" plus `days` as a calendar date, without any zone arithmetic. */
export function addDays(date: string, days: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Wall-clock "YYYY-MM-DD" + "HH:MM[:SS]" in `zone`; null when either part is malformed. */
export function localInstant(date: string, time: string, zone: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!d || !t) return null;
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  if (hour > 23 || minute > 59) return null;
  return fromLocal({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour, minute, second: Number(t[3] ?? 0) }, zone);
}

/** "HH:MM[:SS]" to minutes after midnight; null when malformed. */
export function clockMinutes(time: string | null | undefined): number | null {
  const t = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec((time ?? "").trim());
  return t && Number(t[1]) < 24 && Number(t[2]) < 60 ? Number(t[1]) * 60 + Number(t[2]) : null;
}

// Zones that own a non-whole-hour offset all year, for files that give only "+05:30".
const FRACTIONAL_OFFSET_ZONES: Record<number, string> = {
  330: "Asia/Kolkata", 345: "Asia/Kathmandu", 270: "Asia/Kabul", 390: "Asia/Yangon", 570: "Australia/Darwin", [-570]: "Pacific/Marquesas",
};

/** An IANA zone with this fixed offset (Etc/GMT signs are inverted), or null. */
export function zoneForOffset(offset: number): string | null {
  if (offset === 0) return "UTC";
  if (offset % 60 === 0 && Math.abs(offset) <= 14 * 60) return `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset) / 60}`;
  return FRACTIONAL_OFFSET_ZONES[offset] ?? null;
}

function formatOffset(offset: number): string {
  const a = Math.abs(offset);
  return `${offset < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/** Zone for wall-clock times, before any instant is read: the user's, else the file's, else UTC. */
export function zoneBeforeParsing(configured: string | undefined, named: unknown, builder: ScheduleBuilder, path: string): { zone: string; known: boolean } {
  if (configured && knownZone(configured)) return { zone: configured, known: true };
  if (configured) builder.warn({ path: "(options)", message: `"${configured}" is not an IANA time zone; ignored` });
  if (typeof named === "string" && named.trim() && knownZone(named.trim())) return { zone: named.trim(), known: true };
  if (typeof named === "string" && named.trim()) builder.warn({ path, message: `time zone "${named}" is not an IANA zone name; ignored` });
  return { zone: "UTC", known: false };
}

/**
 * The zone to show a schedule in, once its instants are known. A configured zone wins; a named
 * zone stays unless it is UTC while every offset says otherwise (pretalx democon); without any,
 * the offsets give a fixed zone. Contradictions are reported; instants always follow the offsets.
 */
export function settleZone(
  chosen: { zone: string; known: boolean },
  configured: string | undefined,
  instants: ReadInstant[],
  builder: ScheduleBuilder,
  path: string,
): string {
  const nonZero = instants.filter((i) => i.offset !== null && i.offset !== 0);
  const offsets = new Set(instants.filter((i) => i.offset !== null).map((i) => i.offset!));
  const configuredOk = configured !== undefined && chosen.known && chosen.zone === configured;
  if (chosen.known) {
    // Offsets change at most a few times a year: one zone lookup per hour of the schedule.
    const perHour = new Map<number, number>();
    const offsetAt = (at: number) => {
      const hour = Math.floor(at / 3_600_000);
      let o = perHour.get(hour);
      if (o === undefined) perHour.set(hour, (o = zoneOffsetMinutes(hour * 3_600_000, chosen.zone)));
      return o;
    };
    const wrong = nonZero.filter((i) => offsetAt(i.at) !== i.offset);
    if (wrong.length > 0) {
      const seen = [...new Set(wrong.map((i) => formatOffset(i.offset!)))].slice(0, 4).join(", ");
      const uniform = new Set(nonZero.map((i) => i.offset)).size === 1 && wrong.length === nonZero.length;
      const fixed = uniform ? zoneForOffset(nonZero[0]!.offset!) : null;
      if (!configuredOk && /^(Etc\/)?(UTC|GMT|Zulu)$/i.test(chosen.zone) && fixed) {
        builder.warn({ path, message: `time zone "${chosen.zone}" contradicts the offsets in the file (${seen} on ${wrong.length} times); instants follow the offsets and the schedule is shown in ${fixed}` });
        return fixed;
      }
      builder.warn({ path, message: `time zone "${chosen.zone}" contradicts the offsets in the file (${seen} on ${wrong.length} times); instants follow the offsets` });
    }
    return chosen.zone;
  }
  if (nonZero.length > 0 || offsets.size > 0) {
    const counts = new Map<number, number>();
    for (const i of nonZero.length > 0 ? nonZero : instants) if (i.offset !== null) counts.set(i.offset, (counts.get(i.offset) ?? 0) + 1);
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const fixed = zoneForOffset(common) ?? "UTC";
    builder.warn({ path, message: `the file names no time zone; times are shown in ${fixed} (from offset ${formatOffset(common)}); give the venue's zone (e.g. --zone Europe/Berlin) for daylight-saving changes` });
    return fixed;
  }
  builder.warn({ path, message: "the file names no time zone and its times carry no offset; they are read as UTC; give the venue's zone (e.g. --zone Europe/Brussels)" });
  return "UTC";
}
