// The domain model. zod schemas are the source of every type; instants are UTC epoch
// milliseconds in memory and on the wire (files use ISO 8601 with offset, see formats/roomcast).
import { z } from "zod";
import { ALL_ROOMS_LOBBY_VIEW, LOBBY_VIEW_PATTERN, ROOM_VIEW_PATTERN } from "./views.js";

/** Epoch milliseconds, UTC. */
export const Instant = z.number().int().finite();
export type Instant = z.infer<typeof Instant>;

export const SESSION_TYPES = ["talk", "workshop", "lightning", "keynote", "break", "lunch", "social", "other"] as const;
export const SessionType = z.enum(SESSION_TYPES);
export type SessionType = z.infer<typeof SessionType>;

// Session types during which the room is "on a break": defined with the view helpers in
// shared/views, which screens load without zod.
export { BREAK_TYPES } from "./views.js";

const Id = z.string().min(1).max(200);
const Text = (max: number) => z.string().max(max);

export const MAX_TITLE_CHARS = 500;
export const MAX_ABSTRACT_CHARS = 20_000;
export const MAX_SPEAKERS = 50;

/** A place that can have a screen. `id` is stable across renames and re-imports. */
export const RoomSchema = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Sort key for lobby boards; lower first. */
  order: z.number().int(),
  /** The source's own id, guid or slug, used to keep `id` when the room is renamed upstream. */
  sourceId: z.string().max(200).optional(),
});
export type Room = z.infer<typeof RoomSchema>;

/** One imported slot in a room's timeline. */
export const SessionSchema = z.object({
  /** Stable across re-imports: guid, else code+start, else id+start+room, else a hash. */
  key: Id,
  roomId: Id,
  /** Empty when the source has no title; then `untitled` is true and screens derive one. */
  title: Text(MAX_TITLE_CHARS),
  untitled: z.boolean().default(false),
  type: SessionType.default("talk"),
  /** UTC epoch ms. */
  start: Instant,
  /** UTC epoch ms; null when the source gives only a start (see time rule 5). */
  end: Instant.nullable().default(null),
  speakers: z.array(z.string().min(1).max(200)).max(MAX_SPEAKERS).default([]),
  abstract: Text(MAX_ABSTRACT_CHARS).default(""),
  track: z.string().max(200).nullable().default(null),
  language: z.string().max(50).nullable().default(null),
  url: z.string().max(2000).nullable().default(null),
  /** Set when the source itself marks the session cancelled (e.g. schedule2 state CANCELED). */
  cancelled: z.boolean().default(false),
});
export type Session = z.infer<typeof SessionSchema>;
export type SessionInput = z.input<typeof SessionSchema>;

export const DEFAULT_DAY_CHANGE_HOUR = 4;
export const DEFAULT_SESSION_MINUTES = 30;

/** The conference, as imported. */
export const EventSchema = z.object({
  id: Id,
  title: z.string().min(1).max(300),
  /** IANA zone, e.g. "America/Los_Angeles"; every wall-clock text is rendered in it. */
  timeZone: z.string().min(1).max(100),
  /** Local hour at which one conference day ends and the next begins (rule 6). */
  dayChangeHour: z.number().int().min(0).max(23).default(DEFAULT_DAY_CHANGE_HOUR),
  /** Length given to a session without an end and without a later session in its room. */
  defaultSessionMinutes: z.number().int().min(1).max(24 * 60).default(DEFAULT_SESSION_MINUTES),
  venue: z.string().max(300).nullable().default(null),
  url: z.string().max(2000).nullable().default(null),
  rooms: z.array(RoomSchema).max(1000),
  sessions: z.array(SessionSchema).max(50_000),
});
export type Event = z.infer<typeof EventSchema>;
export type EventInput = z.input<typeof EventSchema>;

/** The event without its rooms and sessions, as screens receive it. */
export type EventMeta = Omit<Event, "rooms" | "sessions">;

// ---------------------------------------------------------------------------------------------
// Changes: what volunteers and organizers do. A ChangeInput is what a client sends; the hub
// stamps it into a Change (id, sequence, instants, author) before it is stored.

export const RoomStatus = z.enum(["open", "full", "closed"]);
export type RoomStatus = z.infer<typeof RoomStatus>;

