import { describe, expect, it } from "vitest";
import { parseRoute, resolveRoute, routeHref } from "../../../admin/derive/route.js";

describe("admin hash routes", () => {
  it("opens the Now page when the hash is empty or unknown", () => {
    expect(parseRoute("")).toEqual({ page: "now", roomId: null, day: null });
    expect(parseRoute("#/nonsense")).toEqual({ page: "now", roomId: null, day: null });
  });

  it("reads a room id with spaces and slashes encoded", () => {
    const href = routeHref("room", "hall a/1");
    expect(href).toBe("#/room/hall%20a%2F1");
    expect(parseRoute(href)).toEqual({ page: "room", roomId: "hall a/1", day: null });
  });

  it("reads the room and the day of the Sessions page", () => {
    expect(parseRoute("#/sessions/room-2/2025-03-07")).toEqual({ page: "sessions", roomId: "room-2", day: "2025-03-07" });
  });
});

describe("the route a sign-in sees", () => {
  const volunteer = { kind: "volunteer" as const, roomIds: ["room-1"] };

  it("lands a volunteer on their only room", () => {
    expect(resolveRoute(parseRoute(""), volunteer, true)).toEqual({ page: "room", roomId: "room-1", day: null });
    expect(resolveRoute(parseRoute("#/room"), volunteer, false)).toEqual({ page: "room", roomId: "room-1", day: null });
  });

  it("keeps a volunteer out of the organizer's pages", () => {
    expect(resolveRoute(parseRoute("#/screens"), volunteer, false).page).toBe("room");
    expect(resolveRoute(parseRoute("#/log"), volunteer, false).page).toBe("log");
  });

  it("lets an organizer go anywhere", () => {
    expect(resolveRoute(parseRoute("#/screens"), { kind: "organizer" }, false).page).toBe("screens");
  });
});
