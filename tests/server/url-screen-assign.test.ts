// A screen whose URL names a view (/display/room/room-1) and an organizer who assigns it another:
// the later intent wins. The screen switches at once, keeps the assignment across reboots while
// its URL stays, and a URL typed in afterwards wins again. Hub clock pinned at 2025-03-06 11:15.
import { describe, expect, it } from "vitest";
import { assignment, resolveView } from "../../server/screens.js";
import type { DisplaySnapshot, ScreenInfo } from "../../shared/protocol.js";
import { connectDisplay, hello, nextEvent, organizer, screenOn, useOrganizerHub } from "./helpers.js";

describe("resolveView", () => {
  it("shows a URL screen its URL's view until an organizer assigns another over that URL", () => {
    expect(resolveView({ view: null, assignedOverUrl: null }, "room:room-1")).toBe("room:room-1");
    expect(resolveView(assignment("room:room-2", "room:room-1"), "room:room-1")).toBe("room:room-2");
  });

  it("lets a URL typed in after the assignment win again", () => {
    expect(resolveView(assignment("room:room-2", "room:room-1"), "lobby")).toBe("lobby");
  });

  it("hands a URL screen back to its URL when assigned its own view or none", () => {
    expect(assignment("room:room-1", "room:room-1")).toEqual({ view: null, assignedOverUrl: null });
    expect(assignment(null, "room:room-1")).toEqual({ view: null, assignedOverUrl: null });
  });

  it("shows a screen without a URL view its assignment", () => {
    expect(resolveView(assignment("lobby", null), null)).toBe("lobby");
  });
});

describe("assigning a view to a screen whose URL names another", () => {
  const fx = useOrganizerHub();

  const assign = (screenId: string, view: string | null) => fx.admin.timeout(3000).emitWithAck("screen:assign", { screenId, view });

  it("sends screen:assigned with the new view and that view's snapshot, and lists the screen on it", async () => {
    const { socket, screenId, feed } = await screenOn(fx.hub, "room:room-1");
    fx.sockets.push(socket);
    const assigned = nextEvent<{ view: string | null }>(socket, "screen:assigned");
    const fresh = nextEvent<DisplaySnapshot>(feed, "snapshot");
    const listed = new Promise<ScreenInfo | undefined>((resolve) => {
      fx.admin.on("screens:changed", (list) => {
        const mine = list.find((s) => s.screenId === screenId);
        if (mine?.view === "room:room-2") resolve(mine);
      });
    });
    expect(await assign(screenId, "room:room-2")).toEqual({ ok: true });
    expect((await assigned).view).toBe("room:room-2");
    const snapshot = await fresh;
    expect(snapshot.view).toBe("room:room-2");
    expect(snapshot.sessions.every((s) => s.roomId === "room-2")).toBe(true);
    expect((await listed)?.view).toBe("room:room-2");

    // Later broadcasts for Room 2 reach it; it no longer follows Room 1.
    const changed = nextEvent<DisplaySnapshot>(feed, "snapshot");
    await fx.admin.timeout(3000).emitWithAck("change:apply", { kind: "room-status", roomId: "room-2", status: "full" });
    expect((await changed).roomStatus["room-2"]).toBe("full");
  });

  it("keeps the assignment when the screen reboots on the same URL, even holding a current cache", async () => {
    const { socket, screenId } = await screenOn(fx.hub, "room:room-1");
    await assign(screenId, "lobby");
    socket.disconnect();
    const again = connectDisplay(fx.hub);
    fx.sockets.push(again);
    const reply = await hello(again, { screenId, view: "room:room-1", version: fx.hub.hub.schedule.version, appVersion: fx.hub.appVersion });
    // Never "current": the screen learns from the snapshot's view that it shows the lobby.
    expect(reply.ok && reply.snapshot?.view).toBe("lobby");
  });

  it("follows a URL typed in after the assignment, and its own URL again once assigned back", async () => {
    const { socket, screenId } = await screenOn(fx.hub, "room:room-1");
    await assign(screenId, "room:room-2");
    socket.disconnect();

    const retyped = connectDisplay(fx.hub);
    fx.sockets.push(retyped);
    const reply = await hello(retyped, { screenId, view: "lobby", version: null, appVersion: fx.hub.appVersion });
    expect(reply.ok && reply.snapshot?.view).toBe("lobby");

    const assigned = nextEvent<{ view: string | null }>(retyped, "screen:assigned");
    expect(await assign(screenId, null)).toEqual({ ok: true });
    expect((await assigned).view).toBe("lobby");
  });
});
