// Pasted schedule text, in the layouts of conference web pages copied as text: a day heading,
// room headings, then per session a time ("09:15 - 09:30", "10:15 AM" or ISO 8601), a title,
// a speakers line and an abstract. The user gives the time zone. Where a line cannot be
// placed, the result names the line and says why.
import { type Event, type EventInput, EventSchema, MAX_ABSTRACT_CHARS, MAX_SPEAKERS, type Session, type SessionType } from "../model.js";
import { conferenceDay, isValidZone, localDate, formatTime } from "../time.js";
import { clip, type DraftSession, scanText, type SourceLine, sourceLines } from "./text-scan.js";
import { inferType, looksLikeNames, parseTypedSpeakerLine, rawSpeakerParts, splitSpeakers } from "./text-speakers.js";
import type { ImportProblem, ImportResult } from "./types.js";

export const TEXT_FORMAT = "text";

export interface TextImportOptions {
  /** IANA zone the printed wall-clock times are in, e.g. "America/Los_Angeles". */
  zone: string;
  title?: string;
  eventId?: string;
}

/** A first line longer than this is prose, not a title: the session is untitled. */
const MAX_TITLE_LINE_CHARS = 200;
const MAX_NAME_CHARS = 200;
const DEFAULT_ROOM = "Main room";

/** A session's lines read as fields, before speakers are split. */
interface Fields {
  draft: DraftSession;
  title: string;
  speakerText: string | null;
  typeText: string | null;
  abstract: SourceLine[];
}

function problem(line: SourceLine, message: string): ImportProblem {
  return { path: `line ${line.n}`, line: line.n, message };
}

/** Reads pasted schedule text into an event; pure. */
export function importText(text: string, options: TextImportOptions): ImportResult {
  if (!isValidZone(options.zone)) {
    return { ok: false, format: TEXT_FORMAT, errors: [{ path: "zone", message: `"${options.zone}" is not an IANA time zone, e.g. Europe/Brussels` }] };
  }
  const repairs: ImportProblem[] = [];
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    repairs.push({ path: "line 1", line: 1, message: "byte order mark removed" });
  }
  const scan = scanText(sourceLines(text), options.zone);
  if (scan.sessions.length === 0 && scan.errors.length === 0) {
    scan.errors.push({ path: "(text)", message: 'no session times found; expected lines such as "09:15 - 09:30", "10:15 AM" or "2026-01-31T15:00:00+01:00", each followed by a title' });
  }
  if (scan.errors.length > 0) return { ok: false, format: TEXT_FORMAT, errors: scan.errors };

  const warnings = scan.warnings;
  const fields = readFields(scan.sessions, warnings);
  const sessions = buildSessions(fields, options.zone, warnings, repairs);
  const event = buildEvent(sessions, scan.preamble, options);
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) {
    return {
      ok: false,
      format: TEXT_FORMAT,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    };
  }
  const starts = new Set(parsed.data.sessions.map((s) => s.start));
  const days = new Set([...starts].map((at) => conferenceDay(at, options.zone, parsed.data.dayChangeHour)));
  return {
    ok: true,
    event: parsed.data,
    report: { format: TEXT_FORMAT, days: days.size, rooms: parsed.data.rooms.length, sessions: parsed.data.sessions.length, warnings: byLine(warnings), repairs },
  };
}

