// Every screen that ever connected: pair (assign a view), rename, identify, reload, forget.
import { useState } from "preact/hooks";
import type { ScreenInfo } from "../../shared/protocol.js";
import { useStores } from "../context.js";
import type { RoomLine } from "../derive/overview.js";
import { parseView } from "../../shared/model.js";
import { agoText, joinView, LOBBY_SUBSET, offsetText, sortScreens, splitView, viewChoices, viewLabel } from "../derive/screens.js";

export function ScreensPage() {
  const { admin } = useStores();
  const screens = sortScreens(admin.state.value!.screens);
  return (
    <>
      <h2>Screens</h2>
      <p class="muted">
        A new screen shows a pairing code: find it here and pick what it shows. Open /display on a screen to add one.
      </p>
      <ul class="list">
        {screens.length === 0 && <li class="muted">No screen has connected yet.</li>}
        {screens.map((s) => (
          <ScreenRow key={s.screenId} screen={s} />
        ))}
      </ul>
    </>
  );
}

function ScreenRow({ screen }: { screen: ScreenInfo }) {
  const { admin, clock, commands, feedback, onAir } = useStores();
  const rooms = admin.state.value!.rooms;
  const initial = splitView(screen.view);
  const [choice, setChoice] = useState(initial.choice);
  const [lobbyRooms, setLobbyRooms] = useState(initial.roomIds);
  const view = joinView(choice, lobbyRooms, rooms);
  const toggle = (roomId: string) =>
    setLobbyRooms(lobbyRooms.includes(roomId) ? lobbyRooms.filter((r) => r !== roomId) : [...lobbyRooms, roomId]);
  const [name, setName] = useState(screen.name ?? "");
  const id = screen.screenId;
  const showing = showsNow(onAir.byRoom.value, screen);
  return (
    <li class="list-item screen" data-testid="screen" data-screen={id} data-code={screen.pairingCode}>
      <p class="screen-head">
        <span class={screen.online ? "screen-dot online" : "screen-dot offline"}>{screen.online ? "● online" : "○ offline"}</span>
        <strong class="pairing-code">{screen.pairingCode}</strong>
        <span>{screen.name ?? "(no name)"}</span>
      </p>
      <p class="muted">
        {`${viewLabel(screen.view, rooms)} · ${screen.online ? "" : `last seen ${agoText(screen.lastSeen, clock.coarseRealNow.value)} · `}clock ${offsetText(screen.clockOffsetMs)} · app ${screen.appVersion || "unknown"}`}
      </p>
      {showing && <p class="shows-now">{`Shows now: ${showing}`}</p>}
      <div class="screen-controls">
      <div class="row">
        <select aria-label="View" data-testid="screen-view" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {viewChoices(rooms).map((c) => (
            <option key={c.view ?? ""} value={c.view ?? ""}>{c.label}</option>
          ))}
        </select>
        <button type="button" class="action primary" data-testid="screen-assign" disabled={view === undefined || view === screen.view}
          onClick={() => {
            if (view !== undefined) void commands.assignScreen(id, view).then((r) => feedback.report(r, `${screen.pairingCode} now shows ${viewLabel(view, rooms)}`));
          }}>
          {screen.view === null ? "Pair" : "Assign"}
        </button>
      </div>
      {choice === LOBBY_SUBSET && (
        <div class="room-checks">
          {rooms.map((r) => (
            <label key={r.id} class="choice">
              <input type="checkbox" data-testid="screen-lobby-room" data-room={r.id} checked={lobbyRooms.includes(r.id)} onChange={() => toggle(r.id)} /> {r.name}
            </label>
          ))}
        </div>
      )}
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        void commands.renameScreen(id, name).then((r) => feedback.report(r, "Renamed"));
      }}>
        <input aria-label="Name" data-testid="screen-name" value={name} maxLength={100} placeholder="e.g. Room 1 door"
          onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" class="action secondary">Rename</button>
      </form>
      <div class="row">
        <button type="button" class="action secondary" data-testid="screen-identify"
          onClick={() => void commands.identifyScreen(id).then((r) => feedback.report(r, "The screen shows its name now"))}>Identify</button>
        <button type="button" class="action secondary" data-testid="screen-reload"
          onClick={() => void commands.reloadScreen(id).then((r) => feedback.report(r, "Reloading the screen"))}>Reload</button>
        <button type="button" class="action danger" data-testid="screen-forget"
          onClick={() => {
            if (confirm(`Forget screen ${screen.pairingCode}? It will show a new pairing code.`)) {
              void commands.forgetScreen(id).then((r) => feedback.report(r, "Forgotten"));
            }
          }}>Forget</button>
      </div>
      </div>
    </li>
  );
}

/** What a door screen shows now ("Docker Was Too Slow…"), or null for lobby and unassigned. */
function showsNow(lines: ReadonlyMap<string, RoomLine>, screen: ScreenInfo): string | null {
  const view = screen.view ? parseView(screen.view) : null;
  if (view?.kind !== "room") return null;
  const now = lines.get(view.roomId)?.now;
  if (!now) return null;
  if (now.current) return now.current.displayTitle;
  return now.next ? `next: ${now.next.displayTitle}` : "nothing more today";
}
