// Two organizers and ten volunteers acting at once converge: every screen and every admin page
// ends on what the hub holds, and every acknowledged change is in the log exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeInputRaw } from "../../shared/model.js";
import type { AdminState } from "../../shared/protocol.js";
import { viewContent } from "../../server/views.js";
import {
  type AdminClient,
  adminFeed,
  applyChange,
  connectAdmin,
  type DisplayClient,
  organizer,
  type ScreenFeed,
  screenOn,
  sleep,
  startPinnedHub,
  type TestHub,
} from "./helpers.js";

const ROOM1 = ["pn25-0306-room-1-1100", "pn25-0306-room-1-1130", "pn25-0306-room-1-1330", "pn25-0306-room-1-1400"];
const ROOM2 = ["pn25-0306-room-2-1100", "pn25-0306-room-2-1130", "pn25-0306-room-2-1330", "pn25-0306-room-2-1500"];
const CHANGES_PER_CLIENT = 8;

/** A deterministic stream of changes for one client (seeded, so a failure can be replayed). */
function script(seed: number, roomId: string, keys: string[], organizerPowers: boolean): ChangeInputRaw[] {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x);
  return Array.from({ length: CHANGES_PER_CLIENT }, (): ChangeInputRaw => {
    const key = keys[next() % keys.length] ?? "";
    switch (next() % (organizerPowers ? 5 : 3)) {
      case 0:
        return { kind: "delay", sessionKey: key, minutes: (next() % 15) + 1 };
      case 1:
        return { kind: "room-status", roomId, status: next() % 2 ? "full" : "open" };
      case 2:
        return { kind: "announce", text: `Note ${next() % 100}`, target: { kind: "rooms", roomIds: [roomId] } };
      case 3:
        return { kind: "cancel", sessionKey: key };
      default:
        return { kind: "restore", sessionKey: key };
    }
  });
}

describe("two organizers and ten volunteers at once", () => {
  let hub: TestHub;
  const admins: { socket: AdminClient; states: AdminState[]; script: ChangeInputRaw[] }[] = [];
  const screens: { socket: DisplayClient; view: string; feed: ScreenFeed }[] = [];

  beforeAll(async () => {
    hub = await startPinnedHub();
    const boss = await organizer(hub);
    for (let i = 0; i < 2; i++) {
      const { socket } = await connectAdmin(hub.url, boss.cookie);
      admins.push({ socket, states: [], script: script(7 + i, i ? "room-2" : "room-1", i ? ROOM2 : ROOM1, true) });
    }
    for (let i = 0; i < 10; i++) {
      const roomId = i % 2 ? "room-2" : "room-1";
      const created = await applyLink(boss.socket, `Volunteer ${i}`, roomId);
      const res = await fetch(`${hub.url}${created}`, { redirect: "manual" });
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const { socket } = await connectAdmin(hub.url, cookie);
      admins.push({ socket, states: [], script: script(100 + i, roomId, roomId === "room-1" ? ROOM1 : ROOM2, false) });
    }
    boss.socket.disconnect();
    for (const view of ["room:room-1", "room:room-2", "lobby"]) {
      const { socket, feed } = await screenOn(hub, view);
      screens.push({ socket, view, feed });
    }
    for (const a of admins) adminFeed(a.socket).on("state", (s: AdminState) => a.states.push(s));
  });

  afterAll(async () => {
    for (const a of admins) a.socket.disconnect();
    for (const s of screens) s.socket.disconnect();
    await hub?.dispose();
  });

  async function applyLink(socket: AdminClient, label: string, roomId: string): Promise<string> {
    const created = await socket.timeout(3000).emitWithAck("volunteer:create", { label, roomIds: [roomId] });
    if (!created.ok || !created.link.url) throw new Error("no link");
    return created.link.url;
  }

  it("acknowledges every change once, and every screen and admin ends on the hub's schedule", async () => {
    const acked = await Promise.all(
      admins.map(async (a) => {
        const ids: string[] = [];
        for (const change of a.script) {
          const ack = await applyChange(a.socket, change);
          expect(ack.ok, JSON.stringify(ack)).toBe(true);
          if (ack.ok) ids.push(ack.changeId);
        }
        return ids;
      }),
    );
    const all = acked.flat();
    expect(all).toHaveLength(admins.length * CHANGES_PER_CLIENT);
    const logged = hub.store.listChanges().map((c) => c.change.id);
    expect(new Set(logged.filter((id) => all.includes(id))).size).toBe(all.length);

    const final = hub.hub.schedule;
    await expect.poll(() => admins.every((a) => a.states.at(-1)?.version === final.version)).toBe(true);
    for (const a of admins) expect(a.states.at(-1)?.sessions).toEqual(final.effective.sessions);
    await sleep(100);
    for (const s of screens) {
      const expected = viewContent(final.effective, s.view, final.now());
      expect(s.feed.misfits).toEqual([]);
      expect({ sessions: s.feed.latest.sessions, roomStatus: s.feed.latest.roomStatus, announcements: s.feed.latest.announcements }).toEqual({
        sessions: expected.sessions,
        roomStatus: expected.roomStatus,
        announcements: expected.announcements,
      });
    }
  });
});