/** Problems in source order, so a report reads top to bottom like the pasted text. */
function byLine(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Title, speakers line and abstract of every session, with the document's layout in mind. */
function readFields(drafts: DraftSession[], warnings: ImportProblem[]): Fields[] {
  // Pages like NixCon's print "Speakers - Type"; the type text alone then marks a speakerless line.
  const typeTexts = new Set<string>();
  let typed = false;
  for (const d of drafts) {
    for (const line of d.lines.slice(0, 2)) {
      const t = parseTypedSpeakerLine(line.text);
      if (t) {
        typed = true;
        typeTexts.add(t.type);
      }
    }
  }
  const isSpeakerLine = (text: string) => parseTypedSpeakerLine(text) !== null || typeTexts.has(text);
  // Some pages (FOSDEM's track page) print no titles at all: then the first paragraph is prose.
  const withContent = drafts.filter((d) => !d.time.prefix && d.lines.length > 0);
  const titleLike = withContent.filter((d) => {
    const first = d.lines[0]!.text;
    return isSpeakerLine(first) || (first.length <= 150 && !/[.:;,]$/.test(first));
  });
  const titled = titleLike.length * 2 >= withContent.length;

  return drafts.map((draft) => {
    const lines = [...draft.lines];
    let title = draft.time.prefix;
    if (!title && titled && lines.length > 0 && !isSpeakerLine(lines[0]!.text)) {
      if (lines[0]!.text.length > MAX_TITLE_LINE_CHARS) {
        warnings.push(problem(lines[0]!, `the line after the time is ${lines[0]!.text.length} characters long; read as the abstract, session untitled`));
      } else {
        title = lines.shift()!.text;
      }
    }
    if (lines.length === 0 && !title) warnings.push(problem(draft.timeLine, "a time with nothing under it; imported as an untitled slot"));
    let speakerText: string | null = null;
    let typeText: string | null = null;
    const next = lines[0]?.text;
    const typedLine = next === undefined ? null : parseTypedSpeakerLine(next);
    if (typedLine) {
      speakerText = typedLine.speakers;
      typeText = typedLine.type;
      lines.shift();
    } else if (next !== undefined && typeTexts.has(next)) {
      typeText = next;
      lines.shift();
    } else if (next !== undefined && !typed && title && looksLikeNames(next)) {
      speakerText = next;
      lines.shift();
    }
    return { draft, title, speakerText, typeText, abstract: trimLostLinks(lines, warnings) };
  });
}

/**
 * Drops trailing paragraphs whose link was lost when the page was copied ("Resources:",
 * "… versions of this page on"), so they do not end up in the last session's abstract.
 */
function trimLostLinks(lines: SourceLine[], warnings: ImportProblem[]): SourceLine[] {
  const out = [...lines];
  while (out.length > 0) {
    let start = out.length - 1;
    while (start > 0 && !out[start]!.gapBefore) start--;
    const paragraph = out.slice(start).map((l) => l.text).join(" ");
    if (!/:$/.test(paragraph) && !/\b(on|at|via|here|from|under)$/i.test(paragraph)) break;
    warnings.push(problem(out[start]!, `"${clip(paragraph)}" introduces a link or list that is missing; skipped`));
    out.splice(start);
  }
  return out;
}

function paragraphs(lines: SourceLine[]): string {
  return lines.map((l, i) => (i === 0 ? "" : l.gapBefore ? "\n\n" : "\n") + l.text).join("");
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

function buildSessions(fields: Fields[], zone: string, warnings: ImportProblem[], repairs: ImportProblem[]): Array<Session & { room: string }> {
  // Names printed alone elsewhere help split a line where several are glued together.
  const seenIn = new Map<string, Set<number>>();
  fields.forEach((f, i) => {
    for (const part of f.speakerText ? rawSpeakerParts(f.speakerText) : []) {
      if (!seenIn.has(part)) seenIn.set(part, new Set());
      seenIn.get(part)!.add(i);
    }
  });
  const keys = new Set<string>();
  const stamps = new Map<number, string>();
  const stamp = (at: number): string => {
    if (!stamps.has(at)) stamps.set(at, `${localDate(at, zone)}|${formatTime(at, zone).replace(":", "")}`);
    return stamps.get(at)!;
  };
  return fields.map((f, i) => {
    const abstractText = paragraphs(f.abstract);
    const known = {
      has: (name: string) => {
        const where = seenIn.get(name);
        return where !== undefined && (where.size > 1 || !where.has(i));
      },
    };
    let speakers = f.speakerText ? splitSpeakers(f.speakerText, { known, mentions: `${f.title}\n${abstractText}` }) : [];
    speakers = speakers.map((s) => s.slice(0, MAX_NAME_CHARS));
    if (speakers.length > MAX_SPEAKERS) {
      warnings.push(problem(f.draft.timeLine, `${speakers.length} speakers; kept the first ${MAX_SPEAKERS}`));
      speakers = speakers.slice(0, MAX_SPEAKERS);
    }
    let abstract = abstractText;
    if (abstract.length > MAX_ABSTRACT_CHARS) {
      repairs.push(problem(f.draft.timeLine, `abstract cut to ${MAX_ABSTRACT_CHARS} characters`));
      abstract = abstract.slice(0, MAX_ABSTRACT_CHARS);
    }
    const room = f.draft.room ?? DEFAULT_ROOM;
    const [date, hhmm] = stamp(f.draft.start).split("|");
    const base = `${date}-${slugify(room) || "room"}-${hhmm}`;
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    keys.add(key);
    const type: SessionType = inferType(f.title, f.typeText, abstract);
    return {
      key,
      room,
      roomId: "",
      title: f.title,
      untitled: f.title === "",
      type,
      start: f.draft.start,
      end: f.draft.end,
      speakers,
      abstract,
      track: null,
      language: null,
      url: null,
      cancelled: false,
    };
  });
}

function buildEvent(sessions: Array<Session & { room: string }>, preamble: SourceLine[], options: TextImportOptions): EventInput {
  const rooms: Event["rooms"] = [];
  const idOf = new Map<string, string>();
  for (const s of sessions) {
    if (idOf.has(s.room)) continue;
    let id = slugify(s.room) || "room";
    for (let n = 2; rooms.some((r) => r.id === id); n++) id = `${slugify(s.room) || "room"}-${n}`;
    idOf.set(s.room, id);
    rooms.push({ id, name: s.room, order: rooms.length + 1 });
  }
  // A preamble line that is not a date or a place reads as the event's name ("NixCon 2023 Darmstadt").
  const titleLine = preamble.find((l) => l.text.length <= 120 && !/\d{1,2}(st|nd|rd|th)?\b.*\d{4}|^at\b|@/i.test(l.text) && !/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(l.text));
  const title = options.title?.trim() || titleLine?.text || "Imported schedule";
  return {
    id: options.eventId ?? (slugify(title) || "imported"),
    title: title.slice(0, 300),
    timeZone: options.zone,
    rooms,
    sessions: sessions.map(({ room, ...s }) => ({ ...s, roomId: idOf.get(room)! })),
  };
}
