// frab's flat "events.json" (README §2.5): explicit start_time/end_time, room {name, id}.
import { ScheduleBuilder } from "./build.js";
import { arr, type Json, obj, personName, str } from "./json-util.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { type ReadInstant, readInstant, settleZone, zoneBeforeParsing } from "./zone.js";

export const FRAB_EVENTS_FORMAT = "frab-events-json";

export function looksLikeFrabEvents(json: Json): boolean {
  return Array.isArray(obj(obj(json).conference_events).events);
}

export function importFrabEvents(json: Json, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const b = new ScheduleBuilder(FRAB_EVENTS_FORMAT);
  for (const r of repairs) b.repair(r);
  const chosen = zoneBeforeParsing(options.zone, null, b, "conference_events");
  const instants: ReadInstant[] = [];
  arr(obj(obj(json).conference_events).events).forEach((evJson, i) => {
    const ev = obj(evJson);
    const where = { path: `conference_events.events.${i}` };
    const title = str(ev.title);
    const start = readInstant(ev.start_time, chosen.zone);
    if (!start) {
      b.warn({ ...where, message: `"${title ?? str(ev.id) ?? "?"}" has no readable start_time (${JSON.stringify(ev.start_time ?? null)}); skipped` });
      return;
    }
    instants.push(start);
    const room = obj(ev.room);
    b.add({
      identity: { guid: str(ev.guid), id: str(ev.id) },
      room: str(room.name) ?? str(ev.room),
      roomSourceId: null,
      title,
      type: mapSessionType(str(ev.type), title ?? ""),
      start: start.at,
      end: readInstant(ev.end_time, chosen.zone)?.at ?? null,
      speakers: arr(ev.speakers).map(personName),
      abstract: str(ev.abstract),
      where,
    });
  });
  const zone = settleZone(chosen, options.zone, instants, b, "conference_events");
  return b.finish({ title: null, timeZone: zone, dayChangeHour: options.defaultDayChangeHour ?? null });
}
