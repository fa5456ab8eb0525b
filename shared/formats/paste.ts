// Pasted schedule text (the layouts of the seed documents) needs the venue's zone: a text
// has no offsets. The parsing itself lives in text.ts.
import type { ImportProblem, ImportResult } from "./types.js";

export function importPastedText(text: string, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }, fileName?: string): ImportResult {
  void text;
  void repairs;
  const name = fileName ? ` ${fileName}` : "";
  if (!options.zone) {
    return {
      ok: false,
      format: "text",
      errors: [{ path: "(document)", message: `recognised plain text${name}, not XML, JSON or iCalendar; pasted schedule text needs the venue's time zone (e.g. --zone Europe/Brussels)` }],
    };
  }
  return { ok: false, format: "text", errors: [{ path: "(document)", message: `recognised plain text${name}; the pasted-text importer is not available` }] };
}
