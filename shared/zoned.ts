// Wall-clock reading of instants in a zone, on the platform's own Intl (the same ICU data luxon
// reads), so screens format the event's time without shipping luxon (issue 5's 50 kB budget).
// shared/time re-exports everything here and adds parsing with luxon; the modules screens load
// import this one directly, everything else imports shared/time.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The wall-clock parts of an instant in a zone; `month` is 1-based, `hour` 0–23. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Bound on cached formatters (one per zone, or per zone and locale). */
const MAX_FORMATTERS = 64;

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_FORMATTERS) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const partFormatters = new Map<string, Intl.DateTimeFormat | null>();

/** Numeric parts in `zone`, or null for a zone Intl does not know. */
function partFormatter(zone: string): Intl.DateTimeFormat | null {
  return cached(partFormatters, zone, () => {
    try {
      // "h23" rather than `hour12: false`, which some ICU versions render as "24:00".
      return new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      return null; // RangeError: an unknown zone, answered below as luxon's invalid DateTime is.
    }
  });
}

/** The wall-clock parts of `at` (UTC ms) in `zone`; null for an unknown zone or an instant that is not a number. */
export function localParts(at: number, zone: string): LocalParts | null {
  const formatter = partFormatter(zone);
  if (formatter === null || !Number.isFinite(at)) return null;
  const parts: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const part of formatter.formatToParts(at)) {
    if (part.type === "era") bc = /^b/i.test(part.value);
    else if (part.type in parts) parts[part.type as keyof LocalParts] = Number(part.value);
  }
  if (bc) parts.year = 1 - parts.year;
  // Guard against older ICU answering midnight as hour 24 despite "h23".
  if (parts.hour === 24) parts.hour = 0;
  return parts;
}

/** What luxon prints for an invalid DateTime; kept so a bad zone reads the same as before. */
const INVALID = "Invalid DateTime";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "2026-03-29" for local parts (four-digit years, as luxon's ISO dates). */
function isoDate(year: number, month: number, day: number): string {
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : (year < 0 ? "-" : "+") + String(Math.abs(year)).padStart(6, "0");
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** The calendar date `days` after a local date, through UTC arithmetic (no zone involved). */
function addDays(parts: Pick<LocalParts, "year" | "month" | "day">, days: number): Pick<LocalParts, "year" | "month" | "day"> {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Local parts read as if they were UTC, in ms: the "local timestamp" of offset arithmetic. */
function localStamp(parts: LocalParts): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return date.getTime();
}

/** "09:15" in the event zone (24-hour). */
export function formatTime(at: number, zone: string): string {
  const p = localParts(at, zone);
  if (p === null) return INVALID;
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "09:15:07" in the event zone. */
export function formatClock(at: number, zone: string): string {
  const p = localParts(at, zone);
  if (p === null) return INVALID;
  return `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

const dayNameFormatters = new Map<string, { weekday: Intl.DateTimeFormat; month: Intl.DateTimeFormat; number: Intl.NumberFormat }>();

/** "Thursday 6 March" in the event zone, in the given locale (stand-alone names, as luxon's "cccc d LLLL"). */
export function formatDay(at: number, zone: string, locale = "en"): string {
  const p = localParts(at, zone);
  if (p === null) return INVALID;
  const names = cached(dayNameFormatters, locale, () => ({
    // Names of the local date, read at UTC noon of that date so no zone can shift it.
    weekday: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }),
    month: new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }),
    number: new Intl.NumberFormat(locale, { useGrouping: false }),
  }));
  const noon = localStamp({ ...p, hour: 12, minute: 0, second: 0 });
  return `${names.weekday.format(noon)} ${names.number.format(p.day)} ${names.month.format(noon)}`;
}

/** The local calendar date "YYYY-MM-DD" of an instant in `zone`. */
export function localDate(at: number, zone: string): string {
  const p = localParts(at, zone);
  if (p === null) return "";
  return isoDate(p.year, p.month, p.day);
}

/**
 * The conference day of an instant: the event zone's calendar day, shifted back by the
 * day-change hour, so with 04:00 a 01:00 session belongs to the previous evening's day.
 */
export function conferenceDay(at: number, zone: string, dayChangeHour: number): string {
  // Compare wall-clock hours rather than subtracting hours from the instant: on a DST night
  // "04:30 minus 4 h" lands on the previous evening although 04:30 is past the day change.
  const p = localParts(at, zone);
  if (p === null) return "";
  const date = p.hour < dayChangeHour ? addDays(p, -1) : p;
  return isoDate(date.year, date.month, date.day);
}

/** The UTC offset of `zone` at an instant, in minutes (e.g. 60 for Europe/Berlin in winter). */
export function zoneOffsetMinutes(at: number, zone: string): number {
  // Whole seconds: the parts carry no milliseconds.
  const second = at - (((at % 1000) + 1000) % 1000);
  const p = localParts(second, zone);
  return p === null ? NaN : (localStamp(p) - second) / 60_000;
}

/**
 * The instant of a wall-clock time in `zone`, starting from a guessed offset (minutes). As
 * luxon does: an ambiguous time (the repeated hour of a fall-back night) takes the guessed
 * offset when it is one of the two; a time in a spring-forward gap moves forward by the gap.
 */
export function instantOfLocal(parts: LocalParts, zone: string, guessOffset: number): number {
  const local = localStamp(parts);
  let utc = local - guessOffset * 60_000;
  const o2 = zoneOffsetMinutes(utc, zone);
  if (o2 === guessOffset) return utc;
  utc -= (o2 - guessOffset) * 60_000;
  const o3 = zoneOffsetMinutes(utc, zone);
  if (o2 === o3) return utc;
  return local - Math.min(o2, o3) * 60_000;
}

/** The instant a conference day begins: `day` ("YYYY-MM-DD") at the day-change hour in `zone`. */
export function conferenceDayStart(day: string, zone: string, dayChangeHour: number): number {
  const [year = NaN, month = NaN, date = NaN] = day.split("-").map(Number);
  const midnight: LocalParts = { year, month, day: date, hour: 0, minute: 0, second: 0 };
  // Midnight first, then the hour from midnight's offset, as luxon's fromISO(day).set({ hour }).
  const start = instantOfLocal(midnight, zone, zoneOffsetMinutes(localStamp(midnight), zone));
  return instantOfLocal({ ...midnight, hour: dayChangeHour }, zone, zoneOffsetMinutes(start, zone));
}

/** The instant the conference day after `day` begins, which is when `day` ends. */
export function conferenceDayEnd(day: string, zone: string, dayChangeHour: number): number {
  const [year = NaN, month = NaN, date = NaN] = day.split("-").map(Number);
  const next = addDays({ year, month, day: date }, 1);
  return conferenceDayStart(isoDate(next.year, next.month, next.day), zone, dayChangeHour);
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
 * for the day of thousands of instants, and reading a zone costs microseconds per call. The memo is
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

/** Whole minutes between two instants (rounded toward zero). */
export function minutesBetween(from: number, to: number): number {
  return Math.trunc((to - from) / MINUTE_MS);
}
