// Turns what the engine says is on (RoomNow, from shared/on-air) into the exact texts a screen
// prints. Pure: the instant, zone and labels come in as parameters, so every text can be tested
// without a browser, and no view ever computes schedule logic itself.
import type { Announcement, EffectiveSession, OnAir, Room, RoomNow, RoomState } from "../shared/model.js";
import { conferenceDay, formatDay, formatTime, MINUTE_MS } from "../shared/zoned.js";
import type { Labels } from "./labels.js";

/** Everything a presenter needs besides the room: instant (hub time, UTC ms), zone, words. */
export interface PresentContext {
  at: number;
  zone: string;
  dayChangeHour: number;
  labels: Labels;
  locale: string;
  roomName: (roomId: string) => string;
}

export interface CurrentModel {
  title: string;
  speakers: string;
  track: string | null;
  /** "11:00–11:30", or "11:00 → 11:10–11:40" when it started late. */
  times: string;
  delay: string | null;
  timeLeft: string;
  overrun: string | null;
  movedFrom: string | null;
  isBreak: boolean;
  /** "Also now: …" for overlapping sessions (umbrella, background, double booking); null when none. */
  alsoOn: string | null;
}

export interface NextModel {
  title: string;
  speakers: string;
  /** "11:40 · in 25 min" or "11:40 · starting now". */
  when: string;
  delay: string | null;
  movedFrom: string | null;
}

export interface SkippedModel {
  title: string;
  /** "Cancelled" or "Moved to Room 2 →". */
  note: string;
  kind: "cancelled" | "moved";
}

export interface DoorModel {
  state: RoomState;
  current: CurrentModel | null;
  next: NextModel | null;
  skipped: SkippedModel | null;
  /** The state line: "Lunch until 13:30 — next: …", "Tomorrow from 09:30", … */
  headline: string | null;
  subline: string | null;
  full: boolean;
  closed: boolean;
}

/** Whole minutes from `from` to `to`, rounded up so "in 1 min" shows until the start. */
export function minutesUntil(from: number, to: number): number {
  return Math.max(0, Math.ceil((to - from) / MINUTE_MS));
}

/** Minutes a session runs behind its planned start (0 when on time or early). */
export function lateMinutes(session: EffectiveSession): number {
  return Math.round((session.start - session.plannedStart) / MINUTE_MS);
}

/** Progress of the current session in [0, 1] at `at`. */
export function progressOf(session: EffectiveSession | null, at: number): number {
  if (!session || session.end <= session.start) return 0;
  return Math.min(1, Math.max(0, (at - session.start) / (session.end - session.start)));
}

export function relativeStart(at: number, start: number, startingNow: boolean, labels: Labels): string {
  if (startingNow || start <= at) return labels.startingNow;
  const minutes = minutesUntil(at, start);
  if (minutes < 60) return labels.inMinutes(minutes);
  return labels.inHours(Math.floor(minutes / 60), minutes % 60);
}

function timesOf(s: EffectiveSession, zone: string): string {
  const end = formatTime(s.end, zone);
  if (s.start !== s.plannedStart) return `${formatTime(s.plannedStart, zone)} → ${formatTime(s.start, zone)}–${end}`;
  return `${formatTime(s.start, zone)}–${end}`;
}

function delayText(s: EffectiveSession, labels: Labels): string | null {
  const late = lateMinutes(s);
  if (late > 0) return labels.minutesLate(late);
  if (late < 0) return labels.minutesEarly(-late);
  return null;
}

function isBreak(s: EffectiveSession): boolean {
  return s.type === "break" || s.type === "lunch";
}

/** Overlapping sessions named beside the current one, at most. */
export const MAX_ALSO_ON = 2;

function presentCurrent(now: RoomNow, ctx: PresentContext): CurrentModel | null {
  const s = now.current;
  if (!s) return null;
  const { labels, zone, at } = ctx;
  const overMinutes = Math.floor((at - s.plannedEnd) / MINUTE_MS);
  return {
    title: s.displayTitle,
    speakers: s.speakers.join(", "),
    track: s.track,
    times: timesOf(s, zone),
    delay: delayText(s, labels),
    timeLeft: labels.minutesLeft(minutesUntil(at, s.end)),
    overrun: now.overrunning && overMinutes >= 1 ? labels.overrun(overMinutes) : null,
    movedFrom: s.status === "moved-in" && s.movedFrom ? labels.movedFrom(ctx.roomName(s.movedFrom)) : null,
    isBreak: isBreak(s),
    alsoOn: now.alsoOn.length > 0 ? labels.alsoNow(now.alsoOn.slice(0, MAX_ALSO_ON).map((a) => a.displayTitle).join(" · ")) : null,
  };
}

function presentNext(now: RoomNow, ctx: PresentContext): NextModel | null {
  const s = now.next;
  if (!s) return null;
  const { labels, zone, at } = ctx;
  const sameDay = conferenceDay(s.start, zone, ctx.dayChangeHour) === conferenceDay(at, zone, ctx.dayChangeHour);
  const clock = formatTime(s.start, zone);
  const when = sameDay
    ? `${clock} · ${relativeStart(at, s.start, now.startingNow, labels)}`
    : `${formatDay(s.start, zone, ctx.locale)} · ${clock}`;
  return {
    title: s.displayTitle,
    speakers: s.speakers.join(", "),
    when,
    delay: now.nextDelayed ? delayText(s, labels) : null,
    movedFrom: s.status === "moved-in" && s.movedFrom ? labels.movedFrom(ctx.roomName(s.movedFrom)) : null,
  };
}

