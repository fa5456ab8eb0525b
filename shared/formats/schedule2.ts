// c3voc "schedule2" (README §2.4): a flat schedule.events[] with start/end datetimes,
// room objects, participants, and a `state` — CANCELED imports as a cancelled session.
import { ScheduleBuilder } from "./build.js";
import { arr, type Json, localized, obj, personName, str } from "./json-util.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { type ReadInstant, readInstant, settleZone, zoneBeforeParsing } from "./zone.js";

export const SCHEDULE2_FORMAT = "c3voc-schedule2";

export function looksLikeSchedule2(json: Json): boolean {
  return Array.isArray(obj(obj(json).schedule).events);
}

export function importSchedule2(json: Json, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const b = new ScheduleBuilder(SCHEDULE2_FORMAT);
  for (const r of repairs) b.repair(r);
  const schedule = obj(obj(json).schedule);
  const conf = obj(schedule.conference);
  const chosen = zoneBeforeParsing(options.zone, conf.time_zone_name, b, "schedule.conference.time_zone_name");
  for (const r of arr(conf.rooms)) b.room(localized(obj(r).name), str(obj(r).guid) ?? str(obj(r).slug));
  const days = arr(conf.days).map((d, i) => ({
    label: str(obj(d).date) ?? `#${i + 1}`,
    start: readInstant(obj(d).start, chosen.zone)?.at ?? null,
    end: readInstant(obj(d).end, chosen.zone)?.at ?? null,
  }));
  const instants: ReadInstant[] = [];
  arr(schedule.events).forEach((evJson, i) => {
    const ev = obj(evJson);
    const where = { path: `schedule.events.${i}` };
    const title = localized(ev.title);
    const label = `"${(title ?? "").trim() || str(ev.guid) || "?"}"`;
    const start = readInstant(ev.start, chosen.zone);
    if (!start) {
      b.warn({ ...where, message: `${label} has no readable "start" (${JSON.stringify(ev.start ?? null)}); skipped` });
      return;
    }
    instants.push(start);
    const end = readInstant(ev.end, chosen.zone);
    if (!end && ev.end !== undefined && ev.end !== null) b.warn({ ...where, message: `${label} has an unreadable "end" ${JSON.stringify(ev.end)}; it ends at the next session` });
    const room = obj(ev.room);
    const roomName = localized(room.name) ?? str(ev.room);
    const state = (str(ev.state) ?? "").toUpperCase();
    const type = (str(ev.type) ?? "").toUpperCase();
    const day = days.find((d) => d.start !== null && d.end !== null && start.at >= d.start && start.at < d.end);
    b.add({
      identity: { guid: str(ev.guid), code: str(ev.code), id: str(ev.id) },
      room: roomName,
      roomSourceId: str(room.guid) ?? str(room.slug),
      title,
      type: type === "BREAK" ? "break" : mapSessionType(type, title ?? ""),
      start: start.at,
      end: end?.at ?? null,
      speakers: speakersOf(arr(ev.participants ?? ev.persons)),
      abstract: localized(ev.abstract)?.trim() ? localized(ev.abstract) : localized(ev.description),
      track: localized(obj(ev.track).name) ?? str(obj(ev.track).slug) ?? str(ev.track),
      language: str(ev.language),
      url: str(ev.url),
      cancelled: state === "CANCELED" || state === "CANCELLED",
      where,
      ...(day ? { day } : {}),
    });
  });
  const zone = settleZone(chosen, options.zone, instants, b, "schedule.conference.time_zone_name");
  return b.finish({
    id: str(conf.acronym) ?? str(conf.title),
    title: localized(conf.title),
    timeZone: zone,
    dayChangeHour: options.defaultDayChangeHour ?? null,
    url: str(conf.url) ?? str(schedule.base_url),
    declaredDays: days.length > 0 ? days.length : null,
  });
}

/** Speakers when roles say who speaks; everyone listed otherwise. */
function speakersOf(people: Json[]): Array<string | null> {
  const speaking = people.filter((p) => /SPEAKER/i.test(str(obj(p).role) ?? ""));
  return (speaking.length > 0 ? speaking : people).map(personName);
}
