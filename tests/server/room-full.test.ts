// "Room full": a full room's door screen also gets the other open rooms' sessions of the day, so
// its banner can name talks with space. Hub clock pinned at 2025-03-06 11:15 America/Los_Angeles.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DisplaySnapshot } from "../../shared/protocol.js";
import { type AdminClient, applyChange, type DisplayClient, KEY_ROOM2_1100, type ScreenFeed, nextEvent, organizer, screenOn, startPinnedHub, type TestHub } from "./helpers.js";

const roomIds = (snapshot: DisplaySnapshot) => [...new Set(snapshot.sessions.map((s) => s.roomId))].sort();

describe("a full room's door screen", () => {
  let hub: TestHub;
  let admin: AdminClient;
  const sockets: DisplayClient[] = [];

  beforeEach(async () => {
    hub = await startPinnedHub();
    admin = (await organizer(hub)).socket;
  });

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    admin?.disconnect();
    await hub?.dispose();
  });

  async function door(roomId: string): Promise<{ socket: DisplayClient; snapshot: DisplaySnapshot; feed: ScreenFeed }> {
    const screen = await screenOn(hub, `room:${roomId}`);
    sockets.push(screen.socket);
    return screen;
  }

  it("carries only its own room while the room is open", async () => {
    const { snapshot } = await door("room-1");
    expect(roomIds(snapshot)).toEqual(["room-1"]);
    expect(snapshot.rooms.map((r) => r.id)).toEqual(["room-1"]);
  });

  it("receives Room 2's sessions of 6 March, and Room 2, as soon as Room 1 is set full", async () => {
    const { feed } = await door("room-1");
    const changed = nextEvent<DisplaySnapshot>(feed, "snapshot");
    expect((await applyChange(admin, { kind: "room-status", roomId: "room-1", status: "full" })).ok).toBe(true);
    const snapshot = await changed;
    expect(snapshot.roomStatus["room-1"]).toBe("full");
    expect(snapshot.rooms.map((r) => r.id)).toEqual(["room-1", "room-2"]);
    expect(roomIds(snapshot)).toEqual(["room-1", "room-2"]);
    expect(snapshot.sessions.some((s) => s.key === KEY_ROOM2_1100)).toBe(true);
    // Only the conference day of the hub clock: nothing of 7 March from Room 2.
    const room2 = snapshot.sessions.filter((s) => s.roomId === "room-2");
    const day = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", dateStyle: "short" }).format(at);
    expect(new Set(room2.map((s) => day(s.start)))).toEqual(new Set(["2025-03-06"]));
    // And a screen saying hello later gets the same.
    const late = await door("room-1");
    expect(roomIds(late.snapshot)).toEqual(["room-1", "room-2"]);
  });

  it("drops Room 2 again when Room 1 opens, and leaves out a room that is itself full", async () => {
    const { feed } = await door("room-1");
    const full = nextEvent<DisplaySnapshot>(feed, "snapshot");
    await applyChange(admin, { kind: "room-status", roomId: "room-1", status: "full" });
    expect(roomIds(await full)).toEqual(["room-1", "room-2"]);

    const room2Full = nextEvent<DisplaySnapshot>(feed, "snapshot");
    await applyChange(admin, { kind: "room-status", roomId: "room-2", status: "full" });
    const withoutSpace = await room2Full;
    expect(roomIds(withoutSpace)).toEqual(["room-1"]);
    expect(withoutSpace.rooms.map((r) => r.id)).toEqual(["room-1"]);

    const room2Open = nextEvent<DisplaySnapshot>(feed, "snapshot");
    await applyChange(admin, { kind: "room-status", roomId: "room-2", status: "open" });
    expect(roomIds(await room2Open)).toEqual(["room-1", "room-2"]);
    const opened = nextEvent<DisplaySnapshot>(feed, "snapshot");
    await applyChange(admin, { kind: "room-status", roomId: "room-1", status: "open" });
    expect(roomIds(await opened)).toEqual(["room-1"]);
  });

  it("is told when a talk with space elsewhere is delayed, while its room is full", async () => {
    const { feed } = await door("room-1");
    const full = nextEvent<DisplaySnapshot>(feed, "snapshot");
    await applyChange(admin, { kind: "room-status", roomId: "room-1", status: "full" });
    expect(roomIds(await full)).toEqual(["room-1", "room-2"]);
    const changed = nextEvent<DisplaySnapshot>(feed, "snapshot");
    expect((await applyChange(admin, { kind: "delay", sessionKey: KEY_ROOM2_1100, minutes: 10 })).ok).toBe(true);
    const snapshot = await changed;
    const talk = snapshot.sessions.find((s) => s.key === KEY_ROOM2_1100);
    expect(talk && talk.start - talk.plannedStart).toBe(10 * 60_000);
  });

  it("leaves Room 2's own door carrying only Room 2", async () => {
    await applyChange(admin, { kind: "room-status", roomId: "room-1", status: "full" });
    const { snapshot: room2 } = await door("room-2");
    expect(roomIds(room2)).toEqual(["room-2"]);
  });
});
