import { describe, expect, it } from "vitest";
import { agoText, joinView, offsetText, sortScreens, splitView, viewChoices, viewLabel } from "../../../admin/derive/screens.js";
import { screen } from "../support/state.js";

const rooms = [
  { id: "room-1", name: "Room 1", order: 0 },
  { id: "room-2", name: "Room 2", order: 1 },
];

describe("the Screens page", () => {
  it("names views by room name", () => {
    expect(viewLabel(null, rooms)).toBe("Unassigned");
    expect(viewLabel("room:room-1", rooms)).toBe("Room 1 door");
    expect(viewLabel("lobby", rooms)).toBe("Lobby (all rooms)");
    expect(viewLabel("lobby:room-1,room-2", rooms)).toBe("Lobby: Room 1, Room 2");
  });

  it("offers unassigned, the lobby and every room's door", () => {
    expect(viewChoices(rooms).map((c) => c.view)).toEqual([null, "lobby", "lobby:*", "room:room-1", "room:room-2"]);
  });

  it("builds a lobby of chosen rooms in the event's room order, and reads it back", () => {
    expect(joinView("lobby:*", ["room-2", "room-1"], rooms)).toBe("lobby:room-1,room-2");
    expect(joinView("lobby:*", [], rooms)).toBeUndefined();
    expect(joinView("", [], rooms)).toBeNull();
    expect(joinView("room:room-2", [], rooms)).toBe("room:room-2");
    expect(splitView("lobby:room-2")).toEqual({ choice: "lobby:*", roomIds: ["room-2"] });
    expect(splitView("lobby")).toEqual({ choice: "lobby", roomIds: [] });
    expect(splitView(null)).toEqual({ choice: "", roomIds: [] });
  });

  it("puts online unassigned screens first, waiting to be paired", () => {
    const sorted = sortScreens([
      screen({ screenId: "a-offline-door", view: "room:room-1", online: false, pairingCode: "AAAA" }),
      screen({ screenId: "b-online-door", view: "room:room-1", online: true, pairingCode: "BBBB" }),
      screen({ screenId: "c-new-screen", view: null, online: true, pairingCode: "CCCC" }),
    ]);
    expect(sorted.map((s) => s.pairingCode)).toEqual(["CCCC", "BBBB", "AAAA"]);
  });

  it("says how long ago and how far off the clock is", () => {
    expect(agoText(0, 2_000)).toBe("just now");
    expect(agoText(0, 42_000)).toBe("42 s ago");
    expect(agoText(0, 5 * 60_000)).toBe("5 min ago");
    expect(offsetText(120)).toBe("+120 ms");
    expect(offsetText(-3200)).toBe("−3.2 s");
    expect(offsetText(null)).toBe("unknown");
  });
});
