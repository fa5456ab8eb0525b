// Small builders for engine tests: events from local wall-clock times in a pinned zone, and
// stamped changes with increasing sequence numbers.
import { DateTime } from "luxon";
import { type Change, type ChangeInputRaw, ChangeInputSchema, type Event, EventSchema, type SessionInput } from "../../../shared/model.js";

/** UTC ms of a local wall-clock text ("2025-03-06 11:15") in `zone`. */
export function local(text: string, zone: string): number {
  const dt = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone });
  if (!dt.isValid) throw new Error(`bad local time ${text} in ${zone}`);
  return dt.toMillis();
}

export interface RoomSpec {
  id: string;
  name?: string;
}

export function makeEvent(opts: {
  zone: string;
  rooms: RoomSpec[];
  sessions: SessionInput[];
  dayChangeHour?: number;
  defaultSessionMinutes?: number;
}): Event {
  return EventSchema.parse({
    id: "test-event",
    title: "Test event",
    timeZone: opts.zone,
    dayChangeHour: opts.dayChangeHour,
    defaultSessionMinutes: opts.defaultSessionMinutes,
    rooms: opts.rooms.map((r, i) => ({ id: r.id, name: r.name ?? r.id, order: i })),
    sessions: opts.sessions,
  });
}

/** A session from "HH:mm" local times on `date` ("2025-03-06"). */
export function slot(
  zone: string,
  date: string,
  key: string,
  roomId: string,
  from: string,
  to: string | null,
  extra: Partial<SessionInput> = {},
): SessionInput {
  return {
    key,
    roomId,
    title: key,
    start: local(`${date} ${from}`, zone),
    end: to === null ? null : local(`${date} ${to}`, zone),
    ...extra,
  };
}

/** Stamps change inputs like the hub does: ids c1, c2 …, increasing seq, hub time `at`. */
export class ChangeLog {
  readonly changes: Change[] = [];

  add(input: ChangeInputRaw, at = 0, realAt = at): Change {
    const seq = this.changes.length + 1;
    const change = { ...ChangeInputSchema.parse(input), id: `c${seq}`, seq, at, realAt, author: "organizer" } as Change;
    this.changes.push(change);
    return change;
  }
}
