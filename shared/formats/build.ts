// Every importer feeds its sessions into one ScheduleBuilder, which cleans the text, assigns
// stable room ids and session keys, checks the whole schedule (duplicates, overlaps, sessions
// outside their day, long and zero durations) and writes the import report.
import { type Event, EventSchema, type Room, type Session, type SessionType, DEFAULT_DAY_CHANGE_HOUR, MAX_SPEAKERS } from "../model.js";
import { conferenceDay, formatTime, HOUR_MS, localDate } from "../time.js";
import { sessionKey, slugify, type SourceIdentity } from "./keys.js";
import { optionalLine, plainLine, plainText } from "./plain.js";
import type { ImportProblem, ImportReport, ImportResult } from "./types.js";

/** Where a session or value came from in the source: a path, and a 1-based line when known. */
export interface Where {
  path: string;
  line?: number;
}

/** One session as an importer read it; text is raw (the builder cleans it). */
export interface DraftSession {
  identity: SourceIdentity;
  /** Raw room name; null when the source has none. */
  room: string | null;
  roomSourceId?: string | null;
  title: string | null | undefined;
  type: SessionType;
  /** UTC ms. */
  start: number;
  /** UTC ms; null when the source gives no end or duration. */
  end: number | null;
  speakers?: Array<string | null | undefined>;
  abstract?: string | null;
  track?: unknown;
  language?: unknown;
  url?: unknown;
  cancelled?: boolean;
  where: Where;
  /** The source's own day window, when it declares one, for "outside its day" warnings. */
  day?: { label: string; start: number | null; end: number | null };
}

export interface EventMetaDraft {
  id?: string | null;
  title?: string | null;
  timeZone: string;
  dayChangeHour?: number | null;
  venue?: string | null;
  url?: string | null;
  /** Days the source declares (frab `<day>`, JSON `days[]`); else days are counted from sessions. */
  declaredDays?: number | null;
}

/** Sessions longer than this are background ("Learn To Solder", 12:59) and worth a warning. */
export const LONG_SESSION_MS = 8 * HOUR_MS;
/** A report lists at most this many warnings, then says how many more there were. */
export const MAX_REPORT_WARNINGS = 2000;
/** Name for sessions whose source gives no room (an iCal event without LOCATION). */
export const NO_ROOM_NAME = "General";
/** The most sessions an event holds (the model's bound). */
export const MAX_SESSIONS = 50_000;
/** Overlap checks compare a session with at most this many still-running ones. */
const MAX_ACTIVE_OVERLAPS = 32;

export class ScheduleBuilder {
  readonly warnings: ImportProblem[] = [];
  readonly repairs: ImportProblem[] = [];
  private dropped = 0;
  private overflow = 0;
  private readonly drafts: DraftSession[] = [];
  private readonly rooms = new Map<string, { name: string; sourceId: string | null }>();

  constructor(readonly format: string) {}

  warn(problem: ImportProblem): void {
    if (this.warnings.length < MAX_REPORT_WARNINGS) this.warnings.push(problem);
    else this.dropped++;
  }

  repair(problem: ImportProblem): void {
    if (this.repairs.length < MAX_REPORT_WARNINGS) this.repairs.push(problem);
  }

  /** Declares a room, also one without sessions (kept so screens can be assigned to it). */
  room(rawName: string | null | undefined, sourceId?: string | null): string {
    const name = plainLine(rawName ?? "", 200) || NO_ROOM_NAME;
    const existing = this.rooms.get(name);
    if (!existing) this.rooms.set(name, { name, sourceId: optionalLine(sourceId) });
    else if (!existing.sourceId && sourceId) existing.sourceId = optionalLine(sourceId);
    return name;
  }

  add(draft: DraftSession): void {
    // Bounded work on hostile input (a plenum session times a thousand rooms …).
    if (this.drafts.length >= MAX_SESSIONS) {
      this.overflow++;
      return;
    }
    this.room(draft.room, draft.roomSourceId);
    this.drafts.push(draft);
  }

  get sessionCount(): number {
    return this.drafts.length;
  }