function presentSkipped(now: RoomNow, ctx: PresentContext): SkippedModel | null {
  const s = now.skipped;
  if (!s) return null;
  if (s.status === "moved-out") {
    return { title: s.displayTitle, note: ctx.labels.movedTo(ctx.roomName(s.movedTo ?? "")), kind: "moved" };
  }
  return { title: s.displayTitle, note: ctx.labels.cancelled, kind: "cancelled" };
}

function headlineOf(now: RoomNow, ctx: PresentContext): { headline: string | null; subline: string | null } {
  const { labels, zone, at } = ctx;
  switch (now.state) {
    case "break": {
      const s = now.current;
      if (!s) return { headline: labels.breakWord, subline: null };
      const word = s.type === "lunch" ? labels.lunchWord : s.displayTitle || labels.breakWord;
      const until = labels.breakUntil(word, formatTime(s.end, zone));
      return { headline: now.next ? `${until} — ${labels.thenNext}: ${now.next.displayTitle}` : until, subline: null };
    }
    case "before-event": {
      const first = now.next;
      if (!first) return { headline: null, subline: null };
      return { headline: labels.beforeEvent(formatDay(first.start, zone, ctx.locale), formatTime(first.start, zone)), subline: null };
    }
    case "between":
      return { headline: labels.between, subline: null };
    case "done-for-today": {
      const start = now.nextDayStart;
      if (start === null) return { headline: labels.doneForToday, subline: null };
      const today = conferenceDay(at, zone, ctx.dayChangeHour);
      const thatDay = conferenceDay(start, zone, ctx.dayChangeHour);
      const tomorrow = conferenceDay(at + 24 * 60 * MINUTE_MS, zone, ctx.dayChangeHour);
      const time = formatTime(start, zone);
      const sub =
        thatDay === tomorrow || thatDay === today
          ? labels.tomorrowFrom(time)
          : labels.beforeEvent(formatDay(start, zone, ctx.locale), time);
      return { headline: labels.doneForToday, subline: sub };
    }
    case "event-over":
      return { headline: labels.eventOver, subline: labels.thanks };
    case "on":
      return { headline: null, subline: null };
  }
}

/** The door screen's texts for one room at one instant. */
export function presentDoor(now: RoomNow, ctx: PresentContext): DoorModel {
  const { headline, subline } = headlineOf(now, ctx);
  return {
    state: now.state,
    current: presentCurrent(now, ctx),
    next: presentNext(now, ctx),
    skipped: presentSkipped(now, ctx),
    headline,
    subline,
    full: now.roomStatus === "full",
    closed: now.roomStatus === "closed",
  };
}

/** Talks with space running now elsewhere, for the "Room full" banner; at most `limit`. */
export function spaceElsewhere(onAir: OnAir, roomId: string, ctx: PresentContext, limit = 3): string[] {
  return onAir.rooms
    .filter((r) => r.roomId !== roomId && r.roomStatus === "open" && r.state === "on" && r.current && !isBreak(r.current))
    .slice(0, limit)
    .map((r) => `${ctx.roomName(r.roomId)}: ${r.current?.displayTitle ?? ""}`);
}

export interface LobbyRowModel {
  roomId: string;
  roomName: string;
  now: string;
  nowTimes: string;
  next: string;
  nextWhen: string;
  delay: string | null;
  cancelled: string | null;
  moved: string | null;
  full: string | null;
}

/** One lobby line: now and next with the badges a passer-by needs. */
export function presentLobbyRow(now: RoomNow, ctx: PresentContext): LobbyRowModel {
  const { labels, zone } = ctx;
  const door = presentDoor(now, ctx);
  const s = now.current;
  const nowText = s
    ? s.displayTitle
    : now.state === "done-for-today" || now.state === "event-over"
      ? labels.noMoreToday
      : (now.state === "between" || now.state === "before-event") && now.next
        ? labels.freeUntil(formatTime(now.next.start, zone))
        : "";
  const late = Math.max(s && now.state === "on" ? lateMinutes(s) : 0, now.next && now.nextDelayed ? lateMinutes(now.next) : 0);
  const moved = door.skipped?.kind === "moved" ? door.skipped.note : door.current?.movedFrom ?? door.next?.movedFrom ?? null;
  return {
    roomId: now.roomId,
    roomName: ctx.roomName(now.roomId),
    now: nowText,
    nowTimes: s ? (now.state === "break" ? labels.breakUntil(labels.breakWord, formatTime(s.end, zone)) : timesOf(s, zone)) : "",
    next: now.next ? now.next.displayTitle : "",
    nextWhen: now.next ? door.next?.when ?? "" : "",
    delay: late > 0 ? `+${late} min` : null,
    cancelled: door.skipped?.kind === "cancelled" ? `${labels.cancelled}: ${door.skipped.title}` : null,
    moved,
    full: now.roomStatus === "full" ? labels.full : now.roomStatus === "closed" ? labels.roomClosed : null,
  };
}

/** The emergency announcement that takes over the screen, if any (the newest wins). */
export function emergencyOf(announcements: Announcement[]): Announcement | null {
  const emergencies = announcements.filter((a) => a.level === "emergency");
  return emergencies[emergencies.length - 1] ?? null;
}

export const MAX_BAND_ANNOUNCEMENTS = 3;

/** Info and warning announcements shown as a band, warnings first, bounded. */
export function bandOf(announcements: Announcement[]): Announcement[] {
  return announcements
    .filter((a) => a.level !== "emergency")
    .sort((a, b) => (a.level === b.level ? 0 : a.level === "warning" ? -1 : 1))
    .slice(0, MAX_BAND_ANNOUNCEMENTS);
}

/** Names of rooms by id, falling back to the id itself. */
export function roomNamer(rooms: Room[]): (roomId: string) => string {
  const names = new Map(rooms.map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}
