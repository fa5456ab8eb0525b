// A screen in the wild: a device clock hours off and in UTC, a hub that is gone at boot or
// restarts, and an unassigned screen paired from the admin page.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatTime } from "../../shared/time.js";
import { connectAdmin, describeBrowser, loginCookie, openBrowser, startHub, type TestHub } from "./harness.js";

const ZONE = "America/Los_Angeles";
const pasadena = (local: string) => Date.parse(`${local}-08:00`);
const AT_1115 = pasadena("2025-03-06T11:15:00");
const THREE_HOURS_MS = 3 * 3600_000;

/** Runs in the page before any script: the device clock 3 hours ahead. */
function shiftDeviceClock(offsetMs: number) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string]));
    }
    static override now() {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

describeBrowser("a screen in the wild", () => {
  let browser: Browser;
  const hubs: TestHub[] = [];
  const contexts: BrowserContext[] = [];

  async function hub(options: Parameters<typeof startHub>[0] = {}): Promise<TestHub> {
    const h = await startHub({ clockStart: AT_1115, ...options });
    hubs.push(h);
    return h;
  }
  async function context(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
    const c = await browser.newContext({ viewport: { width: 1920, height: 1080 }, ...options });
    contexts.push(c);
    return c;
  }

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    for (const h of hubs) await h.close().catch(() => undefined);
  });

  it("shows venue time from the hub when the device clock is 3 hours off and set to UTC", async () => {
    const h = await hub();
    const c = await context({ timezoneId: "UTC" });
    await c.addInitScript(shiftDeviceClock, THREE_HOURS_MS);
    const page = await c.newPage();
    expect(await page.evaluate(() => Date.now() - performance.timeOrigin - performance.now())).toBeGreaterThan(THREE_HOURS_MS - 60_000);
    await page.goto(`${h.url}/display/room/room-1`);
    await page.getByTestId("current-title").waitFor();
    // The rehearsal clock runs from 11:15 Pasadena time, whatever the device believes.
    await expect.poll(() => page.getByTestId("clock").innerText()).toMatch(/^11:1[5-6]:\d\d$/);
    expect(await page.getByTestId("current-title").innerText()).toContain("Docker Was Too Slow");

    // Its heartbeat tells organizers how far off its clock is.
    const { socket, state } = await connectAdmin(h.url, await loginCookie(h.url));
    const screenId = await page.evaluate(() => localStorage.getItem("roomcast.screenId"));
    let offset = state.screens.find((s) => s.screenId === screenId)?.clockOffsetMs ?? null;
    socket.on("screens:changed", (screens) => {
      offset = screens.find((s) => s.screenId === screenId)?.clockOffsetMs ?? offset;
    });
    await expect.poll(() => offset, { timeout: 5000 }).toBeLessThan(-THREE_HOURS_MS + 5_000);
    expect(offset).toBeGreaterThan(-THREE_HOURS_MS - 5_000);

    // Back to real time: the screen shows the real Pasadena time, not the device's.
    const result = await socket.timeout(5000).emitWithAck("change:apply", { kind: "clock", set: null });
    socket.close();
    expect(result.ok).toBe(true);
    await expect.poll(() => page.getByTestId("rehearsal").count()).toBe(0);
    const shown = (await page.getByTestId("clock").innerText()).slice(0, 5);
    const expected = [formatTime(Date.now() - 60_000, ZONE), formatTime(Date.now(), ZONE), formatTime(Date.now() + 60_000, ZONE)];
    expect(expected).toContain(shown);
  });

  it("boots from its cache without the hub, keeps advancing at session boundaries, and admits it is offline", async () => {
    const h = await hub();
    const c = await context();
    const first = await c.newPage();
    await first.goto(`${h.url}/display/room/room-1`);
    await first.getByTestId("current-title").waitFor();
    // Keep the page's files as the browser would have them, then lose the hub for good.
    const files = new Map<string, { body: Buffer; contentType: string }>();
    for (const path of ["/display/room/room-1", ...(await first.evaluate(() => [...document.querySelectorAll("script[src], link[href]")].map((e) => new URL((e as HTMLScriptElement).src || (e as HTMLLinkElement).href).pathname)))]) {
      const res = await fetch(`${h.url}${path}`);
      files.set(path, { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get("content-type") ?? "text/html" });
    }
    await first.close();
    await h.close();
    await c.route(`${h.url}/**`, async (route) => {
      const file = files.get(new URL(route.request().url()).pathname);
      if (file) await route.fulfill({ body: file.body, contentType: file.contentType });
      else await route.abort("connectionrefused");
    });

    const page = await c.newPage();
    await page.clock.install();
    await page.goto(`${h.url}/display/room/room-1`);
    await page.getByTestId("current-title").waitFor();
    expect(await page.getByTestId("current-title").innerText()).toContain("Docker Was Too Slow");
    expect(await page.getByTestId("offline").count()).toBe(0);

    await page.clock.runFor(61_000);
    await expect.poll(() => page.getByTestId("offline").innerText()).toMatch(/^offline since 11:1[5-6]$/);
    // Past 11:30 on its own clock, the next talk becomes current.
    await page.clock.runFor(15 * 60_000);
    await expect.poll(() => page.getByTestId("current-title").innerText()).toBe("How to make Nix five times faster");
  });

  it("reconnects after the hub restarts and shows a change made meanwhile", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "roomcast-restart-"));
    try {
      const h = await startHub({ clockStart: AT_1115, dataDir });
      const c = await context();
      const page = await c.newPage();
      await page.goto(`${h.url}/display/room/room-1`);
      await page.getByTestId("current-title").waitFor();
      await h.close();

      const again = await startHub({ clockStart: AT_1115, dataDir, port: h.port });
      hubs.push(again);
      const { socket } = await connectAdmin(again.url, await loginCookie(again.url));
      const result = await socket
        .timeout(5000)
        .emitWithAck("change:apply", { kind: "delay", sessionKey: "pn25-0306-room-1-1100", minutes: 10 });
      socket.close();
      expect(result.ok).toBe(true);
      await page.getByTestId("current-delay").waitFor({ timeout: 20_000 });
      expect(await page.getByTestId("current-delay").innerText()).toBe("+10 min late");
      expect(await page.getByTestId("offline").count()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("pairs an unassigned screen from the admin page, identifies and reloads it, and keeps its view", async () => {
    const h = await hub();
    const c = await context();
    const page = await c.newPage();
    await page.goto(`${h.url}/display`);
    const code = await page.getByTestId("pairing-code").innerText();
    expect(code).toMatch(/^[A-Z0-9]{4,8}$/);
    expect(await page.locator("body").innerText()).toContain("assign me on the admin page");

    const { socket, state } = await connectAdmin(h.url, await loginCookie(h.url));
    let screen = state.screens.find((s) => s.pairingCode === code);
    if (!screen) {
      const screens = await new Promise<typeof state.screens>((resolve) => socket.once("screens:changed", resolve));
      screen = screens.find((s) => s.pairingCode === code);
    }
    expect(screen).toBeDefined();
    const screenId = screen?.screenId ?? "";

    // An emergency meant for all reaches a screen that has no view yet.
    const fire = await socket.timeout(5000).emitWithAck("change:apply", { kind: "announce", announcementId: "drill", text: "Fire drill", level: "emergency" });
    expect(fire.ok).toBe(true);
    await expect.poll(() => page.getByTestId("emergency").innerText()).toContain("Fire drill");
    expect((await socket.timeout(5000).emitWithAck("change:apply", { kind: "withdraw", announcementId: "drill" })).ok).toBe(true);
    await expect.poll(() => page.getByTestId("emergency").count()).toBe(0);

    const identified = await socket.timeout(5000).emitWithAck("screen:identify", { screenId });
    expect(identified.ok).toBe(true);
    await expect.poll(() => page.getByTestId("identify").innerText()).toContain(code);

    const assigned = await socket.timeout(5000).emitWithAck("screen:assign", { screenId, view: "room:room-2" });
    expect(assigned.ok).toBe(true);
    await expect.poll(() => page.getByTestId("room-name").innerText()).toBe("Room 2");
    expect(await page.getByTestId("current-title").innerText()).toContain("generating secrets with nixos");

    // The organizer reloads it remotely; it comes back on its view.
    const reloaded = page.waitForEvent("load");
    expect((await socket.timeout(5000).emitWithAck("screen:reload", { screenId })).ok).toBe(true);
    socket.close();
    await reloaded;
    await expect.poll(() => page.getByTestId("room-name").innerText()).toBe("Room 2");
  });
});
