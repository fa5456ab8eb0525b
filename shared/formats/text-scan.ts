// First pass over pasted schedule text: every line becomes a heading (day, room), a time that
// opens a session, a content line of the current session, or preamble before the schedule.
// Lines that fit nowhere are reported with their number.
import { fromLocal, parseIso } from "../time.js";
import type { ImportProblem } from "./types.js";
import {
  type BadTime,
  type DayHeading,
  type PrintedDate,
  type TimeLine,
  findDate,
  findYear,
  hour24,
  looksLikeRoomHeading,
  parseDayHeading,
  parseTimeLine,
} from "./text-lines.js";

/** One non-blank source line, trimmed; `n` is 1-based. */
export interface SourceLine {
  n: number;
  text: string;
  /** A blank line precedes it: a paragraph break. */
  gapBefore: boolean;
}

/** A session as found: its time line, the headings in force, and the lines that follow. */
export interface DraftSession {
  timeLine: SourceLine;
  time: TimeLine;
  /** UTC ms. */
  start: number;
  /** UTC ms; null when only a start is printed. */
  end: number | null;
  room: string | null;
  lines: SourceLine[];
}

export interface ScanResult {
  preamble: SourceLine[];
  sessions: DraftSession[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

const EXPECTED_TIME = 'expected a time such as "09:15 - 09:30", "10:15 AM" or "2026-01-31T15:00:00+01:00"';
/** Clock times before this hour belong to the evening of the day heading above them (rule 6). */
const AFTER_MIDNIGHT_HOUR = 4;

function problem(line: SourceLine, message: string): ImportProblem {
  return { path: `line ${line.n}`, line: line.n, message };
}

/** Splits text into trimmed lines; tabs count as spaces, other Unicode (no-break spaces too) is kept. */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  let gap = false;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const t = raw.replace(/\t/g, " ").trim();
    if (!t) {
      gap = true;
      return;
    }
    out.push({ n: i + 1, text: t, gapBefore: gap });
    gap = false;
  });
  return out;
}