export const AnnouncementLevel = z.enum(["info", "warning", "emergency"]);
export type AnnouncementLevel = z.infer<typeof AnnouncementLevel>;

export const AnnouncementTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("lobby") }),
  z.object({ kind: z.literal("rooms"), roomIds: z.array(Id).min(1).max(1000) }),
]);
export type AnnouncementTarget = z.infer<typeof AnnouncementTarget>;

export const MAX_ANNOUNCEMENT_CHARS = 500;
export const MAX_DELAY_MINUTES = 24 * 60;

const EditFields = z
  .object({
    title: z.string().min(1).max(MAX_TITLE_CHARS),
    speakers: z.array(z.string().min(1).max(200)).max(MAX_SPEAKERS),
    abstract: Text(MAX_ABSTRACT_CHARS),
    track: z.string().max(200).nullable(),
    type: SessionType,
  })
  .partial()
  .strict();

/** An ad-hoc session; the hub assigns the key when none is given. */
const AddedSession = z.object({
  key: Id.optional(),
  roomId: Id,
  title: z.string().min(1).max(MAX_TITLE_CHARS),
  type: SessionType.default("talk"),
  start: Instant,
  end: Instant,
  speakers: z.array(z.string().min(1).max(200)).max(MAX_SPEAKERS).default([]),
  abstract: Text(MAX_ABSTRACT_CHARS).default(""),
  track: z.string().max(200).nullable().default(null),
});

export const ChangeInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("delay"),
    sessionKey: Id,
    /** Minutes; negative pulls the session back. */
    minutes: z.number().int().min(-MAX_DELAY_MINUTES).max(MAX_DELAY_MINUTES),
    mode: z.enum(["absorb", "shift-all"]).default("absorb"),
  }),
  z.object({ kind: z.literal("started"), sessionKey: Id }),
  z.object({ kind: z.literal("ended"), sessionKey: Id }),
  z.object({ kind: z.literal("cancel"), sessionKey: Id }),
  z.object({ kind: z.literal("restore"), sessionKey: Id }),
  z.object({ kind: z.literal("move"), sessionKey: Id, roomId: Id }),
  z.object({ kind: z.literal("retime"), sessionKey: Id, start: Instant, end: Instant }),
  z.object({ kind: z.literal("edit"), sessionKey: Id, fields: EditFields }),
  z.object({ kind: z.literal("add"), session: AddedSession }),
  z.object({ kind: z.literal("room-status"), roomId: Id, status: RoomStatus }),
  z.object({
    kind: z.literal("announce"),
    /** Assigned by the hub when absent; a later announce with the same id replaces it. */
    announcementId: Id.optional(),
    text: z.string().trim().min(1).max(MAX_ANNOUNCEMENT_CHARS),
    level: AnnouncementLevel.default("info"),
    target: AnnouncementTarget.default({ kind: "all" }),
    /** Hub time, UTC epoch ms; absent means from now. */
    start: Instant.nullable().default(null),
    /** Hub time, UTC epoch ms; absent means until withdrawn. */
    end: Instant.nullable().default(null),
  }),
  z.object({ kind: z.literal("withdraw"), announcementId: Id }),
  z.object({ kind: z.literal("undo"), changeId: Id }),
  z.object({
    kind: z.literal("clock"),
    /** null returns to real time; otherwise jump the hub clock to `virtual` (UTC ms) running at `rate`. */
    set: z
      .object({ virtual: Instant, rate: z.number().min(0).max(3600) })
      .nullable(),
  }),
]);
export type ChangeInput = z.infer<typeof ChangeInputSchema>;
export type ChangeInputRaw = z.input<typeof ChangeInputSchema>;
export type ChangeKind = ChangeInput["kind"];

/** A stored change: the client's input plus what the hub stamped on it. */
export const ChangeSchema = z.intersection(
  ChangeInputSchema,
  z.object({
    /** Unique, assigned by the hub. */
    id: Id,
    /** 1-based position in the append-only log. */
    seq: z.number().int().min(1),
    /** Hub time (rehearsal clock when set), UTC epoch ms, when the change was applied. */
    at: Instant,
    /** Real time of the hub, UTC epoch ms, when the change was applied. */
    realAt: Instant,
    /** Who made it: "organizer" or a volunteer link's label. */
    author: z.string().min(1).max(200),
  }),
);
export type Change = z.infer<typeof ChangeSchema>;

