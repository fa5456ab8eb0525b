// Announcements: info and warning as a band that leaves the schedule visible; an emergency
// covers the whole screen until it is withdrawn or expires.
import type { Labels } from "../labels.js";
import type { OnAirStore } from "../stores/on-air.js";

export function AnnouncementBand({ air }: { air: OnAirStore }) {
  const band = air.band.value;
  if (band.length === 0) return null;
  return (
    <div class="band">
      {band.map((a) => (
        <p key={a.id} class={`announcement announcement-${a.level}`} data-testid="announcement" data-level={a.level}>
          {a.text}
        </p>
      ))}
    </div>
  );
}

export function Emergency({ air, labels }: { air: OnAirStore; labels: Labels }) {
  const a = air.emergency.value;
  if (!a) return null;
  return (
    <div class="emergency" data-testid="emergency" role="alert">
      <div class="emergency-label">{labels.emergency}</div>
      <div class="emergency-text">{a.text}</div>
      <time class="emergency-clock">{air.clockText}</time>
    </div>
  );
}
