// The room page on a phone: an organizer signs in, delays Room 1's current talk with a preview
// and a confirm tap, sees it live on a second admin page, and undoes it with one tap.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, openBrowser, startHub, TEST_PASSWORD, type TestHub } from "./harness.js";

// 2025-03-06 11:15 in Pasadena: Room 1 is in "Docker Was Too Slow…" (11:00–11:30).
const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

describeBrowser("the admin room page", () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    hub = await startHub({ clockStart: AT_1115 });
    browser = await openBrowser();
    context = await browser.newContext(PHONE);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  async function signIn(password: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin/`);
    await page.locator("input[name=password]").fill(password);
    await page.locator("button[type=submit]").click();
    return page;
  }

  it("refuses a wrong password with a plain message", async () => {
    const page = await signIn("not the password");
    await expect.poll(() => page.getByTestId("login-error").textContent()).toBe("Wrong password.");
    await page.close();
  });

  it("previews +10 on the current talk, applies it on confirm, shows it to another admin, and undoes it", async () => {
    const page = await signIn(TEST_PASSWORD);
    await expect.poll(() => page.getByTestId("rehearsal-banner").textContent()).toContain("Rehearsal clock");
    await page.locator('[data-testid="room-link"][data-room="room-1"]').first().click();
    await expect.poll(() => page.getByTestId("current-session").textContent()).toContain("Docker Was Too Slow");
    await expect.poll(() => page.getByTestId("next-session").textContent()).toContain("How to make Nix five times faster");

    // A second admin page (same organizer, laptop) watches the Now page.
    const watcher = await context.newPage();
    await watcher.setViewportSize({ width: 1366, height: 768 });
    const watcherFrames = { sent: [] as string[], received: [] as string[] };
    watcher.on("websocket", (ws) => {
      ws.on("framesent", (f) => watcherFrames.sent.push(String(f.payload)));
      ws.on("framereceived", (f) => watcherFrames.received.push(String(f.payload)));
    });
    await watcher.goto(`${hub.url}/admin/#/now`);
    const watchedRoom1 = watcher.locator('[data-testid="room-line"][data-room="room-1"]');
    await expect.poll(() => watchedRoom1.textContent()).toContain("Docker Was Too Slow");

    await page.getByTestId("late-10").click();
    const preview = page.getByTestId("preview");
    await expect.poll(() => preview.textContent()).toContain("11:30 talk moves to 11:40");
    expect(await preview.textContent()).toContain("lunch 12:10–13:30");
    // Nothing applies before the confirm tap.
    expect(await page.getByTestId("current-session").textContent()).not.toContain("+10 min late");

    await page.getByTestId("confirm").click();
    await expect.poll(() => page.getByTestId("current-session").textContent()).toContain("+10 min late");
    await expect.poll(() => watchedRoom1.textContent()).toContain("+10 min late");
    await expect.poll(() => page.getByTestId("next-session").textContent()).toContain("11:40–12:10");

    // The thumb zone sits in the bottom half of the phone screen, with tall buttons.
    const box = await page.getByTestId("late-10").boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    expect(box!.y).toBeGreaterThan(740 / 2);

    await page.getByTestId("undo").click();
    await expect.poll(() => page.getByTestId("current-session").textContent()).not.toContain("+10 min late");
    await expect.poll(() => watchedRoom1.textContent()).not.toContain("+10 min late");
    await expect.poll(() => page.getByTestId("undo").count()).toBe(0);
    // The watching page followed both changes as patches to what it held, never asking for the
    // whole state again.
    expect(watcherFrames.received.filter((f) => f.startsWith('42/admin,["admin:patched"')).length).toBeGreaterThanOrEqual(2);
    expect(watcherFrames.sent.filter((f) => f.includes('"admin:resync"'))).toEqual([]);
    await watcher.close();
    await page.close();
  });

  it("marks Room 1 full at once and open again", async () => {
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin/#/room/room-1`);
    await page.getByTestId("room-full").click();
    await expect.poll(() => page.getByTestId("room-full").textContent()).toBe("Room open");
    await page.getByTestId("room-full").click();
    await expect.poll(() => page.getByTestId("room-full").textContent()).toBe("Room full");
    await page.close();
  });
});
