// The organizer's timeline of a room and a day: planned vs effective times; cancel, restore,
// move, retime, edit, and add an ad-hoc session. Changes apply at once and are undoable in the Log.
import { useState } from "preact/hooks";
import { SESSION_TYPES, type ChangeInputRaw, type EffectiveSession, type SessionType } from "../../shared/model.js";
import { conferenceDay, conferenceDayStart, formatDay } from "../../shared/time.js";
import { StatusBadges, TimeRange } from "../components/session-card.js";
import { useStores } from "../context.js";
import { conferenceDays, parseSpeakers, roomDaySessions } from "../derive/sessions.js";
import { fromLocalInput, toLocalInput } from "../derive/time-input.js";

export function SessionsPage({ roomId, day }: { roomId: string | null; day: string | null }) {
  const { admin, clock, router } = useStores();
  const state = admin.state.value!;
  const zone = admin.zone.value;
  const room = roomId ?? state.rooms[0]?.id ?? "";
  const days = conferenceDays(state.sessions);
  const today = conferenceDay(clock.coarseHubNow.value, zone, state.event.dayChangeHour);
  const d = day ?? (days.includes(today) ? today : (days[0] ?? today));
  const list = roomDaySessions(state.sessions, room, d);
  return (
    <>
      <h2>Sessions</h2>
      <div class="row filters">
        <label>
          Room{" "}
          <select data-testid="sessions-room" value={room} onChange={(e) => router.go("sessions", e.currentTarget.value, d)}>
            {state.rooms.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </label>
        <label>
          Day{" "}
          <select data-testid="sessions-day" value={d} onChange={(e) => router.go("sessions", room, e.currentTarget.value)}>
            {days.map((x) => (
              <option key={x} value={x}>{formatDay(conferenceDayStart(x, zone, state.event.dayChangeHour), zone)}</option>
            ))}
          </select>
        </label>
      </div>
      <ol class="timeline">
        {list.map((s) => (
          <SessionRow key={`${s.key}:${s.status}`} session={s} zone={zone} />
        ))}
        {list.length === 0 && <li class="muted">No sessions in this room on this day.</li>}
      </ol>
      <AddSession roomId={room} defaultStart={conferenceDayStart(d, zone, 9)} />
    </>
  );
}

function SessionRow({ session, zone }: { session: EffectiveSession; zone: string }) {
  const { commands, feedback, admin } = useStores();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(session.title);
  const [speakers, setSpeakers] = useState(session.speakers.join(", "));
  const [start, setStart] = useState(toLocalInput(session.start, zone));
  const [end, setEnd] = useState(toLocalInput(session.end, zone));
  const [moveTo, setMoveTo] = useState("");
  const send = (change: ChangeInputRaw, ok: string) => void commands.apply(change).then((r) => feedback.report(r, ok));
  const key = session.key;
  const movedOut = session.status === "moved-out";
  return (
    <li class={`timeline-row status-${session.status}`} data-testid="session-row" data-key={key}>
      <button type="button" class="row-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <TimeRange session={session} zone={zone} /> <StatusBadges session={session} />
        <span class="session-title">{session.displayTitle}</span>
        {session.speakers.length > 0 && <span class="session-speakers">{session.speakers.join(", ")}</span>}
        {!movedOut && <span class="row-hint" aria-hidden="true">{open ? "Close ▴" : "Edit ▾"}</span>}
      </button>
      {open && !movedOut && (
        <div class="editor">
          <div class="row">
            {session.status === "cancelled" ? (
              <button type="button" class="action" onClick={() => send({ kind: "restore", sessionKey: key }, "Restored")}>Restore</button>
            ) : (
              <button type="button" class="action danger" onClick={() => send({ kind: "cancel", sessionKey: key }, "Cancelled")}>Cancel session</button>
            )}
          </div>
          <div class="row">
            <select aria-label="Move to room" value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
              <option value="">Move to…</option>
              {admin.state.value!.rooms.filter((r) => r.id !== session.roomId).map((r) => (
                <option key={r.id} value={r.id}>{r.name}</option>
              ))}
            </select>
            <button type="button" class="action" disabled={moveTo === ""}
              onClick={() => send({ kind: "move", sessionKey: key, roomId: moveTo }, "Moved")}>Move</button>
          </div>
          <div class="row">
            <label>Start <input type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} /></label>
            <label>End <input type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} /></label>
            <button type="button" class="action" onClick={() => {
              const s = fromLocalInput(start, zone);
              const e = fromLocalInput(end, zone);
              if (s === null || e === null || e < s) feedback.show("error", "Give a start and an end after it.");
              else send({ kind: "retime", sessionKey: key, start: s, end: e }, "Retimed");
            }}>Retime</button>
          </div>
          <div class="row">
            <label class="grow">Title <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
            <label class="grow">Speakers <input value={speakers} onInput={(e) => setSpeakers(e.currentTarget.value)} /></label>
            <button type="button" class="action" disabled={title.trim() === ""}
              onClick={() => send({ kind: "edit", sessionKey: key, fields: { title: title.trim(), speakers: parseSpeakers(speakers) } }, "Saved")}>
              Save
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function AddSession({ roomId, defaultStart }: { roomId: string; defaultStart: number }) {
  const { commands, feedback, admin } = useStores();
  const zone = admin.zone.value;
  const [title, setTitle] = useState("");
  const [speakers, setSpeakers] = useState("");
  const [type, setType] = useState<SessionType>("talk");
  const [start, setStart] = useState(toLocalInput(defaultStart, zone));
  const [end, setEnd] = useState(toLocalInput(defaultStart + 30 * 60_000, zone));
  return (
    <form class="card add-session" onSubmit={(e) => {
      e.preventDefault();
      const s = fromLocalInput(start, zone);
      const en = fromLocalInput(end, zone);
      if (s === null || en === null || en <= s) return feedback.show("error", "Give a start and an end after it.");
      void commands
        .apply({ kind: "add", session: { roomId, title: title.trim(), type, start: s, end: en, speakers: parseSpeakers(speakers) } })
        .then((r) => feedback.report(r, "Session added") && setTitle(""));
    }}>
      <h3>Add an ad-hoc session</h3>
      <label>Title <input name="title" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
      <label>Speakers <input value={speakers} onInput={(e) => setSpeakers(e.currentTarget.value)} /></label>
      <label>Type{" "}
        <select value={type} onChange={(e) => setType(e.currentTarget.value as SessionType)}>
          {SESSION_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <div class="row">
        <label>Start <input type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} /></label>
        <label>End <input type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} /></label>
      </div>
      <button type="submit" class="action primary">Add session</button>
    </form>
  );
}
