// Reading single lines of a pasted schedule: times ("09:15 - 09:30", "10:15 AM", ISO 8601),
// day headings ("Thursday - March 6th, 2025", "Start of Day 2") and room headings ("Room 1").
// Pure: each function looks at one line and says what it is, or null.

/** A wall-clock time as printed; `meridiem` is set when the line says AM or PM. */
export interface ClockTime {
  kind: "clock";
  hour: number;
  minute: number;
  meridiem: "am" | "pm" | null;
  text: string;
}

/** An ISO 8601 timestamp as printed (with or without offset). */
export interface IsoTime {
  kind: "iso";
  text: string;
}

export type PrintedTime = ClockTime | IsoTime;

export interface TimeLine {
  /** Text glued before the time ("NixCon Hiring Happy Hour05:55 PM - 06:55 PM"): a title. */
  prefix: string;
  start: PrintedTime;
  end: PrintedTime | null;
}

/** A line that looks like a time but cannot be one ("25:70 - 26:00"): the reason why. */
export interface BadTime {
  bad: string;
}

const CLOCK = String.raw`(\d{1,2})[:.](\d{2})(?:\s*([AaPp])\.?\s?[Mm]\.?)?`;
const ISO = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?`;
const RANGE_SEP = String.raw`\s*(?:[-–—~]|to|until|bis)\s*`;

const ISO_LINE = new RegExp(`^(${ISO})(?:${RANGE_SEP}(${ISO}|${CLOCK}))?$`, "i");
const CLOCK_LINE = new RegExp(`^(.*?)(\\s*)${CLOCK}(?:${RANGE_SEP}${CLOCK})?$`);

// A prefix glued to a time is a heading only when it is short and not a sentence: an abstract
// line that merely ends with "at 10:00" must stay abstract text.
const MAX_PREFIX_CHARS = 100;
const MAX_TIME_LINE_CHARS = MAX_PREFIX_CHARS + 60;
const DANGLING_WORD = /\b(from|at|until|till|between|to|by|since|in|on|and|or|of|is|are|was|starts?|begins?|ends?)$/i;

function clock(h: string, m: string, ap: string | undefined, text: string): ClockTime | BadTime {
  const hour = Number(h);
  const minute = Number(m);
  const meridiem = ap ? (ap.toLowerCase() === "a" ? "am" : "pm") : null;
  if (minute > 59) return { bad: `"${text}" has minute ${minute}` };
  if (meridiem !== null && (hour < 1 || hour > 12)) return { bad: `"${text}" has hour ${hour}, expected 1–12 with AM/PM` };
  if (meridiem === null && hour > 24) return { bad: `"${text}" has hour ${hour}, expected 0–24` };
  return { kind: "clock", hour, minute, meridiem, text };
}

/** Reads a time line; null when the line is not one, BadTime when it is one with impossible values. */
export function parseTimeLine(line: string): TimeLine | BadTime | null {
  if (line.length > MAX_TIME_LINE_CHARS) return null;
  const iso = ISO_LINE.exec(line);
  if (iso) {
    const start: IsoTime = { kind: "iso", text: iso[1]!.replace(" ", "T") };
    if (iso[2] === undefined) return { prefix: "", start, end: null };
    if (iso[3] !== undefined) {
      const end = clock(iso[3], iso[4]!, iso[5], iso[2]);
      return "bad" in end ? end : { prefix: "", start, end };
    }
    return { prefix: "", start, end: { kind: "iso", text: iso[2].replace(" ", "T") } };
  }
  const m = CLOCK_LINE.exec(line);
  if (!m) return null;
  const [, prefix = "", gap = "", h1, m1, ap1, h2, m2, ap2] = m;
  const isRange = h2 !== undefined;
  if (prefix) {
    const glued = gap === "" && /[\p{L})]$/u.test(prefix);
    if (prefix.length > MAX_PREFIX_CHARS || /[.!?,;:]$/.test(prefix.trim()) || !(glued || isRange)) return null;
    // "Room 1 10:00" style digits right before the time would be ambiguous: not a heading.
    if (/\d$/.test(prefix)) return null;
    // "It runs from 10:00 to 12:00" is a sentence, not a heading glued to a time.
    if (!glued && DANGLING_WORD.test(prefix.trim())) return null;
    if (!line.slice(prefix.length).includes(":")) return null;
  }
  const startText = `${h1}:${m1}${ap1 ? ` ${ap1.toUpperCase()}M` : ""}`;
  const start = clock(h1!, m1!, ap1, startText);
  if ("bad" in start) return start;
  if (!isRange) return { prefix: prefix.trim(), start, end: null };
  const end = clock(h2, m2!, ap2, `${h2}:${m2}${ap2 ? ` ${ap2.toUpperCase()}M` : ""}`);
  if ("bad" in end) return end;
  // "10:15 - 11:00 AM": one meridiem covers both ends.
  if (start.meridiem === null && end.meridiem !== null && start.hour <= 12) start.meridiem = end.meridiem;
  if (end.meridiem === null && start.meridiem !== null && end.hour <= 12) end.meridiem = start.meridiem;
  return { prefix: prefix.trim(), start, end };
}

/** 24-hour hour of a printed clock time. */
export function hour24(t: ClockTime): number {
  if (t.meridiem === null) return t.hour;
  return (t.hour % 12) + (t.meridiem === "pm" ? 12 : 0);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?`;
