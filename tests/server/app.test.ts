// The HTTP side: health, sign-in with a plain refusal and throttling, the session cookie,
// body limits, pages and exports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_FREE_FAILURES } from "../../server/rate-limit.js";
import { connectAdmin, loginCookie, nextEvent, startPinnedHub, TEST_PASSWORD, type TestHub } from "./helpers.js";

function login(hub: TestHub, password: string) {
  return fetch(`${hub.url}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password }),
  });
}

describe("the hub over HTTP", () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startPinnedHub();
  });

  afterAll(async () => {
    await hub?.dispose();
  });

  it("reports health with version, event and build", async () => {
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, version: hub.hub.schedule.version, eventId: "planet-nix-2025", appVersion: "dev" });
  });

  it("signs an organizer in with an httpOnly, SameSite=Strict session cookie", async () => {
    const res = await login(hub, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^roomcast_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await fetch(`${hub.url}/api/me`, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(await me.json()).toEqual({ ok: true, role: { kind: "organizer", name: "organizer" } });
  });

  it("does not accept a forged session cookie", async () => {
    const me = await fetch(`${hub.url}/api/me`, { headers: { cookie: "roomcast_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    expect(me.status).toBe(401);
  });

  it("ends the session on logout, and the admin socket opened with it at once", async () => {
    const cookie = await loginCookie(hub.url);
    const { socket } = await connectAdmin(hub.url, cookie);
    const dropped = nextEvent<string>(socket, "disconnect");
    await fetch(`${hub.url}/api/logout`, { method: "POST", headers: { cookie } });
    expect(await dropped).toBe("io server disconnect");
    expect((await fetch(`${hub.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it("refuses a wrong password plainly, then locks the address out after repeated failures", async () => {
    for (let i = 0; i < LOGIN_FREE_FAILURES; i++) {
      const res = await login(hub, "hunter2");
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ ok: false, error: "unauthorized", message: "Wrong password." });
    }
    // Even the right password is refused while locked: guessing cannot continue at full speed.
    const locked = await login(hub, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ ok: false, error: "rate-limited" });
  });

  it("refuses a JSON body over 64 kB with too-large", async () => {
    const res = await fetch(`${hub.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: "x".repeat(70_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: "too-large" });
  });

  it("sends / to the admin page and answers unknown paths with 404", async () => {
    const root = await fetch(`${hub.url}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/admin/");
    expect((await fetch(`${hub.url}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${hub.url}/assets/missing.js`)).status).toBe(404);
  });

  it("says the pages are not built rather than failing when dist is missing", async () => {
    const res = await fetch(`${hub.url}/display/room/room-1`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  });

  it("exports the effective schedule as re-importable Roomcast JSON and as iCalendar, to organizers only", async () => {
    expect((await fetch(`${hub.url}/api/export.json`)).status).toBe(401);
    // The login lock above is per address; a fresh hub keeps this test independent of it.
    const other = await startPinnedHub();
    try {
      const cookie = await loginCookie(other.url);
      const json = await (await fetch(`${other.url}/api/export.json`, { headers: { cookie } })).json();
      expect(json).toMatchObject({ format: "roomcast", version: 1, event: { id: "planet-nix-2025", timeZone: "America/Los_Angeles" } });
      expect(json.sessions.find((s: { key: string }) => s.key === "pn25-0306-room-1-1100")).toMatchObject({
        start: "2025-03-06T11:00:00-08:00",
        end: "2025-03-06T11:30:00-08:00",
      });
      const ics = await (await fetch(`${other.url}/api/export.ics`, { headers: { cookie } })).text();
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).toContain("DTSTART:20250306T190000Z");
    } finally {
      await other.dispose();
    }
  });
});
