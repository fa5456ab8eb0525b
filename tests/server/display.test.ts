// /display: a screen says hello, gets its view's snapshot (or nothing when current), syncs its
// clock, and is paired by an organizer. Hub real time fixed at 2026-11-20 12:00 UTC.
import { describe, expect, it } from "vitest";
import { Manager } from "socket.io-client";
import type { AdminState, DisplaySnapshot, ScreenInfo } from "../../shared/protocol.js";
import { connectDisplay, type DisplayClient, applyChange, hello, loginCookie, newScreenId, nextEvent, organizer, REAL_NOW, screenOn, startPinnedHub, useOrganizerHub } from "./helpers.js";

describe("a screen on /display", () => {
  const fx = useOrganizerHub();

  function display(): DisplayClient {
    const socket = connectDisplay(fx.hub);
    fx.sockets.push(socket);
    return socket;
  }

  it("gets a null snapshot when it comes back to the view it showed, holding the current version and build", async () => {
    const screenId = newScreenId();
    const first = await hello(display(), { screenId, view: "room:room-1", version: fx.hub.hub.schedule.version, appVersion: fx.hub.appVersion });
    // Never seen before: the fx.hub cannot know what its cache holds.
    expect(first.ok && first.snapshot?.view).toBe("room:room-1");
    const again = await hello(display(), { screenId, view: "room:room-1", version: fx.hub.hub.schedule.version, appVersion: fx.hub.appVersion });
    expect(again).toEqual({ ok: true, version: fx.hub.hub.schedule.version, snapshot: null });
  });

  it("stays current across a change that did not concern its view, but not across one that did", async () => {
    const screenId = newScreenId();
    await hello(display(), { screenId, view: "room:room-1", version: null, appVersion: fx.hub.appVersion });
    const held = fx.hub.hub.schedule.version;
    expect((await applyChange(fx.admin, { kind: "room-status", roomId: "room-2", status: "full" })).ok).toBe(true);
    const unconcerned = await hello(display(), { screenId, view: "room:room-1", version: held, appVersion: fx.hub.appVersion });
    expect(unconcerned).toEqual({ ok: true, version: held + 1, snapshot: null });
    expect((await applyChange(fx.admin, { kind: "room-status", roomId: "room-1", status: "full" })).ok).toBe(true);
    const concerned = await hello(display(), { screenId, view: "room:room-1", version: held, appVersion: fx.hub.appVersion });
    // What changed since the content it holds (tests/server/display-delta.test.ts patches it).
    expect(concerned.ok && concerned.delta?.content.set.roomStatus).toEqual({ "room-1": "full" });
  });

  it("gets a full snapshot when its URL now names another view than the one it showed", async () => {
    const screenId = newScreenId();
    await hello(display(), { screenId, view: "room:room-1", version: null, appVersion: fx.hub.appVersion });
    const moved = await hello(display(), { screenId, view: "room:room-2", version: fx.hub.hub.schedule.version, appVersion: fx.hub.appVersion });
    expect(moved.ok && moved.snapshot?.view).toBe("room:room-2");
  });

  it("gets a full snapshot when its version is stale", async () => {
    const socket = display();
    const reply = await hello(socket, { screenId: newScreenId(), view: "room:room-1", version: fx.hub.hub.schedule.version - 1, appVersion: fx.hub.appVersion });
    expect(reply.ok && reply.snapshot?.view).toBe("room:room-1");
    expect(reply.ok && reply.snapshot?.event.timeZone).toBe("America/Los_Angeles");
  });

  it("gets a full snapshot when it runs another build, so it can reload", async () => {
    const socket = display();
    const reply = await hello(socket, { screenId: newScreenId(), view: "lobby", version: fx.hub.hub.schedule.version, appVersion: "old-build" });
    expect(reply.ok && reply.snapshot?.appVersion).toBe(fx.hub.appVersion);
  });

  it("answers clock:sync with the hub's real time", async () => {
    const socket = display();
    const reply = await socket.timeout(3000).emitWithAck("clock:sync", 123);
    expect(reply).toEqual({ hubReal: REAL_NOW });
  });

  it("refuses a malformed hello with invalid-payload", async () => {
    const socket = display();
    const reply = await hello(socket, { screenId: "x", view: "kitchen" });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toBe("invalid-payload");
    expect(!reply.ok && reply.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(["screenId", "view"]));
  });

  it("sends a lobby snapshot with every room and without abstracts, links or change ids", async () => {
    const { socket, snapshot } = await screenOn(fx.hub, "lobby");
    fx.sockets.push(socket);
    expect(snapshot.rooms.map((r) => r.id)).toEqual(["room-1", "room-2"]);
    expect(new Set(snapshot.sessions.map((s) => s.roomId))).toEqual(new Set(["room-1", "room-2"]));
    expect(snapshot.sessions.every((s) => s.abstract === "" && s.url === null && s.changeIds.length === 0)).toBe(true);
  });

  it("shows an unassigned screen a pairing code without ambiguous characters, then switches when assigned", async () => {
    const { socket, snapshot, screenId } = await screenOn(fx.hub, null);
    fx.sockets.push(socket);
    expect(snapshot.view).toBeNull();
    expect(snapshot.sessions).toEqual([]);
    expect(snapshot.pairingCode).toMatch(/^[ACDEFHJKMNPQRTUVWXY34679]{4}$/);

    const listed = await fx.admin.timeout(3000).emitWithAck("screen:rename", { screenId, name: "Foyer left" });
    expect(listed).toEqual({ ok: true });
    const assigned = nextEvent<{ view: string | null }>(socket, "screen:assigned");
    const fresh = nextEvent<DisplaySnapshot>(socket, "schedule:changed");
    const ack = await fx.admin.timeout(3000).emitWithAck("screen:assign", { screenId, view: "room:room-2" });
    expect(ack).toEqual({ ok: true });
    expect(await assigned).toEqual({ view: "room:room-2", screenName: "Foyer left" });
    const next = await fresh;
    expect(next.view).toBe("room:room-2");
    expect(next.pairingCode).toBe(snapshot.pairingCode);
    expect(next.sessions.every((s) => s.roomId === "room-2")).toBe(true);

    // It remembers: the same screen coming back without a URL view gets its assigned view.
    socket.disconnect();
    const again = display();
    const reply = await hello(again, { screenId, view: null, version: null, appVersion: fx.hub.appVersion });
    expect(reply.ok && reply.snapshot?.view).toBe("room:room-2");
    expect(reply.ok && reply.snapshot?.screenName).toBe("Foyer left");
  });

  it("lists screens for organizers with their heartbeat's clock offset and build", async () => {
    const { socket, screenId } = await screenOn(fx.hub, "room:room-1");
    fx.sockets.push(socket);
    const update = new Promise<ScreenInfo[]>((resolve) => {
      fx.admin.on("screens:changed", (list) => {
        if (list.find((s) => s.screenId === screenId)?.clockOffsetMs === -1234) resolve(list);
      });
    });
    socket.emit("screen:heartbeat", { appVersion: "build-7", view: "room:room-1", clockOffsetMs: -1234.4, clockRttMs: 12, lastSyncAt: REAL_NOW });
    const list = await update;
    expect(list.find((s) => s.screenId === screenId)).toMatchObject({ online: true, view: "room:room-1", appVersion: "build-7" });
  });

  it("refuses screen commands for a screen the fx.hub does not know", async () => {
    const ack = await fx.admin.timeout(3000).emitWithAck("screen:identify", { screenId: "unknown-screen-1" });
    expect(ack).toMatchObject({ ok: false, error: "not-found" });
  });
});

describe("one connection carrying both namespaces", () => {
  it("still signs the admin namespace in after the display namespace released the request", async () => {
    const hub = await startPinnedHub();
    const manager = new Manager(hub.url, { transports: ["websocket"], extraHeaders: { cookie: await loginCookie(hub.url) } });
    const screen = manager.socket("/display");
    let admin: ReturnType<Manager["socket"]> | null = null;
    try {
      await nextEvent(screen, "connect");
      // Opened only now, on the connection whose request the screen already released.
      admin = manager.socket("/admin");
      const state = await nextEvent<AdminState>(admin, "admin:state");
      expect(state.role.kind).toBe("organizer");
    } finally {
      screen.disconnect();
      admin?.disconnect();
      await hub.dispose();
    }
  });
});
