// What every importer returns: an event and a report, or a list of precise errors.
import type { Event } from "../model.js";

/** One problem found in a source file, located as precisely as the format allows. */
export interface ImportProblem {
  /** Where: a JSON path ("sessions.3.start"), an XML path, or "line 42". */
  path: string;
  /** 1-based source line, when known. */
  line?: number;
  /** The session it concerns, when known. */
  sessionKey?: string;
  message: string;
}

export interface ImportReport {
  /** Detected format, e.g. "roomcast", "frab-xml", "c3voc-json", "ical". */
  format: string;
  days: number;
  rooms: number;
  sessions: number;
  /** Things that imported but deserve a look (overlaps, duplicate ids, 0-length sessions …). */
  warnings: ImportProblem[];
  /** Repairs made to broken input (BOM removed, control characters stripped …). */
  repairs: ImportProblem[];
}

export type ImportResult =
  | { ok: true; event: Event; report: ImportReport }
  | { ok: false; format: string | null; errors: ImportProblem[] };
