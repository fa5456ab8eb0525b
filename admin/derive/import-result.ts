// Reads the hub's answer to POST /api/import[?dryRun=1] leniently: the report, the diff against
// the current schedule, the changes that no longer apply, or the errors. Unknown fields are ignored.
import { z } from "zod";

const Problem = z.object({ path: z.string().optional(), line: z.number().optional(), message: z.string() });
const Listed = z.array(z.union([z.string(), z.object({ key: z.string().optional(), title: z.string().optional(), displayTitle: z.string().optional() }).passthrough()]));

export const ImportAnswerSchema = z.object({
  ok: z.boolean().optional(),
  message: z.string().optional(),
  report: z
    .object({
      format: z.string().optional(),
      days: z.number().optional(),
      rooms: z.number().optional(),
      sessions: z.number().optional(),
      warnings: z.array(Problem).optional(),
      repairs: z.array(Problem).optional(),
    })
    .optional(),
  diff: z
    .object({
      unchanged: z.boolean().optional(),
      added: Listed.optional(),
      removed: Listed.optional(),
      retimed: Listed.optional(),
      moved: Listed.optional(),
      edited: Listed.optional(),
      affectedRoomIds: z.array(z.string()).optional(),
      orphanedChanges: z.array(z.object({ changeId: z.string(), reason: z.string() }).passthrough()).optional(),
    })
    .optional(),
  orphaned: z.array(z.object({ changeId: z.string(), reason: z.string() })).optional(),
  errors: z.array(Problem).optional(),
});
export type ImportAnswer = z.infer<typeof ImportAnswerSchema>;

/** Lines to show for an import answer: counts, diff sizes with examples, warnings, errors. */
export function importSummary(answer: ImportAnswer): string[] {
  const lines: string[] = [];
  const r = answer.report;
  if (r) lines.push(`${r.format ?? "schedule"}: ${r.days ?? "?"} days, ${r.rooms ?? "?"} rooms, ${r.sessions ?? "?"} sessions`);
  const d = answer.diff;
  if (d) {
    if (d.unchanged) lines.push("Nothing on the screens would change");
    for (const kind of ["added", "removed", "retimed", "moved", "edited"] as const) {
      const list = d[kind] ?? [];
      if (list.length === 0) continue;
      const names = list.slice(0, 3).map((x) => (typeof x === "string" ? x : (x.displayTitle ?? x.title ?? x.key ?? "?")));
      lines.push(`${list.length} ${kind}: ${names.join("; ")}${list.length > 3 ? "; …" : ""}`);
    }
    if (d.affectedRoomIds?.length) lines.push(`Screens of ${d.affectedRoomIds.length} room(s) will change`);
  }
  const orphaned = [...(answer.orphaned ?? []), ...(d?.orphanedChanges ?? [])];
  if (orphaned.length) lines.push(`${orphaned.length} change(s) will no longer apply: ${orphaned.map((o) => o.reason).slice(0, 3).join("; ")}`);
  else if (d) lines.push("Every change made so far still applies");
  for (const w of r?.warnings ?? []) lines.push(`Warning: ${w.path ? `${w.path}: ` : ""}${w.message}`);
  for (const e of answer.errors ?? []) lines.push(`Error: ${e.path ? `${e.path}: ` : ""}${e.message}`);
  if (lines.length === 0 && answer.message) lines.push(answer.message);
  return lines;
}
