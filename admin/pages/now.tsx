// The first page: every room in one glance — on now, next, how late, full or not, and the
// screens showing it.
import type { ScreenInfo } from "../../shared/protocol.js";
import { SessionCard } from "../components/session-card.js";
import { useStores } from "../context.js";
import { routeHref } from "../derive/route.js";
import { roomStateText } from "../derive/state-text.js";

export function NowPage() {
  const { admin, onAir } = useStores();
  const zone = admin.zone.value;
  const lines = onAir.lines.value;
  return (
    <>
      <h2>Now</h2>
      <div class="room-grid">
        {lines.map(({ room, now, screens }) => (
          <article class="room-line" key={room.id} data-testid="room-line" data-room={room.id}>
            <header class="room-line-head">
              <a class="room-name" href={routeHref("room", room.id)} data-testid="room-link" data-room={room.id}>
                {room.name}
              </a>
              {now.roomStatus !== "open" && (
                <span class="badge badge-bad" data-testid="room-status">
                  {now.roomStatus === "full" ? "Full" : "Closed"}
                </span>
              )}
              <span class="muted state-text">{roomStateText(now, zone)}</span>
            </header>
            <SessionCard heading="Now" session={now.current} zone={zone} empty="Nothing on" />
            <SessionCard heading="Next" session={now.next} zone={zone} empty="Nothing next" />
            {now.skipped && (
              <p class="muted">{`${now.skipped.status === "cancelled" ? "Cancelled" : "Moved out"}: ${now.skipped.displayTitle}`}</p>
            )}
            <ScreenDots screens={screens} />
          </article>
        ))}
      </div>
    </>
  );
}

function ScreenDots({ screens }: { screens: ScreenInfo[] }) {
  if (screens.length === 0) return <p class="muted screens-line">No screen shows this room</p>;
  return (
    <p class="screens-line">
      {screens.map((s) => (
        <span key={s.screenId} class={s.online ? "screen-dot online" : "screen-dot offline"}>
          {`${s.online ? "●" : "○"} ${s.name ?? s.pairingCode}${s.view?.startsWith("lobby") ? " (lobby)" : ""}`}
        </span>
      ))}
    </p>
  );
}
