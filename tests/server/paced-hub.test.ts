// The hub's paced broadcasts end to end: with a budget of one screen per turn of the event loop,
// changes made back to back still reach every screen complete and in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DisplaySnapshot } from "../../shared/protocol.js";
import { type AdminClient, applyChange, type DisplayClient, KEY_1130, organizer, type ScreenFeed, screenOn, startPinnedHub, type TestHub } from "./helpers.js";

/** What a screen shows: a view whose content a change did not touch keeps its older version. */
const content = (s: DisplaySnapshot) => {
  const { pairingCode: _p, screenName: _n, version: _v, ...rest } = s;
  return rest;
};

/** What the screen holds once it shows `expected`, or after 2 s. */
async function held(feed: ScreenFeed, expected: DisplaySnapshot): Promise<DisplaySnapshot> {
  for (let i = 0; i < 200 && JSON.stringify(content(feed.latest)) !== JSON.stringify(content(expected)); i++) await new Promise((r) => setTimeout(r, 10));
  return feed.latest;
}

describe("paced broadcasts from the hub", () => {
  let hub: TestHub;
  let admin: AdminClient;
  const sockets: DisplayClient[] = [];
  beforeAll(async () => {
    hub = await startPinnedHub({ broadcastBytesPerTurn: 1 });
    admin = (await organizer(hub)).socket;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    admin?.disconnect();
    await hub?.dispose();
  });

  it("bring every screen both of two changes made back to back, in order, one screen per turn", async () => {
    const views = ["room:room-1", "room:room-1", "room:room-1", "room:room-2", "lobby", "lobby"];
    const screens = await Promise.all(views.map((view) => screenOn(hub, view)));
    sockets.push(...screens.map((s) => s.socket));
    const [first, second] = await Promise.all([
      applyChange(admin, { kind: "delay", sessionKey: KEY_1130, minutes: 5, mode: "absorb" }),
      applyChange(admin, { kind: "room-status", roomId: "room-1", status: "full" }),
    ]);
    if (!first.ok || !second.ok) throw new Error("a change was refused");
    for (const [i, screen] of screens.entries()) {
      const fresh = await screenOn(hub, views[i]!);
      sockets.push(fresh.socket);
      const latest = await held(screen.feed, fresh.snapshot);
      expect(screen.feed.misfits, `screen ${i} got a patch that did not fit what it held`).toEqual([]);
      expect(content(latest), `screen ${i} (${views[i]})`).toEqual(content(fresh.snapshot));
    }
    // Both changes reached the doors and lobbies of Room 1, the room status last.
    for (const i of [0, 1, 2, 4, 5]) {
      expect(screens[i]!.feed.latest.version).toBe(Math.max(first.version, second.version));
      expect(screens[i]!.feed.latest.roomStatus["room-1"]).toBe("full");
    }
  });
});
