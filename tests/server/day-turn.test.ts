// When the conference day turns, the hub moves the version on with no change: lobbies get the
// new day's window (server/views.ts lobbyDays), doors, whose content does not depend on the day,
// get nothing. A hub restarted on a later day does the same before any screen is back.
import { afterEach, describe, expect, it } from "vitest";
import { type DisplaySnapshot } from "../../shared/protocol.js";
import { openStore } from "../../server/store.js";
import { AT_1115, applyChange, collect, connectDisplay, hello, organizer, REAL_NOW, screenOn, startPinnedHub, type TestHub } from "./helpers.js";
import { patchSnapshot } from "../../shared/snapshot-delta.js";
import { startHub } from "../browser/harness.js";

const days = (snapshot: DisplaySnapshot) => [...new Set(snapshot.sessions.map((s) => s.day))].sort();
let hubs: TestHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.dispose();
});

describe("the conference day turning", () => {
  it("moves every lobby to the new day's window with one patch and leaves the doors alone", async () => {
    const hub = await startHub({ clockStart: AT_1115, distDir: "/nonexistent-dist" }); // real time
    hubs.push(hub);
    const admin = (await organizer(hub)).socket;
    // One minute of hub time before Friday's 04:00 day change, at 60×: the day turns in a second.
    const set = await applyChange(admin, { kind: "clock", set: { virtual: Date.parse("2025-03-07T03:59:00-08:00"), rate: 60 } });
    expect(set.ok).toBe(true);
    const lobby = await screenOn(hub, "lobby");
    const door = await screenOn(hub, "room:room-1");
    expect(days(lobby.snapshot)).toEqual(["2025-03-06", "2025-03-07"]);
    const doorEvents = [...collect(door.socket, "schedule:patched"), ...collect(door.socket, "schedule:changed")];
    const version = lobby.snapshot.version;

    const turned = await new Promise<DisplaySnapshot>((resolve) => lobby.feed.once("snapshot", resolve));
    expect(turned.version).toBe(version + 1);
    // Friday is the last day: Thursday's sessions go, but for each room's first (server/views.ts lobbySessions).
    const thursday = turned.sessions.filter((s) => s.day === "2025-03-06");
    expect(thursday.map((s) => s.roomId).sort()).toEqual([...new Set(lobby.snapshot.sessions.map((s) => s.roomId))].sort());
    expect(turned.sessions.filter((s) => s.day === "2025-03-07")).toEqual(lobby.snapshot.sessions.filter((s) => s.day === "2025-03-07"));
    expect(lobby.feed.misfits).toEqual([]);
    expect(doorEvents).toEqual([]);
    // What a lobby connecting now gets is what the patched one holds.
    const fresh = await screenOn(hub, "lobby");
    expect(fresh.snapshot.sessions).toEqual(turned.sessions);
    expect(hub.store.getSetting("content_day")).toBe("2025-03-07");
    for (const s of [lobby.socket, door.socket, fresh.socket, admin]) s.disconnect();
  });

  it("moves the version on at start when the hub last built its content on an earlier day", async () => {
    // A demo hub sets its rehearsal clock again at every start (one change each time); the day
    // turn is one version more, with no change.
    const start = (dataDir?: string) => startHub({ ...(dataDir ? { dataDir } : {}), clockStart: AT_1115, realNow: () => REAL_NOW, distDir: "/nonexistent-dist" });
    const first = await start();
    const dataDir = first.dataDir;
    const v1 = first.store.version();
    const changes1 = first.hub.schedule.changes.length;
    await first.close();

    const sameDay = await start(dataDir);
    expect(sameDay.store.version()).toBe(v1 + 1);
    await sameDay.close();

    // As if it had last run on Wednesday: its content was Wednesday's.
    const store = openStore(dataDir);
    store.setSetting("content_day", "2025-03-05");
    store.close();
    const later = await start(dataDir);
    hubs.push(later);
    expect(later.store.version()).toBe(v1 + 3);
    expect(later.hub.schedule.changes.length).toBe(changes1 + 2);
    expect(later.store.getSetting("content_day")).toBe("2025-03-06");
    const lobby = await screenOn(later, "lobby");
    expect(lobby.snapshot.version).toBe(v1 + 3);
    lobby.socket.disconnect();
  });

  it("resyncs screens from before the turn by delta after a restart on the next day, doors and lobbies alike", async () => {
    const first = await startPinnedHub();
    const held: Record<string, { screenId: string; snapshot: DisplaySnapshot }> = {};
    for (const view of ["room:room-1", "lobby"]) {
      const screen = await screenOn(first, view);
      held[view] = { screenId: screen.screenId, snapshot: screen.snapshot };
      screen.socket.disconnect();
    }
    await first.close();

    // A real event's hub (no demo, no clock start of its own) switched on again a day later.
    const second = await startPinnedHub({ dataDir: first.dataDir, demo: null, clockStart: null, realNow: () => REAL_NOW + 24 * 3_600_000 });
    hubs.push(second);
    for (const [view, { screenId, snapshot }] of Object.entries(held)) {
      const [resyncing, fresh] = [connectDisplay(second), connectDisplay(second)];
      const reply = await hello(resyncing, { screenId, view, version: snapshot.version, appVersion: second.appVersion });
      if (!reply.ok || !reply.delta) throw new Error(`${view}: expected a delta: ${JSON.stringify(reply).slice(0, 300)}`);
      expect(reply.version, view).toBe(snapshot.version + 1);
      const whole = await hello(fresh, { screenId: `${screenId}-fresh`, view, version: null, appVersion: second.appVersion });
      if (!whole.ok || !whole.snapshot) throw new Error("expected a snapshot");
      const patched = patchSnapshot(snapshot, reply.delta);
      expect(patched && { ...patched, pairingCode: "" }, view).toEqual({ ...whole.snapshot, pairingCode: "" });
      resyncing.disconnect();
      fresh.disconnect();
    }
    // The door's content did not change with the day: its delta is empty.
    const door = held["room:room-1"] as { screenId: string; snapshot: DisplaySnapshot };
    const again = connectDisplay(second);
    const reply = await hello(again, { screenId: door.screenId, view: "room:room-1", version: door.snapshot.version, appVersion: second.appVersion });
    expect(reply.ok && reply.delta?.content).toEqual({ set: {}, unset: [] });
    again.disconnect();
  });
});


describe("an event whose time zone the platform does not know", () => {
  it("still starts the hub (no conference day to watch) and serves a lobby", async () => {
    const first = await startPinnedHub();
    const dataDir = first.dataDir;
    const event = first.hub.schedule.stored.event;
    await first.close();
    const store = openStore(dataDir);
    store.replaceEvent({ ...event, timeZone: "Mars/Olympus_Mons" }, "file:mars.json", { warnings: [] } as never);
    store.close();
    const hub = await startPinnedHub({ dataDir, demo: null, clockStart: null });
    hubs.push(hub);
    const lobby = await screenOn(hub, "lobby");
    expect(lobby.snapshot.sessions.length).toBeGreaterThan(0);
    lobby.socket.disconnect();
  });
});
