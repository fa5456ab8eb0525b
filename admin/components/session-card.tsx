// A session as the admin page shows it: effective times with the planned ones beside them when
// they differ, the title, speakers, and how late it runs. Text only, never HTML.
import type { ComponentChildren } from "preact";
import type { EffectiveSession } from "../../shared/model.js";
import { formatTime } from "../../shared/time.js";
import { lateLabel, lateMinutes } from "../derive/overview.js";

/** "11:30 → 11:40–12:10" when moved, "11:00–11:30" otherwise. */
export function TimeRange({ session, zone }: { session: EffectiveSession; zone: string }) {
  const t = (at: number) => formatTime(at, zone);
  const moved = session.start !== session.plannedStart || session.end !== session.plannedEnd;
  return (
    <span class="times">
      {moved && <s class="planned">{`${t(session.plannedStart)}–${t(session.plannedEnd)}`}</s>}
      {moved && " → "}
      <span>{`${t(session.start)}–${t(session.end)}`}</span>
    </span>
  );
}

export function StatusBadges({ session }: { session: EffectiveSession }) {
  const late = lateMinutes(session);
  return (
    <>
      {session.status === "cancelled" && <span class="badge badge-bad">Cancelled</span>}
      {session.status === "moved-out" && <span class="badge badge-warn">Moved out</span>}
      {session.status === "moved-in" && <span class="badge">Moved in</span>}
      {session.status === "added" && <span class="badge">Added</span>}
      {late !== 0 && session.status !== "cancelled" && (
        <span class={late > 0 ? "badge badge-warn" : "badge"}>{lateLabel(session)}</span>
      )}
    </>
  );
}

export function SessionCard(props: {
  heading: string;
  session: EffectiveSession | null;
  zone: string;
  empty: string;
  testId?: string;
  large?: boolean;
  children?: ComponentChildren;
}) {
  const { session, zone } = props;
  return (
    <section class={props.large ? "session-card large" : "session-card"} data-testid={props.testId}>
      <div class="card-top">
        <h3 class="card-heading">{props.heading}</h3>
        {props.children}
      </div>
      {session ? (
        <>
          <p class="session-when">
            <TimeRange session={session} zone={zone} /> <StatusBadges session={session} />
          </p>
          <p class="session-title">{session.displayTitle}</p>
          {session.speakers.length > 0 && <p class="session-speakers">{session.speakers.join(", ")}</p>}
        </>
      ) : (
        <p class="muted">{props.empty}</p>
      )}
    </section>
  );
}
