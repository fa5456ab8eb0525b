// The room-door screen: what is on in this room now, what comes next, and every state between.
// It renders the presenter's texts only; the schedule logic lives in shared/.
import type { Labels } from "../labels.js";
import type { CurrentModel, DoorModel, NextModel, SkippedModel } from "../present.js";
import type { OnAirStore } from "../stores/on-air.js";
import { AnnouncementBand } from "./Announcements.js";
import { FitText } from "./FitText.js";
import { TopBar } from "./TopBar.js";

/**
 * The current title never goes below this (vmin: % of the shorter screen side; 70 px at 1080p),
 * and nothing else on a door screen is larger, so the current title stays the largest text.
 */
export const TITLE_MIN_VMIN = 6.5;
/** The next title's largest size, below the current title's smallest. */
export const NEXT_MAX_VMIN = 6;

export function Door({ air, labels }: { air: OnAirStore; labels: Labels }) {
  const door = air.door.value;
  return (
    <div class={`screen door${door?.full ? " has-full" : ""}${air.band.value.length > 0 ? " has-band" : ""}${door?.skipped ? " has-skipped" : ""}`}>
      <TopBar air={air} labels={labels}>
        <h1 class="room-name" data-testid="room-name">
          {air.roomName}
        </h1>
      </TopBar>
      <AnnouncementBand air={air} />
      {door?.full && <RoomFull air={air} labels={labels} />}
      {door?.closed && (
        <div class="room-full room-closed" data-testid="room-closed">
          {labels.roomClosed}
        </div>
      )}
      {door ? <DoorBody door={door} air={air} labels={labels} /> : <p class="waiting">{air.roomKnown.value ? "" : labels.waitingForHub}</p>}
    </div>
  );
}

function RoomFull({ air, labels }: { air: OnAirStore; labels: Labels }) {
  const space = air.spaceIn.value;
  return (
    <div class="room-full" data-testid="room-full" role="alert">
      <div class="room-full-title">{labels.roomFull}</div>
      <div class="room-full-space">
        {space.length > 0 ? `${labels.spaceIn}: ${space.join(" · ")}` : labels.nothingElse}
      </div>
    </div>
  );
}

function DoorBody({ door, air, labels }: { door: DoorModel; air: OnAirStore; labels: Labels }) {
  // The hero is what matters most right now: the current session, the break, or — when the room
  // is free — the next session; the next session gets its own panel only below a hero.
  const nextIsHero = !door.current && door.next !== null && (door.state === "between" || door.state === "before-event");
  const layout = `${door.state}|${door.full}|${door.skipped !== null}|${air.band.value.length}`;
  return (
    <main class={`door-body state-${door.state}`}>
      <section class="now" data-testid="state" data-state={door.state}>
        {door.state === "break" && door.headline ? (
          <Break door={door} air={air} labels={labels} layout={layout} />
        ) : door.current ? (
          <Current current={door.current} air={air} labels={labels} layout={layout} />
        ) : nextIsHero && door.next ? (
          <>
            {door.headline && door.state === "before-event" && <div class="subline">{door.headline}</div>}
            <Next next={door.next} labels={labels} hero layout={layout} afterSkipped={door.skipped?.kind === "cancelled"} />
          </>
        ) : (
          <>
            {door.headline && (
              <div class="headline" data-testid="headline">
                {door.headline}
              </div>
            )}
            {door.subline && <div class="subline">{door.subline}</div>}
          </>
        )}
      </section>
      {door.skipped && <Skipped skipped={door.skipped} />}
      {door.next && !nextIsHero && (
        <Next next={door.next} labels={labels} layout={layout} afterSkipped={door.skipped?.kind === "cancelled"} />
      )}
    </main>
  );
}

function Break({ door, air, labels, layout }: { door: DoorModel; air: OnAirStore; labels: Labels; layout: string }) {
  return (
    <div class="current current-break">
      <div class="label">{labels.now}</div>
      <FitText tag="h2" class="current-title" testid="headline" text={door.headline ?? ""} maxVmin={9} minVmin={TITLE_MIN_VMIN} layout={layout} />
      <div class="progress-row">
        <div class="progress" data-testid="progress">
          <div class="progress-fill" style={air.progressStyle} />
        </div>
        <span class="time-left">{door.current?.timeLeft}</span>
      </div>
    </div>
  );
}

function Current({ current, air, labels, layout }: { current: CurrentModel; air: OnAirStore; labels: Labels; layout: string }) {
  return (
    <div class={`current${current.isBreak ? " current-break" : ""}`}>
      <div class="label">{labels.now}</div>
      {current.movedFrom && <div class="moved-note">{current.movedFrom}</div>}
      <FitText tag="h2" class="current-title" testid="current-title" text={current.title} maxVmin={11} minVmin={TITLE_MIN_VMIN} layout={layout} />
      {current.speakers && (
        <div class="speakers" data-testid="current-speakers">
          {current.speakers}
        </div>
      )}
      <div class="meta">
        <span class="times" data-testid="current-times">
          {current.times}
        </span>
        {current.delay && (
          <span class="badge badge-late" data-testid="current-delay">
            {current.delay}
          </span>
        )}
        {current.track && <span class="track">{current.track}</span>}
      </div>
      {current.alsoOn && (
        <div class="also-on" data-testid="also-on">
          {current.alsoOn}
        </div>
      )}
      <div class="progress-row">
        <div class="progress" data-testid="progress">
          <div class="progress-fill" style={air.progressStyle} />
        </div>
        <span class={`time-left${current.overrun ? " overrun" : ""}`} data-testid={current.overrun ? "overrun" : "time-left"}>
          {current.overrun ?? current.timeLeft}
        </span>
      </div>
    </div>
  );
}

function Skipped({ skipped }: { skipped: SkippedModel }) {
  return (
    <section class={`skipped skipped-${skipped.kind}`} data-testid={skipped.kind === "moved" ? "moved" : "cancelled"}>
      <span class={`badge badge-${skipped.kind}`}>{skipped.note}</span>
      <span class="skipped-title">{skipped.title}</span>
    </section>
  );
}

interface NextProps {
  next: NextModel;
  labels: Labels;
  afterSkipped: boolean;
  /** Shown as the screen's main item (the room is free until it starts). */
  hero?: boolean;
  layout: string;
}

function Next({ next, labels, afterSkipped, hero = false, layout }: NextProps) {
  return (
    <section class={hero ? "next next-hero" : "next"}>
      <div class="label">{afterSkipped ? labels.insteadNext : labels.next}</div>
      {next.movedFrom && <div class="moved-note">{next.movedFrom}</div>}
      <FitText
        class="next-title"
        testid="next-title"
        text={next.title}
        maxVmin={hero ? 11 : NEXT_MAX_VMIN}
        minVmin={hero ? TITLE_MIN_VMIN : 3.6}
        layout={layout}
      />
      {next.speakers && <div class="next-speakers">{next.speakers}</div>}
      <div class="meta">
        <span class="next-when" data-testid="next-when">
          {next.when}
        </span>
        {next.delay && (
          <span class="badge badge-late" data-testid="next-delay">
            {next.delay}
          </span>
        )}
      </div>
    </section>
  );
}
