// Sessionize "All" JSON (README §4): naive local startsAt/endsAt (the venue zone applies),
// speakers and rooms by id, service sessions are breaks, plenum sessions run in every room.
import { ScheduleBuilder } from "./build.js";
import { arr, type Json, obj, str } from "./json-util.js";
import { mapSessionType } from "./session-type.js";
import type { ImportProblem, ImportResult } from "./types.js";
import { type ReadInstant, readInstant, settleZone, zoneBeforeParsing } from "./zone.js";

export const SESSIONIZE_FORMAT = "sessionize";

export function looksLikeSessionize(json: Json): boolean {
  const o = obj(json);
  return Array.isArray(o.sessions) && Array.isArray(o.rooms) && arr(o.sessions).some((s) => "startsAt" in obj(s));
}

export function importSessionize(json: Json, repairs: ImportProblem[], options: { zone?: string; defaultDayChangeHour?: number }): ImportResult {
  const b = new ScheduleBuilder(SESSIONIZE_FORMAT);
  for (const r of repairs) b.repair(r);
  const o = obj(json);
  const chosen = zoneBeforeParsing(options.zone, null, b, "(sessionize)");
  const rooms = [...arr(o.rooms)].sort((x, y) => Number(obj(x).sort ?? 0) - Number(obj(y).sort ?? 0));
  const roomName = new Map<string, string>();
  for (const r of rooms) {
    const id = str(obj(r).id);
    const name = str(obj(r).name);
    if (id !== null && name) {
      roomName.set(id, name);
      b.room(name, `sessionize-${id}`);
    }
  }
  const speakers = new Map(arr(o.speakers).map((s) => [str(obj(s).id) ?? "", str(obj(s).fullName) ?? [str(obj(s).firstName), str(obj(s).lastName)].filter(Boolean).join(" ")]));
  const categories = new Map<string, string>();
  for (const c of arr(o.categories)) for (const item of arr(obj(c).items)) categories.set(str(obj(item).id) ?? "", `${str(obj(c).title) ?? ""}\u0000${str(obj(item).name) ?? ""}`);
  const instants: ReadInstant[] = [];
  let unscheduled = 0;
  arr(o.sessions).forEach((sJson, i) => {
    const s = obj(sJson);
    const where = { path: `sessions.${i}` };
    const title = str(s.title);
    const start = readInstant(s.startsAt, chosen.zone);
    if (!start) {
      unscheduled++;
      if (s.startsAt !== null && s.startsAt !== undefined) b.warn({ ...where, message: `"${title ?? "?"}" has an unreadable startsAt ${JSON.stringify(s.startsAt)}; skipped` });
      return;
    }
    instants.push(start);
    const cats = arr(s.categoryItems).map((c) => categories.get(str(c) ?? "")).filter((c): c is string => c !== undefined);
    const format = cats.find((c) => /format|type/i.test(c.split("\u0000")[0]!))?.split("\u0000")[1] ?? null;
    const track = cats.find((c) => /track|topic/i.test(c.split("\u0000")[0]!))?.split("\u0000")[1] ?? null;
    const plenum = s.isPlenumSession === true;
    const roomIds = plenum ? [...roomName.keys()] : [str(s.roomId) ?? ""];
    for (const roomId of roomIds) {
      b.add({
        identity: { guid: plenum ? `${str(s.id) ?? i}@${roomId}` : str(s.id) },
        room: roomName.get(roomId) ?? null,
        roomSourceId: roomName.has(roomId) ? `sessionize-${roomId}` : null,
        title,
        type: s.isServiceSession === true ? serviceType(title ?? "") : mapSessionType(format, title ?? ""),
        start: start.at,
        end: readInstant(s.endsAt, chosen.zone)?.at ?? null,
        speakers: arr(s.speakers).map((sp) => (typeof sp === "string" ? (speakers.get(sp) ?? null) : str(obj(sp).name))),
        abstract: str(s.description),
        track,
        url: str(s.liveUrl),
        cancelled: /cancel/i.test(str(s.status) ?? ""),
        where,
      });
    }
  });
  if (unscheduled > 0) b.warn({ path: "sessions", message: `${unscheduled} sessions have no start (not yet scheduled); skipped` });
  const zone = settleZone(chosen, options.zone, instants, b, "(sessionize)");
  return b.finish({ title: null, timeZone: zone, dayChangeHour: options.defaultDayChangeHour ?? null });
}

/** A service session is a break, a meal or a social slot; its title says which. */
function serviceType(title: string): "lunch" | "social" | "break" {
  const t = mapSessionType(null, title);
  if (t === "lunch") return "lunch";
  return /party|social|drinks|reception|happy hour/i.test(title) ? "social" : "break";
}
