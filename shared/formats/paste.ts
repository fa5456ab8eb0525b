// Pasted schedule text (the layouts of the seed documents) needs the venue's zone: a text
// has no offsets. The parsing itself lives in text.ts; this adds the repairs already made.
import { importText } from "./text.js";
import type { ImportProblem, ImportResult } from "./types.js";

export function importPastedText(text: string, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }, fileName?: string): ImportResult {
  if (!options.zone) {
    const name = fileName ? ` (${fileName})` : "";
    return {
      ok: false,
      format: "text",
      errors: [{ path: "(document)", message: `recognised plain text${name}, not XML, JSON or iCalendar; pasted schedule text needs the venue's time zone (e.g. --zone Europe/Brussels)` }],
    };
  }
  const result = importText(text, { zone: options.zone });
  if (!result.ok) return result;
  return { ...result, report: { ...result.report, repairs: [...repairs, ...result.report.repairs] } };
}
