// Volunteer links: an organizer creates one for Room 1; the volunteer may act on Room 1 only,
// whatever they send, and a revoked link stops working at once.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_NAMESPACE, type VolunteerLinkInfo } from "../../shared/protocol.js";
import {
  type AdminClient,
  connectAdmin,
  KEY_1100,
  KEY_ROOM2_1100,
  nextEvent,
  organizer,
  startPinnedHub,
  type TestHub,
} from "./helpers.js";

async function openLink(hub: TestHub, url: string): Promise<{ cookie: string; location: string | null }> {
  const res = await fetch(`${hub.url}${url}`, { redirect: "manual" });
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "", location: res.headers.get("location") };
}

describe("a volunteer link for Room 1", () => {
  let hub: TestHub;
  let admin: AdminClient;
  let volunteer: AdminClient;
  let link: VolunteerLinkInfo;
  let volunteerCookie: string;
  let organizerChangeId: string;

  beforeAll(async () => {
    hub = await startPinnedHub();
    admin = (await organizer(hub)).socket;
    const created = await admin.timeout(3000).emitWithAck("volunteer:create", { label: "Room 1 door, Thursday", roomIds: ["room-1"] });
    if (!created.ok) throw new Error(created.message);
    link = created.link;
    const applied = await admin.timeout(3000).emitWithAck("change:apply", { kind: "room-status", roomId: "room-2", status: "full" });
    if (!applied.ok) throw new Error(applied.message);
    organizerChangeId = applied.changeId;
  });

  afterAll(async () => {
    admin?.disconnect();
    volunteer?.disconnect();
    await hub?.dispose();
  });

  it("is a /v/ path with a 128-bit token, stored only as a hash", () => {
    expect(link.url).toMatch(/^\/v\/[A-Za-z0-9_-]{22}$/);
    const token = link.url?.slice(3) ?? "";
    expect(hub.store.listLinks().some((l) => l.tokenHash.includes(token))).toBe(false);
  });

  it("signs the volunteer in and sends them to their room's page", async () => {
    const opened = await openLink(hub, link.url ?? "");
    expect(opened.location).toBe("/admin/#/room/room-1");
    volunteerCookie = opened.cookie;
    const connected = await connectAdmin(hub.url, volunteerCookie);
    volunteer = connected.socket;
    expect(connected.state.role).toEqual({ kind: "volunteer", name: "Room 1 door, Thursday", linkId: link.id, roomIds: ["room-1"] });
    // Volunteers never see screens or other links.
    expect(connected.state.screens).toEqual([]);
    expect(connected.state.volunteerLinks).toEqual([]);
  });

  it("lets the volunteer delay a talk in Room 1, recorded under the link's label", async () => {
    const ack = await volunteer.timeout(3000).emitWithAck("change:apply", { kind: "delay", sessionKey: KEY_1100, minutes: 5 });
    expect(ack.ok).toBe(true);
    expect(hub.store.listChanges().at(-1)?.change.author).toBe("Room 1 door, Thursday");
    const started = await volunteer.timeout(3000).emitWithAck("change:apply", { kind: "room-status", roomId: "room-1", status: "full" });
    expect(started.ok).toBe(true);
  });

  it.each([
    ["a delay in Room 2", { kind: "delay", sessionKey: KEY_ROOM2_1100, minutes: 10 }],
    ["Room 2's status", { kind: "room-status", roomId: "room-2", status: "open" }],
    ["a cancellation, even in Room 1", { kind: "cancel", sessionKey: KEY_1100 }],
    ["an announcement to everyone", { kind: "announce", text: "Free pizza", target: { kind: "all" } }],
    ["an announcement to Room 1 and Room 2", { kind: "announce", text: "Free pizza", target: { kind: "rooms", roomIds: ["room-1", "room-2"] } }],
    ["the rehearsal clock", { kind: "clock", set: null }],
  ])("refuses %s as forbidden and stores nothing", async (_what, change) => {
    const before = hub.store.listChanges().length;
    const ack = await volunteer.timeout(3000).emitWithAck("change:apply", change as never);
    expect(ack).toMatchObject({ ok: false, error: "forbidden" });
    expect(hub.store.listChanges()).toHaveLength(before);
  });

  it("allows an announcement to Room 1 but refuses undoing an organizer's change", async () => {
    const ann = await volunteer.timeout(3000).emitWithAck("change:apply", { kind: "announce", text: "Room 1 is full", target: { kind: "rooms", roomIds: ["room-1"] } });
    expect(ann.ok).toBe(true);
    const undoOther = await volunteer.timeout(3000).emitWithAck("change:apply", { kind: "undo", changeId: organizerChangeId });
    expect(undoOther).toMatchObject({ ok: false, error: "forbidden" });
    if (!ann.ok) return;
    const undoOwn = await volunteer.timeout(3000).emitWithAck("change:apply", { kind: "undo", changeId: ann.changeId });
    expect(undoOwn.ok).toBe(true);
  });

  it("refuses screen and link commands to volunteers", async () => {
    expect(await volunteer.timeout(3000).emitWithAck("screen:reload", { screenId: "abcdefgh" })).toMatchObject({ error: "forbidden" });
    expect(await volunteer.timeout(3000).emitWithAck("volunteer:create", { label: "me too", roomIds: ["room-2"] })).toMatchObject({ error: "forbidden" });
  });

  it("stops working at once when revoked: the socket is dropped, the cookie and the link refused", async () => {
    const dropped = nextEvent<string>(volunteer, "disconnect");
    const ack = await admin.timeout(3000).emitWithAck("volunteer:revoke", { id: link.id });
    expect(ack).toEqual({ ok: true });
    expect(await dropped).toBe("io server disconnect");

    const retry = io(`${hub.url}${ADMIN_NAMESPACE}`, { transports: ["websocket"], extraHeaders: { cookie: volunteerCookie }, forceNew: true });
    const refused = await nextEvent<Error>(retry, "connect_error");
    retry.disconnect();
    expect(refused.message).toBe("unauthorized");
    expect((await fetch(`${hub.url}/api/me`, { headers: { cookie: volunteerCookie } })).status).toBe(401);
    expect((await fetch(`${hub.url}${link.url}`, { redirect: "manual" })).status).toBe(410);
  });

  it("refuses a link whose expiry has passed", async () => {
    const created = await admin.timeout(3000).emitWithAck("volunteer:create", { label: "past", roomIds: ["room-1"], expiresAt: 1 });
    expect(created).toMatchObject({ ok: false, error: "invalid-payload" });
  });
});
