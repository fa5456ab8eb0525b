// Every change with author and time, newest first, filterable by room; undo any change.
import { useState } from "preact/hooks";
import { formatTime } from "../../shared/time.js";
import { useStores } from "../context.js";
import { conflicts, describeChange, filterLog, undoneIds } from "../derive/log.js";

/** Rows rendered at once; the hub keeps at most MAX_ADMIN_LOG_ENTRIES anyway. */
export const MAX_LOG_ROWS = 200;

export function LogPage() {
  const { admin, commands, feedback } = useStores();
  const state = admin.state.value!;
  const zone = admin.zone.value;
  const [roomId, setRoomId] = useState("");
  const ctx = { rooms: state.rooms, sessions: state.sessions, zone };
  const undone = undoneIds(state.changes);
  const clashes = conflicts(state.changes);
  // Volunteers may undo their own changes; the hub checks again.
  const organizer = admin.isOrganizer.value;
  const role = admin.role.value;
  const rows = filterLog(state.changes, state.sessions, roomId || null).slice(0, MAX_LOG_ROWS);
  return (
    <>
      <h2>Log</h2>
      <label>
        Room{" "}
        <select data-testid="log-room" value={roomId} onChange={(e) => setRoomId(e.currentTarget.value)}>
          <option value="">All rooms</option>
          {state.rooms.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
      </label>
      <ol class="list log">
        {rows.length === 0 && <li class="muted">No changes yet.</li>}
        {rows.map((c) => {
          const clash = clashes.get(c.id);
          const isUndone = undone.has(c.id);
          const orphan = state.orphaned.find((o) => o.changeId === c.id);
          return (
            <li key={c.id} class={isUndone ? "list-item undone" : "list-item"} data-testid="log-entry" data-kind={c.kind}>
              <p class="log-text">{describeChange(c, ctx, state.changes)}</p>
              <p class="muted">
                {`${formatTime(c.at, zone)} · ${c.author}${isUndone ? " · undone" : ""}`}
              </p>
              {clash && <p class="badge badge-warn">{`Conflict: ${clash.author} changed this session ${Math.round((c.realAt - clash.realAt) / 1000)} s earlier`}</p>}
              {orphan && <p class="badge badge-bad">{`No longer applies: ${orphan.reason}`}</p>}
              {!isUndone && c.kind !== "undo" && (organizer || c.author === role?.name) && (
                <button type="button" class="action secondary" data-testid="log-undo"
                  onClick={() => void commands.apply({ kind: "undo", changeId: c.id }).then((r) => feedback.report(r, "Undone"))}>
                  Undo
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
