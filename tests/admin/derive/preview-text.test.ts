import { describe, expect, it } from "vitest";
import { previewLines, screensText } from "../../../admin/derive/preview-text.js";
import { LA, at, planetNixState, previewOf, stamp } from "../support/state.js";

const AT_1115 = at("2025-03-06T11:15:00-08:00");

describe("the preview sentence of a change", () => {
  it("says the 11:30 talk moves to 11:40 and lunch shrinks to 12:10–13:30 after +10 on the 11:00 talk", () => {
    const before = planetNixState();
    const after = planetNixState([stamp({ kind: "delay", sessionKey: "pn25-0306-room-1-1100", minutes: 10 }, AT_1115)]);
    const lines = previewLines(previewOf(before, after, 2), after.rooms, after.sessions, LA);
    expect(lines).toEqual(["Room 1: 11:00 talk moves to 11:10; 11:30 talk moves to 11:40; lunch 12:10–13:30", "2 screens will change"]);
  });

  it("names a cancelled session and a session moved to another room", () => {
    const before = planetNixState();
    const cancelled = planetNixState([stamp({ kind: "cancel", sessionKey: "pn25-0306-room-1-1130" }, AT_1115)]);
    expect(previewLines(previewOf(before, cancelled, 1), cancelled.rooms, cancelled.sessions, LA)[0]).toBe("Room 1: 11:30 talk cancelled");
    const moved = planetNixState([stamp({ kind: "move", sessionKey: "pn25-0306-room-1-1130", roomId: "room-2" }, AT_1115)]);
    const lines = previewLines(previewOf(before, moved, 1), moved.rooms, moved.sessions, LA);
    expect(lines[0]).toBe("Room 1: 11:30 talk moves to Room 2");
  });

  it("says when nothing would change", () => {
    expect(previewLines({ sessions: [], roomIds: [], screens: 0 }, [], [], LA)).toEqual(["No session changes.", "no screen will change"]);
    expect(screensText(1)).toBe("1 screen will change");
  });
});