  finish(meta: EventMetaDraft): ImportResult {
    const zone = meta.timeZone;
    const dayChangeHour = meta.dayChangeHour ?? DEFAULT_DAY_CHANGE_HOUR;
    const rooms = this.assignRoomIds();
    const roomIdByName = new Map(rooms.map((r) => [r.name, r.id]));
    const guidCount = countBy(this.drafts, (d) => d.identity.guid?.trim() || null);
    const idCount = countBy(this.drafts, (d) => d.identity.id?.trim() || null);
    const warnedIds = new Set<string>();
    const keys = new Map<string, number>();
    const sessions: Session[] = [];
    const whereByKey = new Map<string, Where>();

    for (const d of this.drafts) {
      const roomId = roomIdByName.get(plainLine(d.room ?? "", 200) || NO_ROOM_NAME) ?? rooms[0]!.id;
      const title = plainLine(d.title);
      const guid = d.identity.guid?.trim() || null;
      const guidUnique = guid !== null && (guidCount.get(guid) ?? 0) === 1;
      let key = sessionKey(d.identity, d.start, roomId, title, guidUnique);
      const at = { path: d.where.path, ...(d.where.line !== undefined ? { line: d.where.line } : {}) };
      if (guid && !guidUnique && !warnedIds.has(`g:${guid}`)) {
        warnedIds.add(`g:${guid}`);
        this.warn({ ...at, sessionKey: key, message: `guid "${guid}" is used by ${guidCount.get(guid)} sessions; they are keyed by code, id or content instead` });
      }
      const id = d.identity.id?.trim() || null;
      if (id && (idCount.get(id) ?? 0) > 1 && !warnedIds.has(`i:${id}`)) {
        warnedIds.add(`i:${id}`);
        this.warn({ ...at, sessionKey: key, message: `id "${id}" is used by ${idCount.get(id)} sessions (repeat slots or a merged file); ids are not used as keys alone` });
      }
      const seen = keys.get(key) ?? 0;
      keys.set(key, seen + 1);
      if (seen > 0) {
        const unique = `${key.slice(0, 190)}~${seen + 1}`;
        this.warn({ ...at, sessionKey: unique, message: `"${title}" has the same identity as an earlier session (key "${key}"); keyed "${unique}"` });
        key = unique;
      }
      let end = d.end;
      if (end !== null && end < d.start) {
        this.warn({ ...at, sessionKey: key, message: `"${title}" ends before it starts; its end is ignored` });
        end = null;
      }
      const speakers = [...new Set((d.speakers ?? []).map((s) => plainLine(s ?? "", 200)).filter((s) => s.length > 0))].slice(0, MAX_SPEAKERS);
      sessions.push({
        key,
        roomId,
        title,
        untitled: title.length === 0,
        type: d.type,
        start: d.start,
        end,
        speakers,
        abstract: plainText(d.abstract ?? ""),
        track: optionalLine(d.track),
        language: optionalLine(d.language, 50),
        url: optionalLine(d.url, 2000),
        cancelled: d.cancelled ?? false,
      });
      whereByKey.set(key, at);
      this.checkSession(sessions[sessions.length - 1]!, at, d.day, zone);
    }
    this.checkOverlaps(sessions, rooms, whereByKey, zone);
    if (this.overflow > 0) this.warnings.push({ path: "(document)", message: `${this.overflow} sessions beyond the limit of ${MAX_SESSIONS} were not imported` });
    if (this.dropped > 0) this.warnings.push({ path: "(report)", message: `${this.dropped} more warnings are not listed` });

    const order = new Map(rooms.map((r, i) => [r.id, i]));
    sessions.sort((a, b) => (order.get(a.roomId)! - order.get(b.roomId)!) || a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const title = plainLine(meta.title ?? "", 300) || "Imported schedule";
    const candidate = {
      id: plainLine(meta.id ?? "", 200) ? slugify(plainLine(meta.id ?? "", 200)) : slugify(title),
      title,
      timeZone: zone,
      dayChangeHour,
      venue: optionalLine(meta.venue, 300),
      url: optionalLine(meta.url, 2000),
      rooms,
      sessions,
    };
    const parsed = EventSchema.safeParse(candidate);
    if (!parsed.success) {
      return {
        ok: false,
        format: this.format,
        errors: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message })),
      };
    }
    const event: Event = parsed.data;
    const days = meta.declaredDays ?? new Set(sessions.map((s) => conferenceDay(s.start, zone, dayChangeHour))).size;
    const report: ImportReport = {
      format: this.format,
      days,
      rooms: rooms.length,
      sessions: sessions.length,
      warnings: this.warnings,
      repairs: this.repairs,
    };
    return { ok: true, event, report };
  }

  private assignRoomIds(): Room[] {
    const used = new Set<string>();
    const rooms: Room[] = [];
    let order = 0;
    for (const { name, sourceId } of this.rooms.values()) {
      const base = slugify(name);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      rooms.push({ id, name, order: order++, ...(sourceId ? { sourceId } : {}) });
    }
    if (rooms.length === 0 && this.drafts.length > 0) rooms.push({ id: slugify(NO_ROOM_NAME), name: NO_ROOM_NAME, order: 0 });
    return rooms;
  }

  private checkSession(s: Session, at: Where, day: DraftSession["day"], zone: string): void {
    // Formatting in a zone is costly: labels are built only for sessions that get a warning.
    const label = () => `"${s.title || "(untitled)"}" at ${localDate(s.start, zone)} ${formatTime(s.start, zone)}`;
    if (s.end !== null && s.end === s.start) this.warn({ ...at, sessionKey: s.key, message: `${label()} has a zero duration; it is shown as a point in time` });
    if (s.end !== null && s.end - s.start > LONG_SESSION_MS) {
      const hours = Math.round(((s.end - s.start) / HOUR_MS) * 10) / 10;
      this.warn({ ...at, sessionKey: s.key, message: `${label()} lasts ${hours} h (over 8 h); it is treated as a background session` });
    }
    if (day && ((day.start !== null && s.start < day.start) || (day.end !== null && s.start >= day.end))) {
      this.warn({ ...at, sessionKey: s.key, message: `${label()} starts outside its day ${day.label}` });
    }
  }

  private checkOverlaps(sessions: Session[], rooms: Room[], whereByKey: Map<string, Where>, zone: string): void {
    const byRoom = new Map<string, Session[]>(rooms.map((r) => [r.id, []]));
    for (const s of sessions) if (!s.cancelled && s.end !== null && s.end > s.start) byRoom.get(s.roomId)?.push(s);
    for (const list of byRoom.values()) {
      list.sort((a, b) => a.start - b.start);
      let active: Session[] = [];
      for (const s of list) {
        active = active.filter((a) => a.end! > s.start);
        for (const a of active) {
          this.warn({
            ...(whereByKey.get(s.key) ?? { path: s.key }),
            sessionKey: s.key,
            message: `"${s.title || "(untitled)"}" (${formatTime(s.start, zone)}) overlaps "${a.title || "(untitled)"}" (${formatTime(a.start, zone)}–${formatTime(a.end!, zone)}) in the same room`,
          });
        }
        active.push(s);
        // Bound the work on pathological input (thousands of sessions at one instant).
        if (active.length > MAX_ACTIVE_OVERLAPS) active = active.sort((x, y) => y.end! - x.end!).slice(0, MAX_ACTIVE_OVERLAPS);
      }
    }
  }
}

function countBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = keyOf(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
