// The strip every screen shares: a name on the left; the venue clock and its honesty markers
// (rehearsal clock, offline since …) on the right.
import type { ComponentChildren } from "preact";
import type { Labels } from "../labels.js";
import type { OnAirStore } from "../stores/on-air.js";

export function TopBar({ air, labels, children }: { air: OnAirStore; labels: Labels; children: ComponentChildren }) {
  return (
    <header class="topbar">
      <div class="topbar-name">{children}</div>
      <div class="topbar-right">
        {air.offlineText.value && (
          <span class="marker marker-offline" data-testid="offline">
            {air.offlineText.value}
          </span>
        )}
        {air.rehearsal.value && (
          <span class="marker marker-rehearsal" data-testid="rehearsal">
            {labels.rehearsal}
          </span>
        )}
        <time class="clock" data-testid="clock">
          {air.clockText}
        </time>
      </div>
    </header>
  );
}
