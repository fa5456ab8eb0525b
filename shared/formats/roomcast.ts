// Roomcast's own schedule JSON, version 1: the demo events, export and exact re-import.
// Instants in the file are ISO 8601 with an offset; in memory they are UTC epoch ms.
// The format is documented in docs/roomcast-json.md.
import { z } from "zod";
import { type Event, EventSchema, RoomSchema, SessionType } from "../model.js";
import { hasOffset, isValidZone, parseIso, toIso } from "../time.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { conferenceDay } from "../time.js";

export const ROOMCAST_FORMAT = "roomcast";
export const ROOMCAST_FORMAT_VERSION = 1;

const IsoWithOffset = z
  .string()
  .refine(hasOffset, { message: "expected ISO 8601 with an offset, e.g. 2025-03-06T09:15:00-08:00" });

const FileSession = z
  .object({
    key: z.string().min(1).max(200),
    room: z.string().min(1).max(200),
    title: z.string().max(500).default(""),
    untitled: z.boolean().default(false),
    type: SessionType.default("talk"),
    start: IsoWithOffset,
    end: IsoWithOffset.nullable().default(null),
    speakers: z.array(z.string().min(1).max(200)).max(50).default([]),
    abstract: z.string().max(20_000).default(""),
    track: z.string().max(200).nullable().default(null),
    language: z.string().max(50).nullable().default(null),
    url: z.string().max(2000).nullable().default(null),
    cancelled: z.boolean().default(false),
  })
  .strict();

export const RoomcastFileSchema = z
  .object({
    format: z.literal(ROOMCAST_FORMAT),
    version: z.literal(ROOMCAST_FORMAT_VERSION),
    event: z
      .object({
        id: z.string().min(1).max(200),
        title: z.string().min(1).max(300),
        timeZone: z.string().refine(isValidZone, { message: "expected an IANA time zone, e.g. Europe/Brussels" }),
        dayChangeHour: z.number().int().min(0).max(23).default(4),
        defaultSessionMinutes: z.number().int().min(1).max(1440).default(30),
        venue: z.string().max(300).nullable().default(null),
        url: z.string().max(2000).nullable().default(null),
      })
      .strict(),
    rooms: z.array(RoomSchema.strict()).min(1).max(1000),
    sessions: z.array(FileSession).max(50_000),
  })
  .strict();
export type RoomcastFile = z.infer<typeof RoomcastFileSchema>;

/** True when parsed JSON claims to be a Roomcast file. */
export function looksLikeRoomcast(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { format?: unknown }).format === ROOMCAST_FORMAT;
}

/** Validates a parsed Roomcast file and converts it to an Event; every problem names its field. */
export function fromRoomcastJson(json: unknown): ImportResult {
  const parsed = RoomcastFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      format: ROOMCAST_FORMAT,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message })),
    };
  }
  const file = parsed.data;
  const errors: ImportProblem[] = [];
  const zone = file.event.timeZone;
  const roomIds = new Set<string>();
  file.rooms.forEach((room, i) => {
    if (roomIds.has(room.id)) errors.push({ path: `rooms.${i}.id`, message: `duplicate room id "${room.id}"` });
    roomIds.add(room.id);
  });
  const keys = new Set<string>();
  const sessions = file.sessions.map((s, i) => {
    const path = `sessions.${i}`;
    if (keys.has(s.key)) errors.push({ path: `${path}.key`, sessionKey: s.key, message: `duplicate session key "${s.key}"` });
    keys.add(s.key);
    if (!roomIds.has(s.room)) {
      errors.push({ path: `${path}.room`, sessionKey: s.key, message: `unknown room "${s.room}"; expected one of the ids in "rooms"` });
    }
    const start = parseIso(s.start, zone);
    const end = s.end === null ? null : parseIso(s.end, zone);
    if (start === null) errors.push({ path: `${path}.start`, sessionKey: s.key, message: `"${s.start}" is not a valid ISO 8601 instant` });
    if (s.end !== null && end === null) errors.push({ path: `${path}.end`, sessionKey: s.key, message: `"${s.end}" is not a valid ISO 8601 instant` });
    if (start !== null && end !== null && end < start) {
      errors.push({ path: `${path}.end`, sessionKey: s.key, message: `ends (${s.end}) before it starts (${s.start})` });
    }
    if (!s.title.trim() && !s.untitled) {
      errors.push({ path: `${path}.title`, sessionKey: s.key, message: "empty title; set \"untitled\": true when the source has none" });
    }
    return {
      key: s.key,
      roomId: s.room,
      title: s.title.trim(),
      untitled: s.untitled,
      type: s.type,
      start: start ?? 0,
      end,
      speakers: s.speakers,
      abstract: s.abstract,
      track: s.track,
      language: s.language,
      url: s.url,
      cancelled: s.cancelled,
    };
  });
  if (errors.length > 0) return { ok: false, format: ROOMCAST_FORMAT, errors };
  const event = EventSchema.parse({ ...file.event, rooms: file.rooms, sessions });
  const days = new Set(sessions.map((s) => conferenceDay(s.start, zone, event.dayChangeHour)));
  return {
    ok: true,
    event,
    report: { format: ROOMCAST_FORMAT, days: days.size, rooms: event.rooms.length, sessions: sessions.length, warnings: [], repairs: [] },
  };
}

/** Writes an Event as a Roomcast file; `fromRoomcastJson(toRoomcastJson(e))` gives `e` back. */
export function toRoomcastJson(event: Event): RoomcastFile {
  const zone = event.timeZone;
  return {
    format: ROOMCAST_FORMAT,
    version: ROOMCAST_FORMAT_VERSION,
    event: {
      id: event.id,
      title: event.title,
      timeZone: zone,
      dayChangeHour: event.dayChangeHour,
      defaultSessionMinutes: event.defaultSessionMinutes,
      venue: event.venue,
      url: event.url,
    },
    rooms: event.rooms.map((r) => ({ ...r })),
    sessions: event.sessions.map((s) => ({
      key: s.key,
      room: s.roomId,
      title: s.title,
      untitled: s.untitled,
      type: s.type,
      start: toIso(s.start, zone),
      end: s.end === null ? null : toIso(s.end, zone),
      speakers: s.speakers,
      abstract: s.abstract,
      track: s.track,
      language: s.language,
      url: s.url,
      cancelled: s.cancelled,
    })),
  };
}
