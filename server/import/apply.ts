// One import, start to finish, shared by the HTTP route and the URL feed: parse, keep room ids
// and diff against the current schedule off the main thread, then (unless a dry run, or
// nothing changed) replace the event in one transaction.
import type { Change, Event } from "../../shared/model.js";
import type { ImportInput } from "../../shared/formats/index.js";
import type { ImportProblem, ImportReport, ImportResult } from "../../shared/formats/types.js";
import type { ImportDiff } from "./diff.js";
import { type PreparedImport, prepareImport } from "./prepare.js";
import { importAndPrepareInWorker } from "./worker.js";

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
  const sentEvent = deps.getEvent();
  const sentChanges = deps.getChanges();
  let parsed: ImportResult;
  let prepared: PreparedImport | null = null;
  if (deps.parse) parsed = await deps.parse(input);
  else ({ result: parsed, prepared } = await importAndPrepareInWorker(input, sentEvent ? { event: sentEvent, changes: sentChanges } : null));
  if (!parsed.ok) return parsed;
  // The schedule may have changed while the worker was busy: then prepare against it here.
  const current = deps.getEvent();
  const changes = deps.getChanges();
  const same = current === sentEvent && changes.length === sentChanges.length && changes.every((c, i) => c === sentChanges[i]);
  if (!prepared || !same) prepared = prepareImport(current ? { event: current, changes } : null, parsed.event);
  const { event, diff } = prepared;
  if (options.dryRun || (options.skipUnchanged && diff.unchanged)) {
    return { ok: true, applied: false, version: null, report: parsed.report, diff, event };
  }
  const { version } = await deps.replaceEvent(event, source, parsed.report);
  return { ok: true, applied: true, version, report: parsed.report, diff, event };
}
