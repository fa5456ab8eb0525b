// One import, start to finish, shared by the HTTP route and the URL feed: parse off the main
// thread, keep room ids, diff against the current schedule, then (unless a dry run, or
// nothing changed) replace the event in one transaction.
import type { Change, Event } from "../../shared/model.js";
import type { ImportInput } from "../../shared/formats/index.js";
import { reconcileRooms } from "../../shared/formats/reconcile.js";
import type { ImportProblem, ImportReport, ImportResult } from "../../shared/formats/types.js";
import { diffImport, type ImportDiff } from "./diff.js";
import { importInWorker } from "./worker.js";

export type ImportSourceKind = "file" | "url" | "text";

export interface ImportDeps {
  getEvent(): Event | null;
  getChanges(): Change[];
  /** Replaces the imported event in one transaction; resolves after the commit. */
  replaceEvent(event: Event, source: { kind: ImportSourceKind; name: string }, report: ImportReport): Promise<{ version: number }>;
  /** The parser; the worker by default, the importer itself in tests that need no thread. */
  parse?: (input: ImportInput) => Promise<ImportResult>;
}

export type ImportOutcome =
  | { ok: true; applied: boolean; version: number | null; report: ImportReport; diff: ImportDiff; event: Event }
  | { ok: false; format: string | null; errors: ImportProblem[] };

export async function runImport(
  deps: ImportDeps,
  input: ImportInput,
  source: { kind: ImportSourceKind; name: string },
  options: { dryRun: boolean; skipUnchanged?: boolean },
): Promise<ImportOutcome> {
  const parsed = await (deps.parse ?? importInWorker)(input);
  if (!parsed.ok) return parsed;
  // Read the current schedule after parsing: it may have changed meanwhile.
  const current = deps.getEvent();
  const { event, renamed } = reconcileRooms(current, parsed.event);
  const diff = diffImport(current ? { event: current, changes: deps.getChanges() } : null, event, renamed);
  if (options.dryRun || (options.skipUnchanged && diff.unchanged)) {
    return { ok: true, applied: false, version: null, report: parsed.report, diff, event };
  }
  const { version } = await deps.replaceEvent(event, source, parsed.report);
  return { ok: true, applied: true, version, report: parsed.report, diff, event };
}
