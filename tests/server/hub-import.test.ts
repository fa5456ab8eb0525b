// The seam imports use: hub.importEvent stores the schedule in one transaction and pushes it to
// the screens whose view changed; an unchanged schedule sends screens nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Event } from "../../shared/model.js";
import { toRoomcastJson } from "../../shared/formats/roomcast.js";
import type { ImportReport } from "../../shared/formats/types.js";
import type { AdminPatch, AdminState, DisplaySnapshot } from "../../shared/protocol.js";
import { loadDemo } from "../../server/demo/index.js";
import { applyChange, collect, type DisplayClient, KEY_1100, type ScreenFeed, organizer, screenOn, sleep, startPinnedHub, type TestHub } from "./helpers.js";

const REPORT: ImportReport = { format: "roomcast", days: 2, rooms: 2, sessions: 0, warnings: [], repairs: [] };

function renamed(event: Event, key: string, title: string): Event {
  return { ...event, sessions: event.sessions.map((s) => (s.key === key ? { ...s, title } : s)) };
}

describe("importing a schedule into a running hub", () => {
  let hub: TestHub;
  let room1: DisplayClient;
  let room2: DisplayClient;
  let room1Feed: ScreenFeed;
  let room2Feed: ScreenFeed;
  const ours: Event = { ...loadDemo("planet-nix-2025"), id: "our-conf", title: "Our Conference" };

  beforeAll(async () => {
    hub = await startPinnedHub();
    const r1 = await screenOn(hub, "room:room-1");
    const r2 = await screenOn(hub, "room:room-2");
    [room1, room2, room1Feed, room2Feed] = [r1.socket, r2.socket, r1.feed, r2.feed];
  });

  afterAll(async () => {
    room1?.disconnect();
    room2?.disconnect();
    await hub?.dispose();
  });

  it("replaces the demo, drops the demo's changes and its rehearsal clock, and tells every screen", async () => {
    const updates = collect<DisplaySnapshot>(room1Feed, "snapshot");
    const version = hub.hub.importEvent(ours, "upload:ours.json", REPORT);
    await expect.poll(() => updates.length).toBe(1);
    expect(updates[0]).toMatchObject({ version, event: { title: "Our Conference" }, clock: null });
    expect(hub.store.listChanges()).toEqual([]);
    expect(hub.hub.schedule.stored.source).toBe("upload:ours.json");
  });

  it("gives admins the whole state after an import, and patches again after the next change", async () => {
    const { socket: admin } = await organizer(hub);
    try {
      const whole = collect<AdminState>(admin, "admin:state");
      const patches = collect<AdminPatch>(admin, "admin:patched");
      const version = hub.hub.importEvent(renamed(ours, KEY_1100, "Imported again"), "upload:ours.json", REPORT);
      await expect.poll(() => whole.length).toBe(1);
      expect(whole[0]?.version).toBe(version);
      expect(patches).toEqual([]);
      expect((await applyChange(admin, { kind: "announce", text: "after the import", level: "info", target: { kind: "all" } })).ok).toBe(true);
      await expect.poll(() => patches.length).toBe(1);
      expect(patches[0]?.baseVersion).toBe(version);
      expect(whole).toHaveLength(1);
    } finally {
      admin.disconnect();
    }
  });

  it("keeps the changes made on an imported schedule when it is re-imported", async () => {
    const updates = collect<DisplaySnapshot>(room1Feed, "snapshot");
    const { socket } = await organizer(hub);
    const ack = await applyChange(socket, { kind: "cancel", sessionKey: KEY_1100 });
    socket.disconnect();
    expect(ack.ok).toBe(true);
    hub.hub.importEvent(renamed(ours, KEY_1100, "Docker Was Too Slow (updated)"), "upload:ours.json", REPORT);
    const session = hub.hub.schedule.effective.sessions.find((s) => s.key === KEY_1100);
    expect(session).toMatchObject({ title: "Docker Was Too Slow (updated)", status: "cancelled" });
    await expect.poll(() => updates.at(-1)?.sessions.find((s) => s.key === KEY_1100)?.displayTitle).toBe("Docker Was Too Slow (updated)");
  });

  it("sends nothing to a screen whose view the import does not change", async () => {
    const room1Updates = collect<DisplaySnapshot>(room1Feed, "snapshot");
    const room2Updates = collect<DisplaySnapshot>(room2Feed, "snapshot");
    const current = hub.hub.schedule.stored.event;
    hub.hub.importEvent(renamed(current, KEY_1100, "Docker, retitled again"), "upload:ours.json", REPORT);
    await expect.poll(() => room1Updates.length).toBe(1);
    hub.hub.importEvent(hub.hub.schedule.stored.event, "upload:ours.json", REPORT);
    await sleep(150);
    expect(room1Updates).toHaveLength(1);
    expect(room2Updates).toEqual([]);
  });
});

describe("the import API on a running hub", () => {
  it("applies an uploaded file and pushes it to the screens", async () => {
    const hub = await startPinnedHub();
    const { socket: screen, feed } = await screenOn(hub, "room:room-1");
    try {
      const cookie = (await organizer(hub)).cookie;
      const updates = collect<DisplaySnapshot>(feed, "snapshot");
      const file = toRoomcastJson(renamed({ ...loadDemo("planet-nix-2025"), id: "uploaded", title: "Uploaded" }, KEY_1100, "Uploaded title"));
      const res = await fetch(`${hub.url}/api/import?kind=file&name=ours.json`, {
        method: "POST",
        headers: { cookie, "content-type": "application/octet-stream" },
        body: JSON.stringify(file),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, applied: true });
      await expect.poll(() => updates.at(-1)?.sessions.find((s) => s.key === KEY_1100)?.title).toBe("Uploaded title");
      expect(hub.hub.schedule.stored.source).toBe("file:ours.json");
    } finally {
      screen.disconnect();
      await hub.dispose();
    }
  });
});
