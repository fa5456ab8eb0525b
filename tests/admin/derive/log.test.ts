import { describe, expect, it } from "vitest";
import { changeRoomIds, conflicts, describeChange, filterLog, undoneIds, withinUndoWindow } from "../../../admin/derive/log.js";
import { LA, at, planetNixState, stamp } from "../support/state.js";

const T = at("2025-03-06T11:15:00-08:00");
const DOCKER = "pn25-0306-room-1-1100";
const ROOM2_1100 = "pn25-0306-room-2-1100";

describe("the change log", () => {
  const delay = stamp({ kind: "delay", sessionKey: DOCKER, minutes: 10 }, T, "Room 1 door");
  const full = stamp({ kind: "room-status", roomId: "room-2", status: "full" }, T + 1000);
  const undo = stamp({ kind: "undo", changeId: delay.id }, T + 2000);
  const changes = [delay, full, undo];
  const state = planetNixState(changes);
  const ctx = { rooms: state.rooms, sessions: state.sessions, zone: LA };

  it("describes changes with the session title and room names", () => {
    expect(describeChange(delay, ctx)).toBe("+10 min: Docker Was Too Slow, So We Replaced It: Nix in Production");
    expect(describeChange(full, ctx)).toBe("Room 2 full");
    expect(describeChange(undo, ctx, changes)).toBe("Undo: +10 min: Docker Was Too Slow, So We Replaced It: Nix in Production");
  });

  it("lists newest first, and only Room 2's changes when filtered by Room 2", () => {
    expect(filterLog(changes, state.sessions, null).map((c) => c.id)).toEqual([undo.id, full.id, delay.id]);
    expect(filterLog(changes, state.sessions, "room-2").map((c) => c.id)).toEqual([full.id]);
  });

  it("knows which changes were undone", () => {
    expect([...undoneIds(changes)]).toEqual([delay.id]);
  });

  it("files a move under both rooms", () => {
    const move = stamp({ kind: "move", sessionKey: DOCKER, roomId: "room-2" }, T);
    expect(changeRoomIds(move, planetNixState([move]).sessions).sort()).toEqual(["room-1", "room-2"]);
  });

  it("shows a conflict when two authors act on the same session within two minutes", () => {
    const a = stamp({ kind: "delay", sessionKey: ROOM2_1100, minutes: 5 }, T, "Room 2 door");
    const b = stamp({ kind: "delay", sessionKey: ROOM2_1100, minutes: 10 }, T + 30_000, "organizer");
    const c = stamp({ kind: "delay", sessionKey: ROOM2_1100, minutes: 5 }, T + 10 * 60_000, "Room 2 door");
    const found = conflicts([a, b, c]);
    expect(found.get(b.id)?.id).toBe(a.id);
    expect(found.has(c.id)).toBe(false);
  });

  it("offers the one-tap undo for a minute and not after", () => {
    expect(withinUndoWindow(T, T + 59_000)).toBe(true);
    expect(withinUndoWindow(T, T + 60_000)).toBe(false);
  });
});