const DAY_NUM = String.raw`(\d{1,2})(?:st|nd|rd|th)?\.?`;
const SEP = String.raw`[\s,\-–—:]*`;

const DATE_HEADING = new RegExp(
  `^(?:${WEEKDAY}${SEP})?(?:${MONTH}\\s+${DAY_NUM}|${DAY_NUM}\\s+${MONTH})(?:,?\\s+(\\d{4}))?$`,
  "i",
);
const ISO_DATE_HEADING = new RegExp(`^(?:${WEEKDAY}${SEP})?(\\d{4})-(\\d{2})-(\\d{2})(?:${SEP}${WEEKDAY})?$`, "i");
const NTH_DAY_HEADING = /^(?:start of\s+)?day\s+(\d{1,2})\b\s*(?:[-–—:].*)?$/i;

/** A calendar date as printed; `year` null when the heading has none. */
export interface PrintedDate {
  year: number | null;
  month: number;
  day: number;
}

export type DayHeading = { kind: "date"; date: PrintedDate } | { kind: "nth"; n: number };

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Reads a day heading: "Thursday - March 6th, 2025", "6 March", "2025-03-06", "Start of Day 2". */
export function parseDayHeading(line: string): DayHeading | null {
  const iso = ISO_DATE_HEADING.exec(line);
  if (iso) return { kind: "date", date: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } };
  const d = DATE_HEADING.exec(line);
  if (d) {
    const [, m1, d1, d2, m2, y] = d;
    return {
      kind: "date",
      date: { year: y ? Number(y) : null, month: monthNumber((m1 ?? m2)!), day: Number(d1 ?? d2) },
    };
  }
  const nth = NTH_DAY_HEADING.exec(line);
  if (nth) return { kind: "nth", n: Number(nth[1]) };
  return null;
}

/**
 * The first date mentioned in free text ("March 6th-7th, 2025 @ Pasadena", "September 08 – 10"),
 * used as day 1 for "Day N" headings. The year may come from elsewhere in the text.
 */
export function findDate(text: string): PrintedDate | null {
  const m = new RegExp(`\\b${MONTH}\\s+${DAY_NUM}|\\b${DAY_NUM}\\s+${MONTH}`, "i").exec(text);
  if (!m) return null;
  const [, m1, d1, d2, m2] = m;
  const year = /\b(19\d{2}|20\d{2})\b/.exec(text.slice(m.index));
  return { year: year ? Number(year[1]) : null, month: monthNumber((m1 ?? m2)!), day: Number(d1 ?? d2) };
}

/** The first plausible year in free text, e.g. from "NixCon 2023 Darmstadt". */
export function findYear(text: string): number | null {
  const m = /\b(19\d{2}|20\d{2})\b/.exec(text);
  return m ? Number(m[1]) : null;
}

const ROOM_WORDS =
  /\b(room|rooms|hall|saal|h[öo]rsaal|salle|sala|aula|auditorium|amphi\w*|stage|track|devroom|theat(?:er|re)|studio|foyer|lounge)\b|^[A-Z]{1,3}[\s.]?\d[\d.]*[A-Z]?(\s*\(.*\))?$/i;
const MAX_ROOM_HEADING_CHARS = 80;
const MAX_ROOM_HEADING_WORDS = 6;

/** True when a line can name a room ("Room 1", "Talks (Room 122)", "Nix and NixOS Track", "K.1.105 (La Fontaine)"). */
export function looksLikeRoomHeading(line: string): boolean {
  // Room names are a few words; a longer line that mentions a stage or a track is a sentence.
  return line.length <= MAX_ROOM_HEADING_CHARS && line.split(/\s+/).length <= MAX_ROOM_HEADING_WORDS && !/[.!?,;:]$/.test(line) && ROOM_WORDS.test(line);
}
