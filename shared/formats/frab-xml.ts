// frab / Pentabarf schedule XML, every generation (README §1): with and without <room>
// wrappers, with and without <date>, day_change, durations H:MM … D:HH:MM, nested
// <attachment><title> (only direct children are read), UTC <date> beside local <start>.
import { DEFAULT_DAY_CHANGE_HOUR } from "../model.js";
import { type DraftSession, ScheduleBuilder } from "./build.js";
import { parseDuration } from "./duration.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { child, childText, children, type XmlElement } from "./xml.js";
import { addDays, clockMinutes, localInstant, type ReadInstant, readInstant, settleZone, zoneBeforeParsing } from "./zone.js";

export const FRAB_XML_FORMAT = "frab-xml";

/** Why a `<schedule>` root is not a frab schedule, or null when it is one. */
export function frabXmlMismatch(root: XmlElement): string | null {
  if (root.name !== "schedule") return `the root element is <${root.name}>, not <schedule>`;
  const days = children(root, "day");
  if (days.length === 0) {
    const seen = [...new Set(root.children.map((c) => `<${c.name}>`))].slice(0, 6).join(", ") || "nothing";
    return `found a <schedule> root containing ${seen}, but no <day> elements (a frab/Pentabarf schedule has <day><room><event>)`;
  }
  const inner = new Set(days.flatMap((d) => d.children.map((c) => c.name)));
  const hasEvents = days.some((d) => children(d, "event").length > 0 || children(d, "room").length > 0);
  if (!hasEvents && days.some((d) => d.children.length > 0)) {
    return `found <schedule><day> elements containing ${[...inner].slice(0, 6).map((n) => `<${n}>`).join(", ")}, but no <room> or <event> (not a frab/Pentabarf schedule)`;
  }
  return null;
}

interface Options {
  zone?: string;
  defaultDayChangeHour?: number;
}

