// What the screen shows right now, derived from the schedule and the clock: the engine's
// whatIsOn, then the presenter's texts. Each derived value keeps its previous object while the
// texts are unchanged, so views re-render when a minute or a session changes, not every second.
import { computed, type ReadonlySignal } from "@preact/signals";
import { parseView } from "../../shared/views.js";
import type { OnAir } from "../../shared/model.js";
import { announcementsFor, whatIsOn } from "../../shared/on-air.js";
import { formatClock, formatTime } from "../../shared/zoned.js";
import type { Labels } from "../labels.js";
import {
  bandOf,
  type DoorModel,
  emergencyOf,
  type LobbyRowModel,
  type PresentContext,
  presentDoor,
  presentLobbyRow,
  progressOf,
  roomNamer,
  spaceElsewhere,
} from "../present.js";
import type { ClockStore } from "./clock.js";
import type { ConnectionStore } from "./connection.js";
import type { ScheduleStore } from "./schedule.js";

/** A computed that returns its previous value when the new one serialises the same. */
function stable<T>(fn: () => T): ReadonlySignal<T> {
  let prev: T | undefined;
  let prevText = "";
  return computed(() => {
    const next = fn();
    const text = JSON.stringify(next);
    if (prev !== undefined && text === prevText) return prev;
    prev = next;
    prevText = text;
    return next;
  });
}

export function createOnAir(schedule: ScheduleStore, clock: ClockStore, connection: ConnectionStore, labels: Labels, locale: string) {
  const zone = computed(() => schedule.snapshot.value?.event.timeZone ?? "UTC");
  const parsedView = computed(() => {
    const v = schedule.view.value;
    return v ? parseView(v) : null;
  });

  const context = computed<PresentContext | null>(() => {
    const snap = schedule.snapshot.value;
    if (!snap) return null;
    return {
      at: clock.now.value,
      zone: snap.event.timeZone,
      dayChangeHour: snap.event.dayChangeHour,
      labels,
      locale,
      roomName: roomNamer(snap.rooms),
    };
  });

  const onAir = computed<OnAir | null>(() => {
    const eff = schedule.effective.value;
    const view = schedule.view.value;
    // A fresh screen's device clock may be hours off: show nothing timed before the first sync.
    if (!eff || !view || !clock.trusted.value) return null;
    return whatIsOn(eff, view, clock.now.value);
  });

  const roomId = computed(() => {
    const p = parsedView.value;
    return p?.kind === "room" ? p.roomId : null;
  });

  const roomKnown = computed(() => {
    const id = roomId.value;
    return id !== null && (schedule.snapshot.value?.rooms.some((r) => r.id === id) ?? false);
  });

  const roomName = computed(() => {
    const id = roomId.value;
    if (!id) return "";
    return schedule.snapshot.value?.rooms.find((r) => r.id === id)?.name ?? labels.unknownRoom(id);
  });

  const door = stable<DoorModel | null>(() => {
    const air = onAir.value;
    const ctx = context.value;
    const room = air?.rooms.find((r) => r.roomId === roomId.value);
    return room && ctx ? presentDoor(room, ctx) : null;
  });

  /** "Room full": talks with space elsewhere (from the rooms this screen's snapshot carries). */
  const spaceIn = stable<string[]>(() => {
    const ctx = context.value;
    const eff = schedule.effective.value;
    const id = roomId.value;
    if (!door.value?.full || !ctx || !eff || !id) return [];
    return spaceElsewhere(whatIsOn(eff, "lobby", clock.now.value), id, ctx);
  });

  const progress = computed(() => {
    const air = onAir.value;
    const room = air?.rooms.find((r) => r.roomId === roomId.value);
    return room?.current ? progressOf(room.current, clock.now.value) : 0;
  });
  /** Bound straight to the bar's style: no re-render per second. */
  const progressStyle = computed(() => `transform: scaleX(${progress.value.toFixed(4)})`);

  const lobbyRows = stable<LobbyRowModel[]>(() => {
    const air = onAir.value;
    const ctx = context.value;
    if (!air || !ctx || parsedView.value?.kind !== "lobby") return [];
    return air.rooms.map((r) => presentLobbyRow(r, ctx));
  });

  /** Active announcements for this screen; an unassigned screen still gets those meant for all. */
  const announcements = computed(() => {
    const air = onAir.value;
    if (air) return air.announcements;
    const snap = schedule.snapshot.value;
    if (!snap || !clock.trusted.value) return [];
    return announcementsFor(snap.announcements, schedule.view.value, clock.now.value);
  });
  const emergency = stable(() => emergencyOf(announcements.value));
  const band = stable(() => bandOf(announcements.value));

  /** The venue clock, in the event zone; bound into a text node. */
  const clockText = computed(() => (schedule.snapshot.value && clock.trusted.value ? formatClock(clock.now.value, zone.value) : ""));
  const rehearsal = computed(() => schedule.snapshot.value?.clock != null);
  const offlineText = computed(() => {
    const since = connection.offlineSince.value;
    if (!connection.offline.value || since === null) return null;
    return labels.offlineSince(formatTime(since, zone.value));
  });

  return {
    zone,
    parsedView,
    roomId,
    roomKnown,
    roomName,
    onAir,
    door,
    spaceIn,
    progressStyle,
    lobbyRows,
    emergency,
    band,
    clockText,
    rehearsal,
    offlineText,
  };
}

export type OnAirStore = ReturnType<typeof createOnAir>;
