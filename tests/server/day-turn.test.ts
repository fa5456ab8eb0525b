// When the conference day turns, the hub moves the version on with no change: lobbies get the
// new day's window (server/views.ts lobbyDays), doors, whose content does not depend on the day,
// get nothing. A hub restarted on a later day does the same before any screen is back.
import { afterEach, describe, expect, it } from "vitest";
import { type DisplaySnapshot } from "../../shared/protocol.js";
import { openStore } from "../../server/store.js";
import { AT_1115, applyChange, collect, organizer, REAL_NOW, screenOn, type TestHub } from "./helpers.js";
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
    expect(days(turned)).toEqual(["2025-03-07"]);
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
});
