// A schedule file given at start (`--schedule FILE`): read, detect, validate. A file that does
// not validate stops the hub with a message naming the file, the field and what was expected.
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Event } from "../shared/model.js";
import type { ImportProblem, ImportReport } from "../shared/formats/types.js";

/** At most this many problems are printed; the rest are counted. */
export const MAX_PRINTED_PROBLEMS = 20;

export class ScheduleFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ImportProblem[],
    readonly format: string | null = null,
  ) {
    super(formatScheduleFileError(file, problems, format));
    this.name = "ScheduleFileError";
  }
}

/** "the schedule file X does not validate (format):\n  path (line n): message …" */
export function formatScheduleFileError(file: string, problems: ImportProblem[], format: string | null = null): string {
  const lines = problems.slice(0, MAX_PRINTED_PROBLEMS).map((p) => {
    const where = p.line !== undefined && !p.path.startsWith("line ") ? `${p.path} (line ${p.line})` : p.path;
    return `  ${where}: ${p.message}`;
  });
  if (problems.length > MAX_PRINTED_PROBLEMS) lines.push(`  … and ${problems.length - MAX_PRINTED_PROBLEMS} more`);
  const as = format ? ` as ${format}` : "";
  return `the schedule file ${file} does not validate${as}:\n${lines.join("\n")}`;
}

/** Reads and imports a schedule file; throws ScheduleFileError naming every problem. */
export async function importScheduleFile(path: string, zone?: string): Promise<{ event: Event; report: ImportReport; source: string }> {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ScheduleFileError(file, [{ path: "(file)", message: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }]);
  }
  // Loaded on demand: the importers (XML parser included) are only needed when a file is given.
  const { importSchedule } = await import("../shared/formats/index.js");
  const result = importSchedule({ text, fileName: basename(file), ...(zone ? { zone } : {}) });
  if (!result.ok) throw new ScheduleFileError(file, result.errors, result.format);
  return { event: result.event, report: result.report, source: `file:${file}` };
}
