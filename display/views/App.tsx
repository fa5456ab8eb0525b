// Chooses the screen for the current view; the emergency and identify overlays sit on top.
import type { ReadonlySignal } from "@preact/signals";
import type { Labels } from "../labels.js";
import type { Page } from "../paging.js";
import type { LobbyRowModel } from "../present.js";
import type { OnAirStore } from "../stores/on-air.js";
import type { ScheduleStore } from "../stores/schedule.js";
import { Emergency } from "./Announcements.js";
import { Door } from "./Door.js";
import { Lobby } from "./Lobby.js";
import { Unassigned } from "./Unassigned.js";

export interface AppProps {
  air: OnAirStore;
  schedule: ScheduleStore;
  labels: Labels;
  lobbyTitle: ReadonlySignal<string>;
  lobbyPage: ReadonlySignal<Page<LobbyRowModel>>;
  identify: ReadonlySignal<{ name: string; pairingCode: string } | null>;
}

export function App({ air, schedule, labels, lobbyTitle, lobbyPage, identify }: AppProps) {
  const view = air.parsedView.value;
  const id = identify.value;
  return (
    <>
      {view?.kind === "room" ? (
        <Door air={air} labels={labels} />
      ) : view?.kind === "lobby" ? (
        <Lobby air={air} labels={labels} title={lobbyTitle} page={lobbyPage} />
      ) : (
        <Unassigned schedule={schedule} air={air} labels={labels} />
      )}
      <Emergency air={air} labels={labels} />
      {id && (
        <div class="identify" data-testid="identify">
          <div class="identify-name">{id.name}</div>
          <div class="identify-code">{id.pairingCode}</div>
        </div>
      )}
    </>
  );
}
