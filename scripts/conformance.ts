// npm run conformance -- DIR [--zone Europe/Berlin]
// Imports every file in DIR and prints one line per file: format detected, days, rooms,
// sessions, warnings, errors, milliseconds. Exits non-zero when a file could not be read.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importSchedule } from "../shared/formats/index.js";

export interface ConformanceLine {
  file: string;
  format: string;
  ok: boolean;
  days: number;
  rooms: number;
  sessions: number;
  warnings: number;
  errors: number;
  ms: number;
  firstError: string | null;
}

/** Files that document the samples rather than being schedules. */
const NOT_SCHEDULES = /\.(md|txt\.md|license|sha256)$|^README|^SOURCES/i;

export function conformance(dir: string, zone?: string): ConformanceLine[] {
  const files = readdirSync(dir)
    .filter((f) => !NOT_SCHEDULES.test(f) && statSync(join(dir, f)).isFile())
    .sort();
  return files.map((file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const t0 = performance.now();
    const result = importSchedule({ text, fileName: file, ...(zone ? { zone } : {}) });
    const ms = performance.now() - t0;
    if (result.ok) {
      const r = result.report;
      return { file, format: r.format, ok: true, days: r.days, rooms: r.rooms, sessions: r.sessions, warnings: r.warnings.length, errors: 0, ms, firstError: null };
    }
    const e = result.errors[0];
    return { file, format: result.format ?? "?", ok: false, days: 0, rooms: 0, sessions: 0, warnings: 0, errors: result.errors.length, ms, firstError: e ? `${e.path}: ${e.message}` : null };
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const zoneAt = args.indexOf("--zone");
  const zone = zoneAt >= 0 ? args[zoneAt + 1] : undefined;
  const dir = args.find((a, i) => !a.startsWith("--") && (zoneAt < 0 || i !== zoneAt + 1));
  if (!dir) {
    console.error("usage: npm run conformance -- DIR [--zone Europe/Berlin]");
    process.exit(2);
  }
  const lines = conformance(dir, zone);
  const width = Math.max(...lines.map((l) => l.file.length), 4);
  console.log(`${"file".padEnd(width)}  ${"format".padEnd(17)} ${"days".padStart(4)} ${"rooms".padStart(5)} ${"sessions".padStart(8)} ${"warn".padStart(5)} ${"err".padStart(3)} ${"ms".padStart(7)}`);
  for (const l of lines) {
    console.log(
      `${l.file.padEnd(width)}  ${l.format.padEnd(17)} ${String(l.days).padStart(4)} ${String(l.rooms).padStart(5)} ${String(l.sessions).padStart(8)} ${String(l.warnings).padStart(5)} ${String(l.errors).padStart(3)} ${l.ms.toFixed(1).padStart(7)}` +
        (l.firstError ? `\n${" ".repeat(width + 2)}refused: ${l.firstError}` : ""),
    );
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) main();
