// The volunteer's page: this room's current and next sessions large, and one-thumb buttons in
// the bottom half. Schedule changes are previewed and confirmed (see stores/room-panel.ts);
// "Room full" applies at once; both undo with one tap for a minute.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ChangeInputRaw, EffectiveSession } from "../../shared/model.js";
import { SessionCard } from "../components/session-card.js";
import { useStores } from "../context.js";
import { actionTarget, type RoomLine } from "../derive/overview.js";
import { previewLines } from "../derive/preview-text.js";
import { routeHref } from "../derive/route.js";
import { roomStateText } from "../derive/state-text.js";
import { parseMinutes } from "../derive/time-input.js";
import { formatTime } from "../../shared/time.js";
import { sessionKeyOf } from "../../shared/timeline.js";

const LATE_STEPS = [5, 10, 15] as const;

export function RoomPage({ roomId }: { roomId: string | null }) {
  const { admin, onAir, roomPanel } = useStores();
  useEffect(() => () => roomPanel.leaveRoom(), [roomId]);
  if (roomId === null) return <RoomPicker />;
  const line = onAir.byRoom.value.get(roomId);
  if (!line) {
    return (
      <>
        <p class="feedback feedback-error">{`There is no room “${roomId}”.`}</p>
        <RoomPicker />
      </>
    );
  }
  const zone = admin.zone.value;
  const mayAct = admin.actionableRoomIds.value.has(roomId);
  return (
    <div class="room-page">
      <h2 class="room-title">
        {line.room.name}
        {line.now.roomStatus !== "open" && <span class="badge badge-bad">{line.now.roomStatus === "full" ? "Full" : "Closed"}</span>}
        <span class="muted state-text">{roomStateText(line.now, zone)}</span>
      </h2>
      <SessionCard heading="Now" session={line.now.current} zone={zone} empty="Nothing on right now" testId="current-session" large>
        {mayAct && admin.isOrganizer.value && line.now.current && <CancelButton session={line.now.current} roomId={roomId} />}
      </SessionCard>
      <SessionCard heading="Next" session={line.now.next} zone={zone} empty="Nothing more today" testId="next-session">
        {mayAct && admin.isOrganizer.value && line.now.next && <CancelButton session={line.now.next} roomId={roomId} />}
      </SessionCard>
      {line.now.skipped && (
        <SessionCard heading={line.now.skipped.status === "cancelled" ? "Cancelled" : "Moved out"} session={line.now.skipped} zone={zone} empty="">
          {mayAct && admin.isOrganizer.value && <CancelButton session={line.now.skipped} roomId={roomId} />}
        </SessionCard>
      )}
      {mayAct ? (
        <ThumbZone line={line} />
      ) : (
        <p class="feedback feedback-error" data-testid="not-yours">
          {`This sign-in cannot change ${line.room.name}.`}
        </p>
      )}
    </div>
  );
}

function RoomPicker() {
  const { admin } = useStores();
  const state = admin.state.value!;
  const mine = admin.actionableRoomIds.value;
  return (
    <>
      <h2>Pick a room</h2>
      <ul class="room-picker">
        {state.rooms
          .filter((r) => mine.has(r.id))
          .map((r) => (
            <li key={r.id}>
              <a class="big-link" href={routeHref("room", r.id)} data-testid="room-link" data-room={r.id}>
                {r.name}
              </a>
            </li>
          ))}
      </ul>
    </>
  );
}

function CancelButton({ session, roomId }: { session: EffectiveSession; roomId: string }) {
  const { roomPanel } = useStores();
  if (session.status === "moved-out") return null; // undo the move in the Log instead
  const cancelled = session.status === "cancelled";
  const kind = cancelled ? "restore" : "cancel";
  return (
    <button
      type="button"
      class="secondary"
      data-testid={`${kind}-session`}
      onClick={() => roomPanel.propose(roomId, { kind, sessionKey: sessionKeyOf(session.key) }, `${cancelled ? "Restore" : "Cancel"}: ${session.displayTitle}`)}
    >
      {cancelled ? "Restore" : "Cancel…"}
    </button>
  );
}

