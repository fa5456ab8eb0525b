// The loop Roomcast exists for: a volunteer delays a talk on the admin page and, within two
// seconds, the room's door screen shows it while the other room's screen stays as it was.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, openBrowser, startHub, TEST_PASSWORD, type TestHub } from "./harness.js";

// 2025-03-06 11:15 in Pasadena: Room 1 is in "Docker Was Too Slow…" (11:00–11:30).
const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");

describeBrowser("a delay made on the admin page", () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startHub({ clockStart: AT_1115 });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  /** What each screen page sent and received on its socket, frame by frame. */
  const frames = new Map<Page, { sent: string[]; received: string[] }>();

  async function openScreen(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const seen = { sent: [] as string[], received: [] as string[] };
    frames.set(page, seen);
    page.on("websocket", (ws) => {
      ws.on("framesent", (f) => seen.sent.push(String(f.payload)));
      ws.on("framereceived", (f) => seen.received.push(String(f.payload)));
    });
    await page.goto(`${hub.url}${path}`);
    await page.getByTestId("current-title").waitFor({ timeout: 10_000 });
    return page;
  }

  it("reaches Room 1's door screen within 2 s while Room 2's screen is unchanged", async () => {
    const room1 = await openScreen("/display/room/room-1");
    const room2 = await openScreen("/display/room/room-2");
    await expect.poll(() => room1.getByTestId("current-title").textContent()).toContain("Docker Was Too Slow");
    await expect.poll(() => room1.getByTestId("next-title").textContent()).toContain("How to make Nix five times faster");
    expect(await room1.getByTestId("next-delay").count()).toBe(0);
    const room2Before = {
      current: await room2.getByTestId("current-title").textContent(),
      next: await room2.getByTestId("next-title").textContent(),
      when: await room2.getByTestId("current-times").textContent(),
    };

    const admin = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await admin.goto(`${hub.url}/admin/`);
    await admin.locator("input[name=password]").fill(TEST_PASSWORD);
    await admin.locator("button[type=submit]").click();
    await admin.locator('[data-testid="room-link"][data-room="room-1"]').first().click();
    await expect.poll(() => admin.getByTestId("current-session").textContent()).toContain("Docker Was Too Slow");

    await admin.getByTestId("late-10").click();
    // The room page previews the effect first ("11:30 talk moves to 11:40"); one more tap applies it.
    await expect.poll(() => admin.getByTestId("preview").textContent()).toContain("11:40");
    await admin.getByTestId("confirm").click();
    const pressedAt = Date.now();

    await room1.getByTestId("next-delay").waitFor({ timeout: 2000 });
    expect(Date.now() - pressedAt).toBeLessThan(2000);
    expect(await room1.getByTestId("next-delay").innerText()).toMatch(/\+\s?10\s?min/);
    // The 11:30 talk now starts at 11:40.
    expect(await room1.getByTestId("next-when").innerText()).toMatch(/11:40|in 2[45] min/);
    // It came as what changed, and the screen applied it to what it held: no second hello
    // asking for the whole snapshot.
    const seen = frames.get(room1);
    expect(seen?.received.filter((f) => f.startsWith('42/display,["schedule:patched"'))).toHaveLength(1);
    expect(seen?.received.filter((f) => f.startsWith('42/display,["schedule:changed"'))).toEqual([]);
    expect(seen?.sent.filter((f) => f.includes('"screen:hello"'))).toHaveLength(1);

    // Room 2 saw nothing of it.
    expect({
      current: await room2.getByTestId("current-title").textContent(),
      next: await room2.getByTestId("next-title").textContent(),
      when: await room2.getByTestId("current-times").textContent(),
    }).toEqual(room2Before);
    expect(await room2.getByTestId("next-delay").count()).toBe(0);
    expect(await room2.getByTestId("current-delay").count()).toBe(0);
  });
});
