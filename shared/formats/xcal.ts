// frab / Pentabarf xCal (README §4): <iCalendar><vcalendar><vevent> with floating
// <dtstart>20150811T160000</dtstart> (the venue zone applies), <duration>013000</duration>
// (HHMMSS), <attendee> per speaker ("Name, Organisation"), and a SUMMARY ending in "-".
import { ScheduleBuilder } from "./build.js";
import { parseCompactDuration } from "./duration.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { childText, children, type XmlElement } from "./xml.js";
import { knownZone, localInstant, type ReadInstant, settleZone } from "./zone.js";

export const XCAL_FORMAT = "xcal";

export function isXcalRoot(root: XmlElement): boolean {
  return /^(xcal:)?icalendar$/i.test(root.name);
}

function readXcalTime(raw: string | null, zone: string): ReadInstant | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})T?(\d{2}):?(\d{2}):?(\d{2})?(Z|[+-]\d{2}:?\d{2})?$/i.exec((raw ?? "").trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const time = `${m[4]}:${m[5]}:${m[6] ?? "00"}`;
  if (m[7]) {
    const sign = m[7].toUpperCase() === "Z" ? 0 : (m[7][0] === "-" ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
    const utc = localInstant(date, time, "UTC");
    return utc === null ? null : { at: utc - sign * 60_000, offset: sign };
  }
  const at = localInstant(date, time, zone);
  return at === null ? null : { at, offset: null };
}

export function importXcal(root: XmlElement, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const b = new ScheduleBuilder(XCAL_FORMAT);
  for (const r of repairs) b.repair(r);
  const cal = children(root, "vcalendar")[0] ?? children(root, "xCal:vcalendar")[0];
  if (!cal) return { ok: false, format: XCAL_FORMAT, errors: [{ path: root.name, line: root.line, message: `found an <${root.name}> root but no <vcalendar> inside` }] };
  if (children(cal, "vevent").length === 0 && children(cal, "components").length > 0) {
    return { ok: false, format: XCAL_FORMAT, errors: [{ path: `${root.name}/vcalendar/components`, line: cal.line, message: "recognised RFC 6321 xCal (<components>/<properties>), which Roomcast does not read; export the calendar as iCalendar (.ics) instead" }] };
  }
  const named = childText(cal, "x-wr-timezone")?.trim();
  if (options.zone && !knownZone(options.zone)) b.warn({ path: "(options)", message: `"${options.zone}" is not an IANA time zone; ignored` });
  const known = options.zone && knownZone(options.zone) ? options.zone : named && knownZone(named) ? named : null;
  const zone = known ?? "UTC";
  const instants: ReadInstant[] = [];
  const events = children(cal, "vevent");
  const uidCount = new Map<string, number>();
  for (const e of events) {
    const uid = childText(e, "uid")?.trim();
    if (uid) uidCount.set(uid, (uidCount.get(uid) ?? 0) + 1);
  }
  events.forEach((e, i) => {
    const where = { path: `vcalendar/vevent[${i + 1}]`, line: e.line };
    const title = (childText(e, "pentabarf:title") || childText(e, "summary") || "").replace(/\s*-\s*$/, "");
    const start = readXcalTime(childText(e, "dtstart"), zone);
    if (!start) {
      b.warn({ ...where, message: `"${title || "?"}" has no readable <dtstart> ("${childText(e, "dtstart") ?? ""}"); skipped` });
      return;
    }
    instants.push(start);
    let end = readXcalTime(childText(e, "dtend"), zone)?.at ?? null;
    const duration = childText(e, "duration");
    if (end === null && duration) {
      const minutes = parseCompactDuration(duration);
      if (minutes !== null) end = start.at + minutes * 60_000;
      else b.warn({ ...where, message: `"${title}" has an unreadable <duration> "${duration}"` });
    }
    const uid = childText(e, "uid")?.trim() || null;
    b.add({
      identity: uid && uidCount.get(uid) === 1 ? { guid: uid } : { id: childText(e, "pentabarf:event-id") ?? uid },
      room: childText(e, "location"),
      title,
      type: mapSessionType(childText(e, "category"), title),
      start: start.at,
      end,
      // Pentabarf writes "Name, Organisation": the name is the part before the first comma.
      speakers: children(e, "attendee").map((a) => a.text.split(",")[0] ?? ""),
      abstract: childText(e, "description"),
      track: childText(e, "category"),
      language: childText(e, "pentabarf:language-code"),
      url: childText(e, "url"),
      cancelled: /cancel/i.test(childText(e, "status") ?? ""),
      where,
    });
  });
  const settled = settleZone({ zone, known: known !== null }, options.zone, instants, b, "vcalendar");
  return b.finish({ title: childText(cal, "x-wr-calname"), timeZone: settled, dayChangeHour: options.defaultDayChangeHour ?? null });
}
