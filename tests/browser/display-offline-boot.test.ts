// A screen that boots while the hub is unreachable: its service worker serves the page it kept
// from the hub, the page shows the cached schedule, admits it is offline after a minute, and
// resynchronises when a hub comes back on the same data and port. Never a browser error page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectAdmin, describeBrowser, loginCookie, openBrowser, REPO_ROOT, startHub, type TestHub } from "./harness.js";

const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const DOOR = "/display/room/room-1";

/** Paths the screen's service worker holds, once it is active. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open("roomcast-display-v1");
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

describeBrowser("a screen booting without its hub", () => {
  let browser: Browser;
  let context: BrowserContext;
  const dataDir = mkdtempSync(join(tmpdir(), "roomcast-offline-boot-"));
  const hubs: TestHub[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    for (const h of hubs) await h.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves its service worker with a scope that covers every display path", async () => {
    const h = await startHub({ clockStart: AT_1115, dataDir });
    hubs.push(h);
    const res = await fetch(`${h.url}/display/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("service-worker-allowed")).toBe("/display");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toContain('addEventListener("fetch"');
    await h.close();
  });

  it("boots from the page its service worker kept, shows the cached talk, admits it is offline, and resyncs with a hub back on its port", async () => {
    const h = await startHub({ clockStart: AT_1115, dataDir });
    hubs.push(h);
    const first = await context.newPage();
    await first.goto(`${h.url}${DOOR}`);
    await first.getByTestId("current-title").waitFor();
    // The worker keeps the page and every asset it names.
    await expect.poll(() => cachedPaths(first), { timeout: 10_000 }).toContain("/display/");
    const kept = await cachedPaths(first);
    const assets = await first.evaluate(() =>
      [...document.querySelectorAll("script[src], link[href]")].map((e) => new URL((e as HTMLScriptElement).src || (e as HTMLLinkElement).href).pathname),
    );
    expect(assets.length).toBeGreaterThan(1);
    for (const path of assets) expect(kept).toContain(path);
    await first.close();
    await h.close();

    // A new page on the same URL, the hub gone: the cached schedule, not an error page.
    const page = await context.newPage();
    await page.clock.install();
    const response = await page.goto(`${h.url}${DOOR}`);
    expect(response?.status()).toBe(200);
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByTestId("current-title").waitFor();
    expect(await page.getByTestId("current-title").innerText()).toContain("Docker Was Too Slow");
    expect(await page.getByTestId("room-name").innerText()).toBe("Room 1");
    expect(await page.getByTestId("offline").count()).toBe(0);

    await page.clock.fastForward(61_000);
    await expect.poll(() => page.getByTestId("offline").innerText()).toMatch(/^offline since 11:1[5-6]$/);
    // Now/next keeps advancing on the screen's own clock: past 11:30 the next talk is on.
    await page.clock.fastForward(15 * 60_000);
    await expect.poll(() => page.getByTestId("current-title").innerText()).toBe("How to make Nix five times faster");

    // A hub comes back on the same data and port with a change made meanwhile.
    const again = await startHub({ clockStart: AT_1115, dataDir, port: h.port });
    hubs.push(again);
    const { socket } = await connectAdmin(again.url, await loginCookie(again.url));
    const result = await socket.timeout(5000).emitWithAck("change:apply", { kind: "delay", sessionKey: "pn25-0306-room-1-1100", minutes: 10 });
    socket.close();
    expect(result.ok).toBe(true);
    // Jump the screen's clock past the reconnect backoff (at most 30 s), firing the reconnect
    // once; its connect timeout then runs in real time, so the attempt on localhost succeeds.
    await page.clock.fastForward(31_000);
    await page.getByTestId("current-delay").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("current-title").innerText()).toContain("Docker Was Too Slow");
    expect(await page.getByTestId("current-delay").innerText()).toBe("+10 min late");
    await expect.poll(() => page.getByTestId("offline").count()).toBe(0);
  }, 60_000);

  it("still reloads once into a new build deployed on the hub, never the kept page", async () => {
    // A copy of the build, so the test can deploy a "new" one: the same bundles, another page.
    const dist = mkdtempSync(join(tmpdir(), "roomcast-dist-"));
    const data = mkdtempSync(join(tmpdir(), "roomcast-new-build-"));
    const c = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      cpSync(join(REPO_ROOT, "dist"), dist, { recursive: true });
      const h = await startHub({ clockStart: AT_1115, dataDir: data, distDir: dist });
      hubs.push(h);
      const page = await c.newPage();
      await page.goto(`${h.url}${DOOR}`);
      await page.getByTestId("current-title").waitFor();
      await expect.poll(() => cachedPaths(page), { timeout: 10_000 }).toContain("/display/");
      await h.close();

      const html = join(dist, "display/index.html");
      writeFileSync(html, readFileSync(html, "utf8").replace("<head>", '<head><meta name="roomcast-build" content="two">'));
      const again = await startHub({ clockStart: AT_1115, dataDir: data, distDir: dist, port: h.port });
      hubs.push(again);
      await page.clock.install();
      const reloaded = page.waitForEvent("load", { timeout: 15_000 });
      await page.clock.fastForward(31_000); // past the reconnect backoff
      await reloaded;
      await page.getByTestId("current-title").waitFor();
      expect(await page.locator('meta[name="roomcast-build"]').getAttribute("content")).toBe("two");
      // Once: the reloaded page knows the new build and stays.
      let loads = 0;
      page.on("load", () => loads++);
      await page.waitForTimeout(1_500);
      expect(loads).toBe(0);
    } finally {
      await c.close();
      rmSync(dist, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
