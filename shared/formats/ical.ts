// iCalendar as real producers write it (README §4): TZID without VTIMEZONE (resolved as IANA),
// UTC "Z" times, floating times in the venue zone, duplicate UIDs, and speakers in SUMMARY
// (frab, pretalx), DESCRIPTION ("Speaker: …", "von: …"), ATTENDEE or ORGANIZER.
import { ScheduleBuilder } from "./build.js";
import { parseDuration } from "./duration.js";
import { type IcalComponent, type IcalProperty, parseIcal, prop, props, unescapeText } from "./ical-lines.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { knownZone, localInstant, type ReadInstant, settleZone } from "./zone.js";

export const ICAL_FORMAT = "ical";

export function looksLikeIcal(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR/i.test(text.slice(0, 200));
}

function value(p: IcalProperty | undefined): string | null {
  return p ? unescapeText(p.value).trim() : null;
}

/** A DTSTART/DTEND value to an instant: "Z" is UTC, TZID names a zone, else `floatingZone`. */
function readDateTime(p: IcalProperty | undefined, floatingZone: string, knownTzids: Set<string>, b: ScheduleBuilder, label: string): ReadInstant | null {
  if (!p) return null;
  const v = p.value.trim();
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/i.exec(v);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const time = m[4] ? `${m[4]}:${m[5]}:${m[6] ?? "00"}` : "00:00";
  if (m[7]) {
    const at = localInstant(date, time, "UTC");
    return at === null ? null : { at, offset: 0 };
  }
  let zone = floatingZone;
  const tzid = p.params.TZID?.replace(/^\//, "");
  if (tzid) {
    if (knownZone(tzid)) zone = tzid;
    else b.warn({ path: `line ${p.line}`, line: p.line, message: `${label}: TZID "${tzid}" is not an IANA zone${knownTzids.has(tzid) ? " (its VTIMEZONE is not evaluated)" : ""}; read in ${floatingZone}` });
  }
  const at = localInstant(date, time, zone);
  return at === null ? null : { at, offset: null };
}

const SPEAKER_PREFIX = /^\s*(speakers?|referent(?:in|en)?|von|by|orateurs?|intervenants?)\s*:\s*([^\n]+)\n?/i;

export function importIcal(text: string, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const b = new ScheduleBuilder(ICAL_FORMAT);
  for (const r of repairs) b.repair(r);
  const { root, skipped } = parseIcal(text);
  const cal = root.children.find((c) => c.name === "VCALENDAR");
  if (!cal) return { ok: false, format: ICAL_FORMAT, errors: [{ path: "line 1", line: 1, message: "found BEGIN:VCALENDAR but no complete calendar" }] };
  if (skipped.length > 0) {
    b.repair({ path: `line ${skipped[0]}`, line: skipped[0]!, message: `skipped ${skipped.length} line(s) that are not iCalendar content lines (first at line ${skipped[0]})` });
  }
  const prodid = value(prop(cal, "PRODID")) ?? "";
  const speakersInSummary = /pretalx|frab|ri_cal|pentabarf/i.test(prodid);
  const knownTzids = new Set(cal.children.filter((c) => c.name === "VTIMEZONE").map((c) => value(prop(c, "TZID")) ?? ""));
  const events = cal.children.filter((c) => c.name === "VEVENT");
  // The venue zone: the user's, else X-WR-TIMEZONE, else the first IANA TZID, else a bogus
  // "VTIMEZONE: Europe/Rome" property line (MOCA), else the offsets.
  const candidates = [
    options.zone,
    value(prop(cal, "X-WR-TIMEZONE")),
    ...events.flatMap((e) => [prop(e, "DTSTART")?.params.TZID]),
    value(prop(cal, "VTIMEZONE")),
    ...[...knownTzids],
  ];
  if (options.zone && !knownZone(options.zone)) b.warn({ path: "(options)", message: `"${options.zone}" is not an IANA time zone; ignored` });
  const found = candidates.find((z): z is string => typeof z === "string" && knownZone(z.replace(/^\//, "")))?.replace(/^\//, "");
  const floating = found ?? "UTC";
  const uidCount = new Map<string, number>();
  for (const e of events) {
    const uid = value(prop(e, "UID"));
    if (uid) uidCount.set(uid, (uidCount.get(uid) ?? 0) + 1);
  }
  const instants: ReadInstant[] = [];
  events.forEach((e, i) => addEvent(e, i));

  function addEvent(e: IcalComponent, i: number): void {
    const where = { path: `VEVENT[${i + 1}]`, line: e.line };
    let title = value(prop(e, "SUMMARY")) ?? "";
    const label = `"${title || value(prop(e, "UID")) || "?"}"`;
    const start = readDateTime(prop(e, "DTSTART"), floating, knownTzids, b, label);
    if (!start) {
      b.warn({ ...where, message: `${label} has no readable DTSTART (${JSON.stringify(prop(e, "DTSTART")?.value ?? null)}); skipped` });
      return;
    }
    instants.push(start);
    let end = readDateTime(prop(e, "DTEND"), floating, knownTzids, b, label)?.at ?? null;
    if (end === null && prop(e, "DURATION")) {
      const d = parseDuration(value(prop(e, "DURATION")));
      if (d) end = start.at + d.minutes * 60_000;
      else b.warn({ ...where, message: `${label} has an unreadable DURATION "${value(prop(e, "DURATION"))}"` });
    }
    if (end === null && /^\d{8}$/.test(prop(e, "DTSTART")!.value.trim())) end = start.at + 24 * 3_600_000;
    let description = value(prop(e, "DESCRIPTION")) ?? "";
    // Speakers: a "Speakers: A, B" prefix (Indico, LCA) names them all; else ATTENDEE CNs
    // (Kielux); else ORGANIZER CN (HackerTracker writes the speaker there).
    const speakers: string[] = [];
    const prefix = SPEAKER_PREFIX.exec(description);
    if (prefix) {
      speakers.push(...prefix[2]!.split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|&)\s*/).map((s) => s.replace(/\s*\(.*\)\s*$/, "")));
      description = description.slice(prefix[0].length);
    }
    if (speakers.length === 0) for (const a of props(e, "ATTENDEE")) if (a.params.CN) speakers.push(a.params.CN);
    const organizer = prop(e, "ORGANIZER");
    if (speakers.length === 0 && organizer?.params.CN) speakers.push(organizer.params.CN);
    // frab and pretalx write "Title - Speaker A, Speaker B"; other producers use " - " in titles.
    if (speakersInSummary && speakers.length === 0) {
      const cut = title.lastIndexOf(" - ");
      if (cut > 0) {
        speakers.push(...title.slice(cut + 3).split(/\s*,\s*/));
        title = title.slice(0, cut);
      }
    }
    title = title.replace(/\s*-$/, "");
    const uid = value(prop(e, "UID"));
    const location = value(prop(e, "LOCATION"));
    b.add({
      identity: uid && (uidCount.get(uid) ?? 0) === 1 ? { guid: uid } : { id: uid },
      room: location ? location.replace(/\s*\([^()]*\)\s*$/, "") || location : null,
      title,
      type: mapSessionType(value(prop(e, "CATEGORIES")), title),
      start: start.at,
      end,
      speakers,
      abstract: description,
      track: value(prop(e, "CATEGORIES")),
      url: value(prop(e, "URL")),
      cancelled: /CANCELLED/i.test(value(prop(e, "STATUS")) ?? ""),
      where,
    });
  }

  const zone = settleZone({ zone: floating, known: found !== undefined }, options.zone, instants, b, "VCALENDAR");
  return b.finish({ title: value(prop(cal, "X-WR-CALNAME")), timeZone: zone, dayChangeHour: options.defaultDayChangeHour ?? null });
}