export function importFrabXml(root: XmlElement, repairs: ImportProblem[], options: Options): ImportResult {
  const mismatch = frabXmlMismatch(root);
  if (mismatch) return { ok: false, format: null, errors: [{ path: "schedule", line: root.line, message: mismatch }] };
  const b = new ScheduleBuilder(FRAB_XML_FORMAT);
  for (const r of repairs) b.repair(r);
  const conf = child(root, "conference");
  const generator = child(root, "generator")?.attrs.name ?? "";
  const pretalx = /pretalx/i.test(generator);
  const named = conf ? childText(conf, "time_zone_name") : null;
  const chosen = zoneBeforeParsing(options.zone, named, b, "schedule/conference/time_zone_name");
  const dayChangeText = conf ? childText(conf, "day_change") : null;
  const dayChangeMinutes = clockMinutes(dayChangeText);
  if (dayChangeText && dayChangeMinutes === null) {
    b.warn({ path: "schedule/conference/day_change", line: child(conf!, "day_change")!.line, message: `day_change "${dayChangeText}" is not HH:MM[:SS]; using ${options.defaultDayChangeHour ?? DEFAULT_DAY_CHANGE_HOUR}:00` });
  }
  const dayChange = dayChangeMinutes ?? (options.defaultDayChangeHour ?? DEFAULT_DAY_CHANGE_HOUR) * 60;
  const instants: ReadInstant[] = [];
  const days = children(root, "day");

  days.forEach((day, di) => {
    const dayPath = `schedule/day[${di + 1}]`;
    const date = (day.attrs.date ?? "").trim();
    const dayStart = readInstant(day.attrs.start, chosen.zone);
    const dayEnd = readInstant(day.attrs.end, chosen.zone);
    const window = { label: date || `#${day.attrs.index ?? di + 1}`, start: dayStart?.at ?? null, end: dayEnd?.at ?? null };
    const rooms = children(day, "room");
    for (const room of rooms) b.room(room.attrs.name, room.attrs.guid ?? room.attrs.slug);
    // Pentabarf 2007 puts <event> straight under <day>; its <room> child is the only room.
    const events: Array<[XmlElement, XmlElement | null, string]> = [
      ...rooms.flatMap((room, ri) => children(room, "event").map((e, ei): [XmlElement, XmlElement | null, string] => [e, room, `${dayPath}/room[${ri + 1}]/event[${ei + 1}]`])),
      ...children(day, "event").map((e, ei): [XmlElement, XmlElement | null, string] => [e, null, `${dayPath}/event[${ei + 1}]`]),
    ];
    for (const [ev, room, path] of events) {
      const where = { path, line: ev.line };
      const title = childText(ev, "title");
      const label = `"${(title ?? "").trim() || ev.attrs.id || "?"}"`;
      const roomName = room?.attrs.name ?? childText(ev, "room");
      const ownRoom = childText(ev, "room")?.trim();
      if (room && ownRoom && room.attrs.name && ownRoom !== room.attrs.name.trim()) {
        b.warn({ ...where, message: `${label} is listed in room "${room.attrs.name}" but names room "${ownRoom}"; the listing wins` });
      }
      const start = eventStart(ev, date, dayChange, chosen.zone);
      if (start === null) {
        b.warn({ ...where, message: `${label} has no readable start (<date> "${childText(ev, "date") ?? ""}", <start> "${childText(ev, "start") ?? ""}" under day ${date || "?"}); skipped` });
        continue;
      }
      instants.push(start);
      const durationText = childText(ev, "duration");
      const duration = parseDuration(durationText, { pretalx });
      if (durationText !== null && durationText.trim() !== "" && duration === null) {
        b.warn({ ...where, message: `${label} has an unreadable duration "${durationText}"; it ends at the next session` });
      }
      if (duration?.ambiguous) {
        b.warn({ ...where, message: `${label} has the three-part duration "${durationText}", read as ${pretalx ? "D:HH:MM" : "HH:MM:SS"} (${duration.minutes} min)` });
      }
      const persons = child(ev, "persons");
      const draft: DraftSession = {
        identity: { guid: ev.attrs.guid, code: ev.attrs.code ?? childText(ev, "code"), id: ev.attrs.id },
        room: roomName,
        roomSourceId: room ? (room.attrs.guid ?? room.attrs.slug) : null,
        title,
        type: mapSessionType(childText(ev, "type"), title ?? ""),
        start: start.at,
        end: duration ? start.at + duration.minutes * 60_000 : null,
        speakers: persons ? children(persons, "person").map((p) => p.text) : [],
        abstract: nonEmpty(childText(ev, "abstract")) ?? childText(ev, "description"),
        track: childText(ev, "track"),
        language: childText(ev, "language"),
        url: childText(ev, "url"),
        where,
        day: window,
      };
      b.add(draft);
    }
  });

  const zone = settleZone(chosen, options.zone, instants, b, "schedule/conference/time_zone_name");
  return b.finish({
    id: conf ? (childText(conf, "acronym") ?? childText(conf, "title")) : null,
    title: conf ? childText(conf, "title") : null,
    timeZone: zone,
    dayChangeHour: Math.floor(dayChange / 60),
    venue: conf ? childText(conf, "venue") : null,
    url: conf ? (childText(conf, "url") ?? childText(conf, "base_url")) : null,
    declaredDays: days.length,
  });
}

function nonEmpty(text: string | null): string | null {
  return text && text.trim().length > 0 ? text : null;
}

/** README §1.6: <date> with an offset wins; else day@date + <start>, a day later before day_change. */
function eventStart(ev: XmlElement, dayDate: string, dayChangeMinutes: number, zone: string): ReadInstant | null {
  const date = readInstant(childText(ev, "date"), zone);
  if (date) return date;
  const startText = childText(ev, "start") ?? "";
  const minutes = clockMinutes(startText);
  if (minutes === null || !dayDate) return null;
  const listed = minutes < dayChangeMinutes ? addDays(dayDate, 1) : dayDate;
  const at = listed ? localInstant(listed, startText, zone) : null;
  return at === null ? null : { at, offset: null };
}
