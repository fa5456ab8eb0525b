// A screen opened without a view: a big pairing code so an organizer can assign it.
import type { Labels } from "../labels.js";
import type { OnAirStore } from "../stores/on-air.js";
import type { ScheduleStore } from "../stores/schedule.js";

export function Unassigned({ schedule, air, labels }: { schedule: ScheduleStore; air: OnAirStore; labels: Labels }) {
  const code = schedule.snapshot.value?.pairingCode;
  return (
    <div class="screen unassigned">
      <div class="unassigned-box">
        {code ? (
          <>
            <div class="unassigned-code">
              {labels.screen} <span data-testid="pairing-code">{code}</span>
            </div>
            <div class="unassigned-hint">— {labels.assignMe}</div>
          </>
        ) : (
          <div class="unassigned-hint">{labels.waitingForHub}</div>
        )}
        {air.offlineText.value && (
          <div class="marker marker-offline" data-testid="offline">
            {air.offlineText.value}
          </div>
        )}
      </div>
    </div>
  );
}