function addDays(d: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

type Day = { year: number; month: number; day: number };

/** Scans the lines; `zone` reads clock times and ISO times without an offset. */
export function scanText(lines: SourceLine[], zone: string): ScanResult {
  const result: ScanResult = { preamble: [], sessions: [], errors: [], warnings: [] };
  let day: Day | null = null;
  let dayLine: SourceLine | null = null;
  let room: string | null = null;
  let current: DraftSession | null = null;
  let started = false;

  // Zone offsets are costly to look up and a schedule repeats the same few times: remember them.
  const instants = new Map<string, number | null>();
  const localInstant = (parts: Day & { hour: number; minute: number }): number | null => {
    const key = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
    if (!instants.has(key)) instants.set(key, fromLocal(parts, zone));
    return instants.get(key)!;
  };

  const isTimeOrDay = (i: number): boolean => {
    const next = lines[i + 1];
    return next !== undefined && (parseTimeLine(next.text) !== null || parseDayHeading(next.text) !== null);
  };

  // Day 1 and the year for headings that lack them come from the text above the schedule.
  const preambleDate = (): PrintedDate | null => {
    const text = result.preamble.map((l) => l.text).join("\n");
    const found = findDate(text);
    return found && { ...found, year: found.year ?? findYear(text) };
  };

  const resolveDay = (heading: DayHeading, line: SourceLine): Day | null => {
    if (heading.kind === "nth") {
      const base = preambleDate();
      if (!base || base.year === null) {
        result.errors.push(problem(line, `"${line.text}" counts days, but no date with a year was found above it to count from; add a line such as "March 6, 2025" at the top`));
        return null;
      }
      return addDays({ year: base.year, month: base.month, day: base.day }, heading.n - 1);
    }
    const year = heading.date.year ?? day?.year ?? preambleDate()?.year ?? null;
    if (year === null) {
      result.errors.push(problem(line, `day heading "${line.text}" has no year, and none was found above it`));
      return null;
    }
    const date = { year, month: heading.date.month, day: heading.date.day };
    if (fromLocal({ ...date, hour: 12, minute: 0 }, zone) === null) {
      result.errors.push(problem(line, `day heading "${line.text}" is not a valid date`));
      return null;
    }
    return date;
  };

  const instantOf = (t: TimeLine["start"], line: SourceLine): number | null => {
    if (t.kind === "iso") {
      const at = parseIso(t.text, zone);
      if (at === null) result.errors.push(problem(line, `"${t.text}" is not a valid ISO 8601 instant`));
      return at;
    }
    if (day === null) {
      const base = preambleDate();
      if (base && base.year !== null && fromLocal({ year: base.year, month: base.month, day: base.day, hour: 12, minute: 0 }, zone) !== null) {
        day = { year: base.year, month: base.month, day: base.day };
        result.warnings.push(problem(line, `no day heading above this time; using the date found at the top (${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")})`));
      } else {
        result.errors.push(problem(line, `time "${t.text}" comes before any day heading; add a line such as "Thursday - March 6th, 2025" above it`));
        return null;
      }
    }
    let h = hour24(t);
    let date = day;
    if (h === 24) {
      h = 0;
      date = addDays(date, 1);
    } else if (h < AFTER_MIDNIGHT_HOUR) {
      date = addDays(date, 1);
    }
    const at = localInstant({ ...date, hour: h, minute: t.minute });
    if (at === null) result.errors.push(problem(line, `time "${t.text}" does not exist on that day in ${zone}`));
    return at;
  };

  lines.forEach((line, i) => {
    const time = parseTimeLine(line.text);
    if (time !== null && "bad" in time) {
      result.errors.push(problem(line, `${(time as BadTime).bad}; ${EXPECTED_TIME}`));
      current = null;
      return;
    }
    if (time !== null) {
      started = true;
      current = null;
      const start = instantOf(time.start, line);
      if (start === null) return;
      let end = time.end === null ? null : instantOf(time.end, line);
      if (time.end !== null && end === null) return;
      if (end !== null && end < start) {
        // "23:30 - 00:30" runs past midnight; an ISO range that goes backwards is simply wrong.
        if (time.end?.kind === "clock" && end + 24 * 3_600_000 > start) end += 24 * 3_600_000;
        else {
          result.errors.push(problem(line, `ends (${time.end!.text}) before it starts (${time.start.text})`));
          return;
        }
      }
      current = { timeLine: line, time, start, end, room, lines: [] };
      result.sessions.push(current);
      return;
    }
    const heading = parseDayHeading(line.text);
    if (heading !== null) {
      started = true;
      current = null;
      day = resolveDay(heading, line) ?? day;
      dayLine = line;
      return;
    }
    const cur = current as DraftSession | null;
    // Inside a session a room-like line is a heading only when a time or day follows it; before
    // the first time it needs that too, so a venue line in the preamble is not taken for a room.
    const roomHeading = cur === null ? started || isTimeOrDay(i) : cur.lines.length > 0 && isTimeOrDay(i);
    // Right under a day heading, a short line before a time can only name a room ("Janson").
    const bareRoom = cur === null && started && isTimeOrDay(i) && line.text.length <= 80 && !/[.!?,;:]$/.test(line.text);
    if ((looksLikeRoomHeading(line.text) && roomHeading) || bareRoom) {
      started = true;
      current = null;
      room = line.text;
      return;
    }
    if (cur !== null) cur.lines.push(line);
    else if (!started) result.preamble.push(line);
    else {
      const after = dayLine ? ` after the heading on line ${dayLine.n}` : "";
      result.warnings.push(problem(line, `"${clip(line.text)}" is not under any time${after}; skipped (${EXPECTED_TIME} above it)`));
    }
  });
  return result;
}

/** The first 60 characters of a line, for messages. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
