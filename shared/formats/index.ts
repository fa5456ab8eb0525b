// importSchedule: one entry for every schedule a conference already has. The format is
// detected by content, never by file name; broken input is repaired where that is safe (each
// repair reported); anything else is refused with what was recognised and what was missing.
// Pure and total: no I/O, no clock, never throws.
import { importC3vocJson, looksLikeC3vocJson } from "./c3voc-json.js";
import { importFrabEvents, looksLikeFrabEvents } from "./frab-events.js";
import { importFrabXml } from "./frab-xml.js";
import { importIcal, looksLikeIcal } from "./ical.js";
import { isObject, type Json, obj } from "./json-util.js";
import { importPretalxWidget, looksLikePretalxWidget } from "./pretalx-widget.js";
import { fromRoomcastJson, looksLikeRoomcast } from "./roomcast.js";
import { importSchedule2, looksLikeSchedule2 } from "./schedule2.js";
import { importSessionize, looksLikeSessionize } from "./sessionize.js";
import { importPastedText } from "./paste.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { importXcal, isXcalRoot } from "./xcal.js";
import { parseXml } from "./xml.js";
import { validateC3vocShape } from "./c3voc-shape.js";

export type { ImportProblem, ImportReport, ImportResult } from "./types.js";

/** What `importSchedule` reads. */
export interface ImportInput {
  text: string;
  /** Only for messages; the format is detected by content. */
  fileName?: string;
  /** IANA zone of the venue; wins over the file's own (and is required for pasted text). */
  zone?: string;
  /** Day-change hour when the file has none (README §1.6.3); default 4. */
  defaultDayChangeHour?: number;
}

/** Larger input is refused before any parsing: 40 MB of text (FOSDEM's XML is under 3 MB). */
export const MAX_IMPORT_CHARS = 40_000_000;

export function importSchedule(input: ImportInput): ImportResult {
  try {
    return detectAndImport(input);
  } catch (e) {
    // A bug in an importer must not take the hub down: it becomes a precise refusal.
    return { ok: false, format: null, errors: [{ path: "(importer)", message: `internal error while importing: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function refuse(message: string, format: string | null = null, path = "(document)", line?: number): ImportResult {
  return { ok: false, format, errors: [{ path, ...(line !== undefined ? { line } : {}), message }] };
}

function detectAndImport(input: ImportInput): ImportResult {
  if (typeof input?.text !== "string") return refuse("no text given");
  if (input.text.length > MAX_IMPORT_CHARS) return refuse(`the file has ${input.text.length} characters; at most ${MAX_IMPORT_CHARS} are accepted`);
  const repairs: ImportProblem[] = [];
  let text = input.text;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    repairs.push({ path: "line 1", line: 1, message: "removed a byte-order mark (BOM) at the start of the file" });
  }
  const crlf = text.includes("\r") ? (text.match(/\r\n?/g)?.length ?? 0) : 0;
  if (crlf > 0) {
    text = text.replace(/\r\n?/g, "\n");
    repairs.push({ path: "(document)", message: `normalised ${crlf} CR/CRLF line ending(s) to LF` });
  }
  const options = {
    ...(input.zone !== undefined && input.zone.trim() !== "" ? { zone: input.zone.trim() } : {}),
    ...(input.defaultDayChangeHour !== undefined ? { defaultDayChangeHour: input.defaultDayChangeHour } : {}),
  };
  const head = text.trimStart().slice(0, 200);
  if (head.length === 0) return refuse("the file is empty");
  if (/[\u0000-\u0008]/.test(text.slice(0, 2000)) && !head.startsWith("<")) return refuse("the file is binary, not text (a schedule is XML, JSON, iCalendar or text)");

  if (head.startsWith("<")) return importXmlText(text, repairs, options);
  if (head.startsWith("{") || head.startsWith("[")) return importJsonText(text, repairs, options);
  if (looksLikeIcal(text)) return importIcal(text, repairs, options);
  return importPastedText(text, repairs, options, input.fileName);
}

function importXmlText(text: string, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, format: "xml", errors: parsed.errors };
  const all = [...repairs, ...parsed.repairs];
  const root = parsed.root;
  if (root.name === "schedule") {
    const result = importFrabXml(root, all, options);
    return result.ok || result.format !== null ? result : { ...result, format: "xml" };
  }
  if (isXcalRoot(root)) return importXcal(root, all, options);
  return refuse(`recognised XML with a <${root.name}> root, which is not a schedule: expected <schedule> (frab/Pentabarf) or <iCalendar> (xCal)`, "xml", root.name, root.line);
}

function jsonError(e: unknown, text: string): ImportProblem {
  const message = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const line = text.slice(0, Number(pos[1])).split("\n").length;
    return { path: `line ${line}`, line, message: `JSON is not well-formed: ${message}` };
  }
  return { path: "(document)", message: `JSON is not well-formed: ${message}` };
}

function importJsonText(text: string, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (e) {
    return { ok: false, format: "json", errors: [jsonError(e, text)] };
  }
  if (looksLikeRoomcast(json)) return withRepairs(fromRoomcastJson(json), repairs);
  if (looksLikeSchedule2(json)) return importSchedule2(json, repairs, options);
  if (looksLikeC3vocJson(json)) {
    const shape = validateC3vocShape(json);
    if (shape.length > 0) return { ok: false, format: "c3voc-json", errors: shape };
    return importC3vocJson(json, repairs, options);
  }
  if (looksLikeFrabEvents(json)) return importFrabEvents(json, repairs, options);
  if (looksLikePretalxWidget(json)) return importPretalxWidget(json, repairs, options);
  if (looksLikeSessionize(json)) return importSessionize(json, repairs, options);
  return refuse(describeJson(json), "json", "(root)");
}

/** What a JSON document that is no schedule looked like, and what was missing. */
function describeJson(json: Json): string {
  if (!isObject(json)) return `recognised JSON (${Array.isArray(json) ? "an array" : typeof json}), but a schedule is an object`;
  const keys = Object.keys(json).slice(0, 8);
  const schedule = obj(json.schedule);
  if (isObject(json.schedule)) {
    return `recognised JSON with a "schedule" object (keys: ${Object.keys(schedule).slice(0, 8).join(", ") || "none"}), but neither "schedule.conference.days" (c3voc schedule.json) nor "schedule.events" (schedule2) was found`;
  }
  return `recognised JSON with keys ${keys.map((k) => `"${k}"`).join(", ") || "(none)"}, but no known schedule shape: expected "schedule.conference.days" (c3voc/frab/pretalx), "schedule.events" (schedule2), "conference_events.events" (frab events.json), "talks"+"rooms" (pretalx widget), "sessions"+"rooms" with "startsAt" (Sessionize) or "format": "roomcast"`;
}

function withRepairs(result: ImportResult, repairs: ImportProblem[]): ImportResult {
  return result.ok ? { ...result, report: { ...result.report, repairs: [...repairs, ...result.report.repairs] } } : result;
}
