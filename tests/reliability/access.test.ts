// No one gets in where they do not belong: screens cannot change anything, cookies cannot be
// forged, volunteer links act only on their rooms and stop at revocation or expiry, and login
// attempts are rate-limited.
import { randomBytes } from "node:crypto";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_NAMESPACE, type AdminState, type VolunteerLinkInfo } from "../../shared/protocol.js";
import { type AdminClient, adminFeed, connectAdmin, loginCookie, startHub, TEST_PASSWORD, type TestHub } from "../browser/harness.js";
import { type ConnectedDisplay, connectDisplay, volunteerCookie } from "./support.js";

/** Tries to open an /admin socket with this Cookie header; resolves with the refusal message or "connected". */
function tryAdmin(baseUrl: string, cookie: string | null): Promise<string> {
  const socket = io(`${baseUrl}${ADMIN_NAMESPACE}`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

describe("who may do what on the hub", () => {
  let hub: TestHub;
  let organizer: AdminClient;
  let state: AdminState;
  let screen: ConnectedDisplay;
  const sessionIn = (roomId: string) => state.sessions.find((s) => s.roomId === roomId && s.status === "scheduled")?.key ?? "";

  beforeAll(async () => {
    hub = await startHub();
    const connected = await connectAdmin(hub.url, await loginCookie(hub.url));
    organizer = connected.socket;
    state = connected.state;
    adminFeed(organizer).on("state", (s: AdminState) => {
      state = s;
    });
    screen = await connectDisplay(hub.url, "door-screen-0001", "room:room-1");
  });

  afterAll(async () => {
    organizer?.close();
    screen?.socket.close();
    await hub?.dispose();
  });

  async function createLink(roomIds: string[], expiresAt: number | null = null): Promise<VolunteerLinkInfo> {
    const result = await organizer.timeout(3000).emitWithAck("volunteer:create", { label: `Door ${roomIds.join("+")}`, roomIds, expiresAt });
    if (!result.ok || !result.link.url) throw new Error(`volunteer:create failed: ${JSON.stringify(result)}`);
    return result.link;
  }

  it("gives a screen no way to apply a change: /display has no such command and nothing is stored", async () => {
    const version = state.version;
    const attempt = (screen.socket.timeout(1000).emitWithAck as (...a: unknown[]) => Promise<unknown>)("change:apply", {
      kind: "cancel",
      sessionKey: sessionIn("room-1"),
    });
    await expect(attempt).rejects.toThrow();
    expect(state.version).toBe(version);
    expect(screen.socket.connected).toBe(true);
  });

  it("refuses /admin to a screen without a session cookie", async () => {
    expect(await tryAdmin(hub.url, null)).toBe("unauthorized");
  });

  it("refuses a forged session cookie, a tampered real one, and a cookie under another name", async () => {
    const real = await loginCookie(hub.url);
    const token = real.split("=")[1] ?? "";
    const tampered = `roomcast_session=${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const cookie of [`roomcast_session=${randomBytes(32).toString("base64url")}`, tampered, `other_session=${token}`]) {
      expect(await tryAdmin(hub.url, cookie), cookie).toBe("unauthorized");
      const me = await fetch(`${hub.url}/api/me`, { headers: { cookie } });
      expect(me.status, cookie).toBe(401);
    }
    expect(await tryAdmin(hub.url, real)).toBe("connected");
  });

  it("lets a volunteer act on the rooms of the link and on no other room", async () => {
    const link = await createLink(["room-1"]);
    const volunteer = (await connectAdmin(hub.url, await volunteerCookie(hub.url, link.url ?? ""))).socket;
    try {
      const apply = (change: object) => volunteer.timeout(3000).emitWithAck("change:apply", change as never);
      expect(await apply({ kind: "delay", sessionKey: sessionIn("room-1"), minutes: 5 })).toMatchObject({ ok: true });
      for (const change of [
        { kind: "delay", sessionKey: sessionIn("room-2"), minutes: 5 },
        { kind: "started", sessionKey: sessionIn("room-2") },
        { kind: "room-status", roomId: "room-2", status: "full" },
        { kind: "announce", text: "Free pizza", target: { kind: "all" } },
        { kind: "announce", text: "Free pizza", target: { kind: "rooms", roomIds: ["room-1", "room-2"] } },
        { kind: "cancel", sessionKey: sessionIn("room-1") },
        { kind: "clock", set: null },
      ]) {
        expect(await apply(change), JSON.stringify(change)).toMatchObject({ ok: false, error: "forbidden" });
      }
      const assign = await volunteer.timeout(3000).emitWithAck("screen:assign", { screenId: "door-screen-0001", view: "lobby" });
      expect(assign).toMatchObject({ ok: false, error: "forbidden" });
      const create = await volunteer.timeout(3000).emitWithAck("volunteer:create", { label: "me too", roomIds: ["room-2"] });
      expect(create).toMatchObject({ ok: false, error: "forbidden" });
    } finally {
      volunteer.close();
    }
  });

  it("stops a volunteer link at revocation: the socket is dropped, the cookie and the link refused", async () => {
    const link = await createLink(["room-1"]);
    const cookie = await volunteerCookie(hub.url, link.url ?? "");
    const volunteer = (await connectAdmin(hub.url, cookie)).socket;
    const dropped = new Promise<void>((r) => volunteer.once("disconnect", () => r()));
    expect(await organizer.timeout(3000).emitWithAck("volunteer:revoke", { id: link.id })).toMatchObject({ ok: true });
    await dropped;
    expect(await tryAdmin(hub.url, cookie)).toBe("unauthorized");
    const again = await fetch(`${hub.url}${link.url}`, { redirect: "manual" });
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(again.status).toBeGreaterThanOrEqual(400);
  });

  it("stops a volunteer link at its expiry", async () => {
    const link = await createLink(["room-1"], Date.now() + 1500);
    const cookie = await volunteerCookie(hub.url, link.url ?? "");
    const volunteer = (await connectAdmin(hub.url, cookie)).socket;
    await new Promise((r) => setTimeout(r, 1700));
    const late = await volunteer
      .timeout(2000)
      .emitWithAck("change:apply", { kind: "delay", sessionKey: sessionIn("room-1"), minutes: 5 })
      .catch(() => ({ ok: false as const, error: "dropped" }));
    expect(late.ok).toBe(false);
    volunteer.close();
    expect(await tryAdmin(hub.url, cookie)).toBe("unauthorized");
  });
});

describe("organizer login", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  const attempt = (password: string) =>
    fetch(`${hub.url}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password }) });

  it("is rate-limited: after repeated wrong passwords even the right one is turned away for a while", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt(`wrong ${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    const right = await attempt(TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();
  });
});
