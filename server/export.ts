// Exports of the effective schedule: Roomcast JSON (re-importable: effective times become the
// times, cancelled sessions stay cancelled) and iCalendar for calendars and phones.
import type { EffectiveSchedule, Event } from "../shared/model.js";

/** The effective schedule as an Event; moved-out markers are dropped (the session is in its new room). */
export function effectiveToEvent(effective: EffectiveSchedule): Event {
  return {
    ...effective.event,
    rooms: effective.rooms,
    sessions: effective.sessions
      .filter((s) => s.status !== "moved-out")
      .map((s) => ({
        key: s.key,
        roomId: s.roomId,
        title: s.title,
        untitled: s.untitled,
        type: s.type,
        start: s.start,
        end: s.end,
        speakers: s.speakers,
        abstract: s.abstract,
        track: s.track,
        language: s.language,
        url: s.url,
        cancelled: s.status === "cancelled",
      })),
  };
}

const icsText = (text: string) => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const icsTime = (at: number) => new Date(at).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

// RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space.
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  }
  return parts.join("\r\n ");
}

/** iCalendar text of the effective schedule; times in UTC so no VTIMEZONE is needed. */
export function toIcs(effective: EffectiveSchedule, stampAt: number): string {
  const rooms = new Map(effective.rooms.map((r) => [r.id, r.name]));
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Roomcast//Effective schedule//EN", `X-WR-CALNAME:${icsText(effective.event.title)}`];
  for (const s of effective.sessions) {
    if (s.status === "moved-out") continue;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${icsText(s.key)}@${icsText(effective.event.id)}.roomcast`,
      `DTSTAMP:${icsTime(stampAt)}`,
      `DTSTART:${icsTime(s.start)}`,
      `DTEND:${icsTime(s.end)}`,
      `SUMMARY:${icsText(s.displayTitle)}`,
      `LOCATION:${icsText(rooms.get(s.roomId) ?? s.roomId)}`,
    );
    const description = [s.speakers.join(", "), s.abstract].filter(Boolean).join("\n\n");
    if (description) lines.push(`DESCRIPTION:${icsText(description)}`);
    if (s.status === "cancelled") lines.push("STATUS:CANCELLED");
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
