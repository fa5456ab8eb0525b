// The few c3voc schedule.json rules whose violation means the file was not produced by a
// schedule exporter (validator/json/schema.json): real exports bend many rules and are
// imported with warnings, but these are refused with the path and the rule.
import { arr, isObject, type Json, obj } from "./json-util.js";
import type { ImportProblem } from "./types.js";

const MAX_SHAPE_ERRORS = 20;

export function validateC3vocShape(json: Json): ImportProblem[] {
  const errors: ImportProblem[] = [];
  const schedule = obj(obj(json).schedule);
  if ("rooms" in schedule) {
    errors.push({ path: "schedule.rooms", message: `"rooms" is not allowed directly in "schedule" (the c3voc schema forbids it); rooms belong in "schedule.conference.rooms"` });
  }
  arr(obj(schedule.conference).days).forEach((day, di) => {
    if (errors.length >= MAX_SHAPE_ERRORS) return;
    if (!isObject(obj(day).rooms)) {
      errors.push({ path: `schedule.conference.days.${di}.rooms`, message: `expected an object mapping room names to events, found ${JSON.stringify(obj(day).rooms ?? null).slice(0, 40)}` });
      return;
    }
    for (const [room, events] of Object.entries(obj(obj(day).rooms))) {
      if (!Array.isArray(events)) {
        errors.push({ path: `schedule.conference.days.${di}.rooms.${room}`, message: "expected a list of events" });
        continue;
      }
      events.forEach((ev, ei) => {
        const id = obj(ev).id;
        if (errors.length < MAX_SHAPE_ERRORS && id !== undefined && !(typeof id === "number" && Number.isInteger(id))) {
          errors.push({ path: `schedule.conference.days.${di}.rooms.${room}.${ei}.id`, message: `id ${JSON.stringify(id)} must be an integer (c3voc schema)` });
        }
      });
    }
  });
  return errors;
}