// ---------------------------------------------------------------------------------------------
// The effective schedule: imported + changes. The only thing screens see.

export const SESSION_STATUSES = ["scheduled", "cancelled", "moved-in", "moved-out", "added"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface EffectiveSession {
  key: string;
  roomId: string;
  /** What screens print: the title, or a placeholder derived from the abstract when untitled. */
  displayTitle: string;
  title: string;
  untitled: boolean;
  type: SessionType;
  speakers: string[];
  abstract: string;
  track: string | null;
  language: string | null;
  url: string | null;
  /** Planned start/end from the import, UTC ms; `plannedEnd` is resolved by rule 5. */
  plannedStart: Instant;
  plannedEnd: Instant;
  /** Effective start/end after changes, UTC ms. */
  start: Instant;
  end: Instant;
  status: SessionStatus;
  /** For moved-out markers: the room it went to. For moved-in: the room it came from. */
  movedTo: string | null;
  movedFrom: string | null;
  /** The conference day it belongs to, "YYYY-MM-DD" in the event zone shifted by the day-change hour. */
  day: string;
  /** Ids of the changes that shaped this session, oldest first. */
  changeIds: string[];
}

export interface Announcement {
  id: string;
  text: string;
  level: AnnouncementLevel;
  target: AnnouncementTarget;
  /** Hub time, UTC ms; null means already active. */
  start: Instant | null;
  /** Hub time, UTC ms; null means until withdrawn. */
  end: Instant | null;
  author: string;
  changeId: string;
}

/** The rehearsal clock: hubNow = anchorVirtual + (realNow - anchorReal) * rate. */
export interface RehearsalClock {
  anchorVirtual: Instant;
  anchorReal: Instant;
  rate: number;
}

export interface OrphanedChange {
  changeId: string;
  reason: string;
}

export interface EffectiveSchedule {
  event: EventMeta;
  rooms: Room[];
  /** Sorted by room order, then start, then key. Includes cancelled sessions and moved-out markers. */
  sessions: EffectiveSession[];
  roomStatus: Record<string, RoomStatus>;
  announcements: Announcement[];
  /** null: the hub runs on real time. */
  clock: RehearsalClock | null;
  /** Changes that no longer apply (e.g. their session vanished in a re-import). */
  orphaned: OrphanedChange[];
}

/** What a screen shows. */
export const ViewSchema = z.union([
  z.string().regex(ROOM_VIEW_PATTERN),
  z.literal(ALL_ROOMS_LOBBY_VIEW),
  z.string().regex(LOBBY_VIEW_PATTERN),
]);
export type View = string;

// parseView(view): a view string's parts, null when malformed (accepts exactly what ViewSchema does).
export { parseView } from "./views.js";

// ---------------------------------------------------------------------------------------------
// What is on: the result of whatIsOn(effective, view, at) in shared/on-air.

export const ROOM_STATES = ["before-event", "on", "between", "break", "done-for-today", "event-over"] as const;
export type RoomState = (typeof ROOM_STATES)[number];

/** One room at one instant, as a door screen or a lobby line shows it. */
export interface RoomNow {
  roomId: string;
  state: RoomState;
  /** The session on now (the shortest containing the instant; background sessions only when nothing else). */
  current: EffectiveSession | null;
  /** Other sessions also containing the instant (overlaps, umbrella and background sessions). */
  alsoOn: EffectiveSession[];
  /** The next session that really runs in this room (never cancelled or moved out). */
  next: EffectiveSession | null;
  /** A cancelled or moved-out slot between now and `next` (or current in its slot), for "Cancelled" / "Moved to". */
  skipped: EffectiveSession | null;
  /** state "between": ms until `next` starts. */
  gapMs: number | null;
  /** state "done-for-today": first start of the room's next day, UTC ms. */
  nextDayStart: Instant | null;
  roomStatus: RoomStatus;
  /** The current session runs past its planned end. */
  overrunning: boolean;
  /** `next` starts later than planned. */
  nextDelayed: boolean;
  /** `next` starts within the starting-now window (or a zero-length session is at this instant). */
  startingNow: boolean;
}

export interface OnAir {
  at: Instant;
  /** In the event's room order; one entry for a room view. */
  rooms: RoomNow[];
  /** Announcements active at `at` that target this view. */
  announcements: Announcement[];
}
