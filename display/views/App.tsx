// Chooses the screen for the current view; the emergency and identify overlays sit on top.
import type { ReadonlySignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useErrorBoundary } from "preact/hooks";
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
      <Guard air={air} labels={labels}>
        {view?.kind === "room" ? (
          <Door air={air} labels={labels} />
        ) : view?.kind === "lobby" ? (
          <Lobby air={air} labels={labels} title={lobbyTitle} page={lobbyPage} />
        ) : (
          <Unassigned schedule={schedule} air={air} labels={labels} />
        )}
      </Guard>
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

/** How long a screen shows its fallback after a rendering error before it tries again. */
export const RETRY_AFTER_ERROR_MS = 10_000;

/**
 * Never a blank screen: if a view throws (unexpected data), show the clock and a calm line, log
 * the error, and try the view again a little later.
 */
function Guard({ air, labels, children }: { air: OnAirStore; labels: Labels; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((err: unknown) => console.error("[roomcast:display] view failed", err));
  useEffect(() => {
    if (!error) return;
    const retry = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(retry);
  }, [error]);
  if (!error) return <>{children}</>;
  return (
    <div class="screen unassigned">
      <time class="clock" data-testid="clock">
        {air.clockText}
      </time>
      <div class="unassigned-hint">{labels.waitingForHub}</div>
    </div>
  );
}
