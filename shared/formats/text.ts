// Pasted schedule text, in the layouts of conference web pages copied as text: a day heading,
// room headings, then per session a time ("09:15 - 09:30", "10:15 AM" or ISO 8601), a title,
// a speakers line and an abstract. The user gives the time zone. Where a line cannot be
// placed, the result names the line and says why. Sessions go through the ScheduleBuilder
// every importer shares: plain text, keys, room ids and the report's whole-schedule checks.
import { isValidZone } from "../time.js";
import { ScheduleBuilder } from "./build.js";
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
  const builder = new ScheduleBuilder(TEXT_FORMAT);
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    builder.repair({ path: "line 1", line: 1, message: "byte order mark removed" });
  }
  const scan = scanText(sourceLines(text), options.zone);
  if (scan.sessions.length === 0 && scan.errors.length === 0) {
    scan.errors.push({ path: "(text)", message: 'no session times found; expected lines such as "09:15 - 09:30", "10:15 AM" or "2026-01-31T15:00:00+01:00", each followed by a title' });
  }
  if (scan.errors.length > 0) return { ok: false, format: TEXT_FORMAT, errors: scan.errors };

  const warnings = scan.warnings;
  const fields = readFields(scan.sessions, warnings);
  for (const w of warnings) builder.warn(w);
  addSessions(builder, fields);
  const result = builder.finish({ id: options.eventId ?? null, title: options.title?.trim() || eventTitle(scan.preamble), timeZone: options.zone });
  if (!result.ok) return result;
  return { ...result, report: { ...result.report, warnings: byLine(result.report.warnings) } };
}

/** Problems in source order, so a report reads top to bottom like the pasted text. */
function byLine(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/** A preamble line that is not a date or a place reads as the event's name ("NixCon 2023 Darmstadt"). */
function eventTitle(preamble: SourceLine[]): string | null {
  const line = preamble.find(
    (l) =>
      l.text.length <= 120 &&
      !/^at\b|@/i.test(l.text) &&
      !/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(l.text) &&
      !/\d{1,2}(st|nd|rd|th)?\b.*\d{4}/.test(l.text),
  );
  return line?.text ?? null;
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

/** Lines back to text: a blank line in the source stays a paragraph break, other breaks stay line breaks. */
function paragraphs(lines: SourceLine[]): string {
  return lines.map((l, i) => (i === 0 ? "" : l.gapBefore ? "\n\n" : "\n") + l.text).join("");
}

/** Splits speakers and types each session, then hands it to the builder located by its time line. */
function addSessions(builder: ScheduleBuilder, fields: Fields[]): void {
  // Names printed alone elsewhere help split a line where several are glued together.
  const seenIn = new Map<string, Set<number>>();
  fields.forEach((f, i) => {
    for (const part of f.speakerText ? rawSpeakerParts(f.speakerText) : []) {
      if (!seenIn.has(part)) seenIn.set(part, new Set());
      seenIn.get(part)!.add(i);
    }
  });
  fields.forEach((f, i) => {
    const abstract = paragraphs(f.abstract);
    const known = {
      has: (name: string) => {
        const where = seenIn.get(name);
        return where !== undefined && (where.size > 1 || !where.has(i));
      },
    };
    const speakers = f.speakerText ? splitSpeakers(f.speakerText, { known, mentions: `${f.title}\n${abstract}` }) : [];
    builder.add({
      identity: {},
      room: f.draft.room,
      title: f.title,
      type: inferType(f.title, f.typeText, abstract),
      start: f.draft.start,
      end: f.draft.end,
      speakers,
      abstract,
      where: { path: `line ${f.draft.timeLine.n}`, line: f.draft.timeLine.n },
    });
  });
}
