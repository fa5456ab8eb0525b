// npm run import -- FILE [--zone Europe/Brussels] [--dry-run] [--data DIR]
// Imports a schedule file, prints the import report and the diff against the hub's current
// schedule, and (without --dry-run) stores it in the hub's data directory in one transaction.
// A running hub picks the new schedule up at its next start; use the admin page or
// POST /api/import to replace the schedule of a running hub.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { importSchedule } from "../shared/formats/index.js";
import type { ImportProblem } from "../shared/formats/types.js";
import { runImport } from "../server/import/apply.js";
import type { ImportDiff } from "../server/import/diff.js";
import { openStore } from "../server/store.js";

const USAGE = "usage: npm run import -- FILE [--zone Europe/Brussels] [--dry-run] [--data DIR]";

interface Args {
  file: string;
  zone?: string;
  dryRun: boolean;
  dataDir: string;
}

function parseArgs(argv: string[]): Args | null {
  const args: Partial<Args> & { dryRun: boolean } = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--dry-run") args.dryRun = true;
    else if (a === "--zone") args.zone = argv[++i];
    else if (a === "--data") args.dataDir = argv[++i];
    else if (a.startsWith("--")) return null;
    else args.file = a;
  }
  if (!args.file) return null;
  return { file: args.file, dryRun: args.dryRun, dataDir: args.dataDir ?? process.env.ROOMCAST_DATA ?? "var", ...(args.zone ? { zone: args.zone } : {}) };
}

function problemLine(p: ImportProblem): string {
  return `  ${p.line !== undefined && !p.path.startsWith("line") ? `${p.path} (line ${p.line})` : p.path}: ${p.message}`;
}

function diffLines(diff: ImportDiff): string[] {
  if (diff.unchanged) return ["diff: nothing changes on any screen"];
  const lines = [
    `diff: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.retimed.length} retimed, ${diff.moved.length} moved, ${diff.edited.length} edited sessions`,
    `      rooms: ${diff.roomsAdded.length} added, ${diff.roomsRemoved.length} removed, ${diff.roomsRenamed.length} renamed; screens change in ${diff.affectedRoomIds.length} room(s)`,
  ];
  for (const o of diff.orphanedChanges) lines.push(`      change ${o.changeId} (${o.kind}) no longer applies: ${o.reason}`);
  return lines;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const path = resolve(args.file);
  const text = readFileSync(path, "utf8");
  const input = { text, fileName: args.file, ...(args.zone ? { zone: args.zone } : {}) };
  const store = args.dryRun && !process.argv.includes("--data") ? null : openStore(args.dataDir);
  try {
    const outcome = await runImport(
      {
        getEvent: () => store?.getEvent()?.event ?? null,
        getChanges: () => store?.listChanges().map((c) => c.change) ?? [],
        replaceEvent: async (event, source, report) => ({ version: store!.replaceEvent(event, `${source.kind}:${source.name}`, report) }),
        parse: async (i) => importSchedule(i),
      },
      input,
      { kind: "file", name: path },
      { dryRun: args.dryRun, skipUnchanged: true },
    );
    if (!outcome.ok) {
      console.error(`${args.file}: refused (${outcome.format ?? "unrecognised"})`);
      for (const e of outcome.errors) console.error(problemLine(e));
      return 1;
    }
    const { report, event } = outcome;
    console.log(`${args.file}: ${report.format}, "${event.title}" in ${event.timeZone}`);
    console.log(`  ${report.days} days, ${report.rooms} rooms, ${report.sessions} sessions`);
    console.log(`repairs (${report.repairs.length}):`);
    for (const r of report.repairs) console.log(problemLine(r));
    console.log(`warnings (${report.warnings.length}):`);
    for (const w of report.warnings) console.log(problemLine(w));
    for (const line of diffLines(outcome.diff)) console.log(line);
    console.log(outcome.applied ? `stored in ${resolve(args.dataDir)} as version ${outcome.version}` : args.dryRun ? "dry run: nothing stored" : "unchanged: nothing stored");
    return 0;
  } finally {
    store?.close();
  }
}

process.exitCode = await main();
