// c3voc / frab / pretalx classic "schedule.json" (README §2.1–2.3): rooms are the keys of
// days[].rooms; persons come in three shapes; newer pretalx writes an explicit `end`.
import { DEFAULT_DAY_CHANGE_HOUR } from "../model.js";
import { ScheduleBuilder } from "./build.js";
import { parseDuration } from "./duration.js";
import { arr, isObject, type Json, obj, personName, str } from "./json-util.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { clockMinutes, type ReadInstant, readInstant, settleZone, zoneBeforeParsing } from "./zone.js";

export const C3VOC_JSON_FORMAT = "c3voc-json";

/** `schedule.conference.days[]`: with room maps, or (an empty export, a broken one) with a title. */
export function looksLikeC3vocJson(json: Json): boolean {
  const conf = obj(obj(obj(json).schedule).conference);
  if (!Array.isArray(conf.days)) return false;
  return arr(conf.days).some((d) => isObject(obj(d).rooms)) || "title" in conf;
}

interface Options {
  zone?: string;
  defaultDayChangeHour?: number;
}

export function importC3vocJson(json: Json, repairs: ImportProblem[], options: Options): ImportResult {
  const b = new ScheduleBuilder(C3VOC_JSON_FORMAT);
  for (const r of repairs) b.repair(r);
  const schedule = obj(obj(json).schedule);
  const conf = obj(schedule.conference);
  const pretalx = /pretalx/i.test(str(obj(obj(json).generator).name) ?? "") || /pretalx/i.test(str(schedule.base_url) ?? "");
  const chosen = zoneBeforeParsing(options.zone, conf.time_zone_name, b, "schedule.conference.time_zone_name");
  const roomGuid = new Map<string, string>();
  for (const r of arr(conf.rooms)) {
    const name = str(obj(r).name);
    const id = str(obj(r).guid) ?? str(obj(r).slug);
    if (name && id && !roomGuid.has(name.trim())) roomGuid.set(name.trim(), id);
  }
  for (const r of arr(conf.rooms)) if (str(obj(r).name)) b.room(str(obj(r).name), roomGuid.get(str(obj(r).name)!.trim()));
  const instants: ReadInstant[] = [];
  const days = arr(conf.days);
  days.forEach((dayJson, di) => {
    const day = obj(dayJson);
    const dayPath = `schedule.conference.days.${di}`;
    const window = {
      label: str(day.date) ?? `#${str(day.index) ?? di}`,
      start: readInstant(day.day_start, chosen.zone)?.at ?? null,
      end: readInstant(day.day_end, chosen.zone)?.at ?? null,
    };
    for (const [roomName, events] of Object.entries(obj(day.rooms))) {
      b.room(roomName, roomGuid.get(roomName.trim()));
      arr(events).forEach((evJson, ei) => {
        const ev = obj(evJson);
        const where = { path: `${dayPath}.rooms.${roomName}.${ei}` };
        const title = str(ev.title);
        const label = `"${(title ?? "").trim() || str(ev.id) || "?"}"`;
        const ownRoom = str(ev.room)?.trim();
        if (ownRoom && ownRoom !== roomName.trim()) b.warn({ ...where, message: `${label} is listed under room "${roomName}" but names room "${ownRoom}"; the listing wins` });
        const start = readInstant(ev.date, chosen.zone);
        if (!start) {
          b.warn({ ...where, message: `${label} has no readable "date" (${JSON.stringify(ev.date ?? null)}); skipped` });
          return;
        }
        instants.push(start);
        let end: number | null = null;
        const explicitEnd = readInstant(ev.end, chosen.zone);
        if (explicitEnd) end = explicitEnd.at;
        else {
          const duration = parseDuration(str(ev.duration), { pretalx });
          if (duration) end = start.at + duration.minutes * 60_000;
          else if (ev.duration !== undefined && ev.duration !== null && ev.duration !== "") {
            b.warn({ ...where, message: `${label} has an unreadable duration ${JSON.stringify(ev.duration)}; it ends at the next session` });
          }
          if (duration?.ambiguous) b.warn({ ...where, message: `${label} has the three-part duration "${str(ev.duration)}", read as ${pretalx ? "D:HH:MM" : "HH:MM:SS"}` });
        }
        b.add({
          identity: { guid: str(ev.guid), code: str(ev.code), id: str(ev.id) },
          room: roomName,
          roomSourceId: roomGuid.get(roomName.trim()) ?? null,
          title,
          type: mapSessionType(str(ev.type), title ?? ""),
          start: start.at,
          end,
          speakers: arr(ev.persons).map(personName),
          abstract: str(ev.abstract)?.trim() ? str(ev.abstract) : str(ev.description),
          track: str(ev.track),
          language: str(ev.language),
          url: str(ev.url),
          cancelled: /cancel/i.test(str(ev.state) ?? ""),
          where,
          day: window,
        });
      });
    }
  });
  const zone = settleZone(chosen, options.zone, instants, b, "schedule.conference.time_zone_name");
  const changeHour = dayChangeFrom(str(conf.day_change)) ?? options.defaultDayChangeHour ?? DEFAULT_DAY_CHANGE_HOUR;
  return b.finish({
    id: str(conf.acronym) ?? str(conf.title),
    title: str(conf.title),
    timeZone: zone,
    dayChangeHour: changeHour,
    url: str(conf.url) ?? str(schedule.url) ?? str(schedule.base_url),
    declaredDays: days.length,
  });
}

function dayChangeFrom(text: string | null): number | null {
  const minutes = clockMinutes(text);
  return minutes === null ? null : Math.floor(minutes / 60);
}
