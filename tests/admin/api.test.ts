import { afterEach, describe, expect, it, vi } from "vitest";
import { login, me } from "../../admin/api.js";

function answer(status: number, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response("{}", { status, headers }));
}

describe("signing in over HTTP", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says plainly when the password is wrong", async () => {
    vi.stubGlobal("fetch", answer(401));
    expect(await login("nope")).toEqual({ ok: false, message: "Wrong password." });
  });

  it("says how long to wait when the hub slows repeated attempts", async () => {
    vi.stubGlobal("fetch", answer(429, { "retry-after": "8" }));
    expect(await login("nope")).toEqual({ ok: false, message: "Too many attempts. Try again in 8 s." });
  });

  it("sends the password as JSON and accepts the hub's yes", async () => {
    const fetch = answer(200);
    vi.stubGlobal("fetch", fetch);
    expect(await login("secret")).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith("/api/login", expect.objectContaining({ method: "POST", body: JSON.stringify({ password: "secret" }) }));
  });

  it("tells a network failure apart from a refusal", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("failed to fetch"))));
    expect((await login("x")).ok).toBe(false);
    expect(await me()).toEqual({ signedIn: false, offsetMs: 0 });
  });

  it("reads the hub's clock offset from /api/me's Date header", async () => {
    const hubNow = Date.now() + 3 * 3600_000;
    vi.stubGlobal("fetch", answer(200, { date: new Date(hubNow).toUTCString() }));
    const result = await me();
    expect(result.signedIn).toBe(true);
    expect(Math.abs(result.offsetMs - 3 * 3600_000)).toBeLessThan(1500);
  });
});
