// An organizer's change: validated, stored, acknowledged, then pushed to exactly the screens
// whose view it touches. Hub clock pinned at 2025-03-06 11:15 America/Los_Angeles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeInputRaw } from "../../shared/model.js";
import type { AdminPatch, AdminState, DisplaySnapshot, SnapshotPatch } from "../../shared/protocol.js";
import {
  type AdminClient,
  adminFeed,
  applyChange,
  AT_1115,
  collect,
  connectAdmin,
  type DisplayClient,
  KEY_1100,
  type ScreenFeed,
  KEY_1130,
  nextEvent,
  organizer,
  previewChange,
  screenOn,
  sleep,
  startPinnedHub,
  type TestHub,
} from "./helpers.js";

describe("a change applied on /admin", () => {
  let hub: TestHub;
  let admin: AdminClient;
  let watcher: AdminClient;
  let cookie: string;
  let room1: DisplayClient;
  let room2: DisplayClient;
  let room1Before: DisplaySnapshot;
  let room1Feed: ScreenFeed;
  let room2Feed: ScreenFeed;

  beforeAll(async () => {
    hub = await startPinnedHub();
    const first = await organizer(hub);
    admin = first.socket;
    cookie = first.cookie;
    watcher = (await connectAdmin(hub.url, cookie)).socket;
    const r1 = await screenOn(hub, "room:room-1");
    const r2 = await screenOn(hub, "room:room-2");
    room1 = r1.socket;
    room2 = r2.socket;
    room1Before = r1.snapshot;
    room1Feed = r1.feed;
    room2Feed = r2.feed;
  });

  afterAll(async () => {
    for (const s of [admin, watcher, room1, room2]) s?.disconnect();
    await hub?.dispose();
  });

  it("pins the hub clock at 11:15 in Pasadena", () => {
    expect(hub.hub.now()).toBe(AT_1115);
  });

  it("gives a room screen only its own room's sessions", () => {
    expect(room1Before.sessions.length).toBeGreaterThan(0);
    expect(room1Before.sessions.every((s) => s.roomId === "room-1")).toBe(true);
    expect(room1Before.view).toBe("room:room-1");
  });

  it("acks a 10-minute delay after commit and pushes the delayed talk to Room 1's screen only", async () => {
    const room1Updates = collect<DisplaySnapshot>(room1Feed, "snapshot");
    const room2Updates = collect<DisplaySnapshot>(room2Feed, "snapshot");
    const room1Patches = collect<SnapshotPatch>(room1, "schedule:patched");
    const watcherState = nextEvent<AdminState>(adminFeed(watcher), "state");
    const watcherPatches = collect<AdminPatch>(watcher, "admin:patched");
    const watcherWhole = collect<AdminState>(watcher, "admin:state");
    const versionBefore = hub.hub.schedule.version;

    const ack = await applyChange(admin, { kind: "delay", sessionKey: KEY_1100, minutes: 10 });

    expect(ack).toMatchObject({ ok: true, version: versionBefore + 1 });
    const stored = hub.store.listChanges().at(-1)?.change;
    expect(stored).toMatchObject({ kind: "delay", sessionKey: KEY_1100, minutes: 10, author: "organizer", at: AT_1115 });

    await expect.poll(() => room1Updates.length).toBe(1);
    const next = room1Updates[0]?.sessions.find((s) => s.key === KEY_1130);
    expect(next?.start).toBe(Date.parse("2025-03-06T11:40:00-08:00"));
    expect(next?.plannedStart).toBe(Date.parse("2025-03-06T11:30:00-08:00"));
    expect(room1Updates[0]?.version).toBe(versionBefore + 1);
    // Sent as what changed (the two shifted talks, not the day), and it fits what the screen held.
    expect(room1Patches).toHaveLength(1);
    expect(room1Patches[0]?.content.sessions?.upsert.map((s) => (s as { key: string }).key)).toContain(KEY_1130);
    expect(JSON.stringify(room1Patches[0]).length).toBeLessThan(JSON.stringify(room1Updates[0]).length / 3);
    expect(room1Feed.misfits).toEqual([]);
    const fresh = await screenOn(hub, "room:room-1");
    fresh.socket.disconnect();
    expect(room1Updates[0]).toEqual({ ...fresh.snapshot, pairingCode: room1Before.pairingCode, screenName: room1Before.screenName });

    // The other admin sees it live, with the change in the log.
    const state = await watcherState;
    expect(state.version).toBe(versionBefore + 1);
    expect(state.changes.at(-1)).toMatchObject({ kind: "delay", sessionKey: KEY_1100 });
    // As what changed: the new log entry and the shifted sessions, not every session and the
    // whole log; applied, it is exactly the state a newly connected admin gets.
    expect(watcherWhole).toEqual([]);
    expect(watcherPatches).toHaveLength(1);
    expect(watcherPatches[0]?.appended.map((c) => c.kind)).toEqual(["delay"]);
    expect(JSON.stringify(watcherPatches[0]).length).toBeLessThan(JSON.stringify(state).length / 3);
    expect(adminFeed(watcher).misfits).toBe(0);
    const newcomer = await connectAdmin(hub.url, cookie);
    newcomer.socket.disconnect();
    // (The screen list has its own updates, screens:changed.)
    expect({ ...state, screens: [] }).toEqual({ ...newcomer.state, screens: [] });

    await sleep(150);
    expect(room2Updates).toEqual([]);
  });

  it("sends the whole state again to an admin that asks for it (admin:resync)", async () => {
    const whole = nextEvent<AdminState>(watcher, "admin:state");
    watcher.emit("admin:resync");
    const state = await whole;
    expect(state.version).toBe(hub.hub.schedule.version);
    expect(state.role.kind).toBe("organizer");
  });

  it("refuses a change that does not validate with invalid-payload and issues, storing nothing", async () => {
    const before = { version: hub.hub.schedule.version, changes: hub.store.listChanges().length };
    const room1Updates = collect<DisplaySnapshot>(room1Feed, "snapshot");

    const ack = await applyChange(admin, { kind: "delay", sessionKey: KEY_1100, minutes: "ten" } as unknown as ChangeInputRaw);

    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error).toBe("invalid-payload");
    expect(ack.issues?.map((i) => i.path)).toContain("minutes");
    expect(hub.hub.schedule.version).toBe(before.version);
    expect(hub.store.listChanges()).toHaveLength(before.changes);
    await sleep(100);
    expect(room1Updates).toEqual([]);
  });

  it("refuses a change to a session that does not exist with not-found", async () => {
    const ack = await applyChange(admin, { kind: "cancel", sessionKey: "no-such-talk" });
    expect(ack).toMatchObject({ ok: false, error: "not-found" });
  });

  it("previews a delay without storing it: sessions before and after, rooms, screens that would change", async () => {
    const before = hub.store.listChanges().length;
    const ack = await previewChange(admin, { kind: "delay", sessionKey: KEY_1130, minutes: 15 });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const moved = ack.preview.sessions.find((s) => s.key === KEY_1130);
    expect(moved?.before?.start).toBe(Date.parse("2025-03-06T11:40:00-08:00"));
    expect(moved?.after?.start).toBe(Date.parse("2025-03-06T11:45:00-08:00"));
    expect(ack.preview.sessions.every((s) => s.roomId === "room-1")).toBe(true);
    expect(ack.preview.roomIds).toEqual(["room-1"]);
    expect(ack.preview.screens).toBe(1);
    expect(hub.store.listChanges()).toHaveLength(before);
  });

  it("lets nothing on /display apply a change: the screen namespace has no such command", async () => {
    const before = hub.hub.schedule.version;
    const raw = room1 as unknown as { emit(event: string, ...args: unknown[]): void };
    raw.emit("change:apply", { kind: "cancel", sessionKey: KEY_1130 }, () => undefined);
    await sleep(150);
    expect(hub.hub.schedule.version).toBe(before);
    expect(hub.hub.schedule.effective.sessions.find((s) => s.key === KEY_1130)?.status).toBe("scheduled");
  });
});
