// The preview of a re-import: what changes, which rooms' screens change, which volunteers'
// changes no longer apply.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../shared/formats/index.js";
import { reconcileRooms } from "../../shared/formats/reconcile.js";
import type { Event } from "../../shared/model.js";
import { diffImport } from "../../server/import/diff.js";
import { stamped } from "./import-support.js";

const FIXTURE = readFileSync(resolve(import.meta.dirname, "../fixtures/formats/schedule2-cancelled.json"), "utf8");

function load(text: string): Event {
  const result = importSchedule({ text });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.event;
}

const STILL_ON = "e2000000-0000-4000-8000-000000000001";
const CALLED_OFF = "e2000000-0000-4000-8000-000000000002";

// The updated file: "Still on" moves to 11:10, "Called off" disappears, a new talk appears
// in a new room, and Saal 1 is renamed (its guid stays).
function updated(): string {
  const json = JSON.parse(FIXTURE);
  const events = json.schedule.events;
  events[0].start = "2024-12-27T11:10:00+01:00";
  events[0].end = "2024-12-27T11:50:00+01:00";
  events.splice(1, 1);
  events.push({ guid: "e2000000-0000-4000-8000-000000000009", type: "TALK", start: "2024-12-27T14:00:00+01:00", end: "2024-12-27T14:30:00+01:00", room: { name: "Saal Zwei", guid: "new-room-guid" }, title: "Fresh" });
  json.schedule.conference.rooms[0].name = "Saal Eins";
  for (const e of events) if (e.room?.guid === "ba692ba3-421b-5371-8309-60acc34a3c05" || e.room?.name === "Saal 1") e.room.name = "Saal Eins";
  return JSON.stringify(json);
}

describe("the diff of a re-import", () => {
  const current = load(FIXTURE);
  const { event: next, renamed } = reconcileRooms(current, load(updated()));
  const changes = [stamped({ kind: "delay", sessionKey: STILL_ON, minutes: 5, mode: "absorb" }, 1), stamped({ kind: "cancel", sessionKey: CALLED_OFF }, 2)];
  const diff = diffImport({ event: current, changes }, next, renamed);

  it("lists added, removed and retimed sessions by key", () => {
    expect(diff.added.map((s) => s.title)).toEqual(["Fresh"]);
    expect(diff.removed.map((s) => s.key)).toEqual([CALLED_OFF]);
    expect(diff.retimed.map((s) => [s.key, s.start - s.before.start])).toEqual([[STILL_ON, 10 * 60_000]]);
    expect(diff.moved).toEqual([]);
  });

  it("keeps the renamed room's id and reports the rename and the new room", () => {
    expect(diff.roomsRenamed).toEqual([{ id: "saal-1", from: "Saal 1", to: "Saal Eins" }]);
    expect(diff.roomsAdded).toEqual(["saal-zwei"]);
    expect(diff.roomsRemoved).toEqual([]);
  });

  it("names the rooms whose screens change", () => {
    expect(diff.affectedRoomIds).toEqual(["saal-1", "saal-zwei"]);
    expect(diff.unchanged).toBe(false);
  });

  it("reports the change whose session vanished, and keeps the delay that still applies", () => {
    expect(diff.orphanedChanges.map((o) => [o.changeId, o.kind])).toEqual([["c-2", "cancel"]]);
  });

  it("says nothing changes when the same file is imported again", () => {
    const same = reconcileRooms(current, load(FIXTURE));
    const again = diffImport({ event: current, changes }, same.event, same.renamed);
    expect(again.unchanged).toBe(true);
    expect(again.affectedRoomIds).toEqual([]);
  });

  it("counts a room that disappears among the rooms whose screens change", () => {
    const json = JSON.parse(FIXTURE);
    for (const e of json.schedule.events) e.room = { name: "Elsewhere", guid: "elsewhere" };
    json.schedule.conference.rooms = [];
    const moved = reconcileRooms(current, load(JSON.stringify(json)));
    const d = diffImport({ event: current, changes: [] }, moved.event, moved.renamed);
    expect(d.roomsRemoved).toEqual(["saal-1"]);
    expect(d.affectedRoomIds).toEqual(["elsewhere", "saal-1"]);
    expect(d.moved.map((s) => [s.fromRoomId, s.roomId])).toEqual([
      ["saal-1", "elsewhere"],
      ["saal-1", "elsewhere"],
      ["saal-1", "elsewhere"],
    ]);
  });

  it("treats every room as changed on a hub without a schedule", () => {
    const first = diffImport(null, current);
    expect(first.added).toHaveLength(3);
    expect(first.affectedRoomIds).toEqual(["saal-1"]);
  });
});
