import { describe, expect, it } from "vitest";
import { conferenceDays, parseSpeakers, roomDaySessions } from "../../../admin/derive/sessions.js";
import { importSummary } from "../../../admin/derive/import-result.js";
import { planetNixState } from "../support/state.js";

describe("the Sessions timeline", () => {
  const state = planetNixState();

  it("has the two Planet Nix days", () => {
    expect(conferenceDays(state.sessions)).toEqual(["2025-03-06", "2025-03-07"]);
  });

  it("lists Room 1 on Thursday from the opening to the last slot, in order", () => {
    const list = roomDaySessions(state.sessions, "room-1", "2025-03-06");
    expect(list[0]?.displayTitle).toBe("Opening Ceremony");
    expect(list.every((s, i) => i === 0 || list[i - 1]!.start <= s.start)).toBe(true);
    expect(list.every((s) => s.roomId === "room-1" && s.day === "2025-03-06")).toBe(true);
  });

  it("splits speakers on commas and semicolons", () => {
    expect(parseSpeakers("Ron Efroni Rotman, Kelsey Hightower; ")).toEqual(["Ron Efroni Rotman", "Kelsey Hightower"]);
  });
});

describe("the import preview summary", () => {
  it("lists counts, the diff and warnings", () => {
    const lines = importSummary({
      report: { format: "frab-xml", days: 2, rooms: 3, sessions: 40, warnings: [{ path: "line 12", message: "overlap" }] },
      diff: { added: [{ title: "New BoF" }], removed: [], retimed: ["Keynote"] },
    });
    expect(lines).toEqual(["frab-xml: 2 days, 3 rooms, 40 sessions", "1 added: New BoF", "1 retimed: Keynote", "Every change made so far still applies", "Warning: line 12: overlap"]);
  });
});

describe("the import preview of a re-import", () => {
  it("names the changes that will no longer apply", () => {
    const lines = importSummary({
      diff: { removed: [{ key: "k1", title: "Old talk" }], affectedRoomIds: ["room-1"], orphanedChanges: [{ changeId: "c4", reason: "session k1 is gone" }] },
    });
    expect(lines).toEqual(["1 removed: Old talk", "Screens of 1 room(s) will change", "1 change(s) will no longer apply: session k1 is gone"]);
  });
});
