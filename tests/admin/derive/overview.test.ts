import { describe, expect, it } from "vitest";
import { actionTarget, lateLabel, lateMinutes, roomLine, roomLines, screensShowing } from "../../../admin/derive/overview.js";
import { at, planetNixState, screen, stamp } from "../support/state.js";

// Planet Nix 2025, America/Los_Angeles; Room 1 runs "Docker Was Too Slow…" 11:00–11:30.
const AT_1115 = at("2025-03-06T11:15:00-08:00");
const DOCKER = "pn25-0306-room-1-1100";

describe("the Now page's room lines", () => {
  it("shows Docker as current and the 11:30 talk as next in Room 1 at 11:15 Pasadena time", () => {
    const lines = roomLines(planetNixState(), AT_1115);
    expect(lines.map((l) => l.room.id)).toEqual(["room-1", "room-2"]);
    const room1 = lines[0]!;
    expect(room1.now.current?.displayTitle).toContain("Docker Was Too Slow");
    expect(room1.now.next?.displayTitle).toBe("How to make Nix five times faster");
  });

  it("counts a door screen and a lobby board as showing Room 1, but not Room 2's door", () => {
    const screens = [
      screen({ screenId: "door-room-1", view: "room:room-1" }),
      screen({ screenId: "lobby-all-1", view: "lobby" }),
      screen({ screenId: "door-room-2", view: "room:room-2" }),
      screen({ screenId: "lobby-room2", view: "lobby:room-2" }),
      screen({ screenId: "unassigned", view: null }),
    ];
    expect(screensShowing(screens, "room-1").map((s) => s.screenId)).toEqual(["door-room-1", "lobby-all-1"]);
    expect(screensShowing(screens, "room-2").map((s) => s.screenId)).toEqual(["door-room-2", "lobby-all-1", "lobby-room2"]);
  });
});

describe("the room page", () => {
  it("reports Docker as 10 minutes late after a +10 delay, and the 11:30 talk moved to 11:40", () => {
    const state = planetNixState([stamp({ kind: "delay", sessionKey: DOCKER, minutes: 10 }, AT_1115)]);
    const line = roomLine(state, "room-1", AT_1115)!;
    expect(lateMinutes(line.now.current!)).toBe(10);
    expect(lateLabel(line.now.current!)).toBe("+10 min late");
    expect(line.now.next!.start).toBe(at("2025-03-06T11:40:00-08:00"));
  });

  it("aims Started, Ended and the late buttons at the talk on now", () => {
    const now = roomLine(planetNixState(), "room-1", AT_1115)!.now;
    expect(actionTarget(now, "started")?.key).toBe(DOCKER);
    expect(actionTarget(now, "ended")?.key).toBe(DOCKER);
    expect(actionTarget(now, "late")?.key).toBe(DOCKER);
  });

  it("aims the late buttons at the next talk during the break, and Ended at the break itself", () => {
    const now = roomLine(planetNixState(), "room-1", at("2025-03-06T10:45:00-08:00"))!.now;
    expect(now.current?.type).toBe("break");
    expect(actionTarget(now, "late")?.key).toBe(DOCKER);
    expect(actionTarget(now, "started")?.key).toBe(DOCKER);
    expect(actionTarget(now, "ended")?.type).toBe("break");
  });

  it("has no room line for a room the event does not have", () => {
    expect(roomLine(planetNixState(), "room-9", AT_1115)).toBeNull();
  });
});