function ThumbZone({ line }: { line: RoomLine }) {
  const { roomPanel, admin } = useStores();
  const [custom, setCustom] = useState("");
  const roomId = line.room.id;
  const zone = admin.zone.value;
  const started = actionTarget(line.now, "started");
  const ended = actionTarget(line.now, "ended");
  const late = actionTarget(line.now, "late");
  const busy = roomPanel.busy.value;
  const propose = (target: EffectiveSession | null, change: (key: string) => ChangeInputRaw, verb: string) => {
    if (target) roomPanel.propose(roomId, change(sessionKeyOf(target.key)), `${verb}: ${target.displayTitle}`);
  };
  const customMinutes = parseMinutes(custom);
  const full = line.now.roomStatus === "full";
  return (
    <>
      <section class="thumb-zone" aria-label="Actions">
        <Preview roomId={roomId} />
        <UndoBar roomId={roomId} />
        <PanelMessage />
        {late && <p class="muted target-line">{`Late buttons act on ${formatTime(late.plannedStart, zone)} ${late.displayTitle}`}</p>}
        <div class="button-grid">
          <button type="button" class="action" data-testid="started" disabled={!started || busy}
            onClick={() => propose(started, (sessionKey) => ({ kind: "started", sessionKey }), "Started now")}>
            Started now
          </button>
          <button type="button" class="action" data-testid="ended" disabled={!ended || busy}
            onClick={() => propose(ended, (sessionKey) => ({ kind: "ended", sessionKey }), "Ended now")}>
            Ended now
          </button>
          <button type="button" class={full ? "action action-on" : "action"} data-testid="room-full" disabled={busy} aria-pressed={full}
            onClick={() =>
              roomPanel.applyNow(roomId, { kind: "room-status", roomId, status: full ? "open" : "full" }, `${line.room.name} ${full ? "open" : "full"}`)
            }>
            {full ? "Room open" : "Room full"}
          </button>
          {LATE_STEPS.map((m) => (
            <button key={m} type="button" class="action late" data-testid={`late-${m}`} disabled={!late || busy}
              onClick={() => propose(late, (sessionKey) => ({ kind: "delay", sessionKey, minutes: m }), `+${m} min`)}>
              {`+${m}`}
            </button>
          ))}
        </div>
      </section>
      <form class="custom-late" onSubmit={(e) => {
        e.preventDefault();
        if (customMinutes !== null) propose(late, (sessionKey) => ({ kind: "delay", sessionKey, minutes: customMinutes }), `${customMinutes > 0 ? "+" : ""}${customMinutes} min`);
      }}>
        <label for="late-minutes">Custom minutes (negative pulls back)</label>
        <div class="row">
          <input id="late-minutes" data-testid="late-minutes" inputMode="numeric" value={custom} placeholder="e.g. 20"
            onInput={(e) => setCustom(e.currentTarget.value)} />
          <button type="submit" class="action" data-testid="late-custom" disabled={!late || customMinutes === null || busy}>
            Late by…
          </button>
        </div>
      </form>
    </>
  );
}

function Preview({ roomId }: { roomId: string }) {
  const { roomPanel, admin } = useStores();
  const p = roomPanel.pending.value;
  const apply = useRef<HTMLButtonElement>(null);
  const ready = p !== null && (p.preview !== null || p.previewError !== null);
  // Keyboard users land on Apply once the preview is there; "Not now" is one Tab away.
  useEffect(() => {
    if (ready) apply.current?.focus({ preventScroll: true });
  }, [ready]);
  if (!p || p.roomId !== roomId) return null;
  const state = admin.state.value!;
  return (
    <section class="preview" data-testid="preview" aria-live="polite">
      <h3>{p.label}</h3>
      {p.preview && (
        <ul class="preview-lines">
          {previewLines(p.preview, state.rooms, state.sessions, admin.zone.value).map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {p.previewError && <p class="muted">{`No preview (${p.previewError}). You can still apply it.`}</p>}
      {!ready && <p class="muted">Working out what changes…</p>}
      <div class="row">
        <button type="button" ref={apply} class="primary action" data-testid="confirm" disabled={!ready || roomPanel.busy.value} onClick={() => roomPanel.confirm()}>
          Apply
        </button>
        <button type="button" class="secondary action" data-testid="dismiss" onClick={() => roomPanel.dismiss()}>
          Not now
        </button>
      </div>
    </section>
  );
}

function UndoBar({ roomId }: { roomId: string }) {
  const { roomPanel } = useStores();
  const a = roomPanel.undoable.value;
  if (!a || a.roomId !== roomId) return null;
  return (
    <button type="button" class="undo action" data-testid="undo" disabled={roomPanel.busy.value} onClick={() => roomPanel.undo()}>
      {`Undo “${a.label}” (${roomPanel.undoSecondsLeft.value} s)`}
    </button>
  );
}

function PanelMessage() {
  const { roomPanel } = useStores();
  const m = roomPanel.message.value;
  if (!m) return null;
  return (
    <p class={`feedback feedback-${m.kind}`} role={m.kind === "error" ? "alert" : "status"} data-testid="room-message">
      {m.text}
    </p>
  );
}
