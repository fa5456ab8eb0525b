// pretalx widget data (README §3): talks reference rooms, tracks and speakers by id; breaks
// are slots without a code; names may be I18n maps; break start and end may carry different
// offsets (compare instants, never strings).
import { ScheduleBuilder } from "./build.js";
import { arr, isObject, type Json, localized, obj, str } from "./json-util.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { type ReadInstant, readInstant, settleZone, zoneBeforeParsing } from "./zone.js";

export const PRETALX_WIDGET_FORMAT = "pretalx-widget";

export function looksLikePretalxWidget(json: Json): boolean {
  const o = obj(json);
  return Array.isArray(o.talks) && Array.isArray(o.rooms) && ("timezone" in o || "event_start" in o || "speakers" in o);
}

export function importPretalxWidget(json: Json, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const b = new ScheduleBuilder(PRETALX_WIDGET_FORMAT);
  for (const r of repairs) b.repair(r);
  const o = obj(json);
  const chosen = zoneBeforeParsing(options.zone, o.timezone, b, "timezone");
  const rooms = new Map<string, string>();
  for (const r of arr(o.rooms)) {
    const id = str(obj(r).id);
    const name = localized(obj(r).name);
    if (id !== null && name) {
      rooms.set(id, name);
      b.room(name, `pretalx-room-${id}`);
    }
  }
  const tracks = new Map(arr(o.tracks).map((t) => [str(obj(t).id) ?? "", localized(obj(t).name)]));
  const speakers = new Map(arr(o.speakers).map((s) => [str(obj(s).code) ?? "", str(obj(s).name)]));
  const instants: ReadInstant[] = [];
  arr(o.talks).forEach((tJson, i) => {
    const t = obj(tJson);
    const where = { path: `talks.${i}` };
    const title = localized(t.title);
    const start = readInstant(t.start, chosen.zone);
    if (!start) {
      b.warn({ ...where, message: `"${title ?? str(t.code) ?? "?"}" has no readable start (${JSON.stringify(t.start ?? null)}); skipped` });
      return;
    }
    instants.push(start);
    let end = readInstant(t.end, chosen.zone)?.at ?? null;
    if (end === null && typeof t.duration === "number") end = start.at + t.duration * 60_000;
    const roomId = str(t.room);
    const roomName = roomId !== null ? (rooms.get(roomId) ?? null) : null;
    if (roomId !== null && roomName === null) b.warn({ ...where, message: `"${title ?? "?"}" refers to unknown room id ${roomId}` });
    const code = str(t.code);
    const isBreak = code === null && ("slot_type" in t || !("speakers" in t));
    b.add({
      identity: { code, id: code === null ? `slot-${str(t.id) ?? i}` : str(t.id) },
      room: roomName,
      roomSourceId: roomId !== null ? `pretalx-room-${roomId}` : null,
      title,
      type: isBreak ? (mapSessionType(null, title ?? "") === "lunch" ? "lunch" : "break") : mapSessionType(null, title ?? ""),
      start: start.at,
      end,
      speakers: arr(t.speakers).map((s) => (isObject(s) ? str(obj(s).name) : speakers.get(str(s) ?? "") ?? null)),
      abstract: localized(t.abstract),
      track: tracks.get(str(t.track) ?? "") ?? null,
      language: str(t.content_locale),
      cancelled: /cancel/i.test(str(t.state) ?? ""),
      where,
    });
  });
  const zone = settleZone(chosen, options.zone, instants, b, "timezone");
  return b.finish({ title: null, timeZone: zone, dayChangeHour: options.defaultDayChangeHour ?? null });
}
