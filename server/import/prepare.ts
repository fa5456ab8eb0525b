// What an import needs before it is applied, given the parsed event and the schedule it would
// replace: room ids kept across imports, and the diff against the current schedule. Runs in the
// import worker next to the parse (re-importing the largest sample diffs in 11–23 ms, a stall
// the hub's event loop need not take), and on the main thread when the schedule changed while
// the worker was busy.
import type { Change, Event } from "../../shared/model.js";
import { reconcileRooms, type RoomRename } from "../../shared/formats/reconcile.js";
import { diffImport, type ImportDiff } from "./diff.js";

export interface PreparedImport {
  /** The parsed event with the current schedule's room ids kept. */
  event: Event;
  renamed: RoomRename[];
  diff: ImportDiff;
}

/** `current` is null on a hub that holds no schedule yet. */
export function prepareImport(current: { event: Event; changes: readonly Change[] } | null, parsed: Event): PreparedImport {
  const { event, renamed } = reconcileRooms(current?.event ?? null, parsed);
  return { event, renamed, diff: diffImport(current, event, renamed) };
}
