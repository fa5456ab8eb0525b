// An organizer at a laptop pairs an unassigned screen, sends an emergency announcement that
// takes over the targeted screens (after a confirmation) and withdraws it, cancels and restores a
// session on the Sessions page, jumps the rehearsal clock and returns to real time, and sees
// titles and announcements containing HTML rendered as text.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, openBrowser, startHub, TEST_PASSWORD, type TestHub } from "./harness.js";

const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const LAPTOP = { width: 1366, height: 768 };
const SCREEN = { width: 1920, height: 1080 };

describeBrowser("the organizer's screens and announcements", () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    hub = await startHub({ clockStart: AT_1115 });
    browser = await openBrowser();
    admin = await browser.newPage({ viewport: LAPTOP });
    await admin.goto(`${hub.url}/admin/`);
    await admin.locator("input[name=password]").fill(TEST_PASSWORD);
    await admin.locator("button[type=submit]").click();
    await admin.getByTestId("nav-now").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  it("pairs an unassigned screen by its code, and the screen switches to Room 2's door", async () => {
    const screen = await browser.newPage({ viewport: SCREEN });
    await screen.goto(`${hub.url}/display`);
    const code = (await screen.getByTestId("pairing-code").textContent({ timeout: 10_000 }))!.trim();
    expect(code).not.toBe("");

    await admin.getByTestId("nav-screens").click();
    const row = admin.locator(`[data-testid="screen"][data-code="${code}"]`);
    await expect.poll(() => row.textContent()).toContain("Unassigned");
    await row.getByTestId("screen-view").selectOption("room:room-2");
    await row.getByTestId("screen-assign").click();

    await expect.poll(() => screen.getByTestId("room-name").textContent(), { timeout: 3000 }).toContain("Room 2");
    await expect.poll(() => row.textContent()).toContain("Room 2 door");
    // The Now page counts it among Room 2's screens.
    await admin.getByTestId("nav-now").click();
    await expect.poll(() => admin.locator('[data-testid="room-line"][data-room="room-2"]').textContent()).toContain(code);
    await screen.close();
  });

  it("fits every screen's controls inside its card on a 360 px phone", async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(`${hub.url}/admin/`);
    await phone.locator("input[name=password]").fill(TEST_PASSWORD);
    await phone.locator("button[type=submit]").click();
    await phone.getByTestId("nav-screens").click();
    const cards = phone.getByTestId("screen");
    await cards.first().waitFor();
    for (const card of await cards.all()) {
      const box = (await card.boundingBox())!;
      const controls = await card.locator("button, input, select").all();
      expect(controls.length).toBeGreaterThan(4);
      for (const control of controls) {
        const c = (await control.boundingBox())!;
        expect(c.x, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(box.x);
        expect(c.x + c.width, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeLessThanOrEqual(box.x + box.width);
      }
    }
    await phone.close();
  });

  it("sends an emergency to Room 1 only after a confirmation, takes over its screen, and withdraws it", async () => {
    const room1 = await browser.newPage({ viewport: SCREEN });
    const room2 = await browser.newPage({ viewport: SCREEN });
    await room1.goto(`${hub.url}/display/room/room-1`);
    await room2.goto(`${hub.url}/display/room/room-2`);
    await room1.getByTestId("current-title").waitFor({ timeout: 10_000 });
    await room2.getByTestId("current-title").waitFor({ timeout: 10_000 });

    await admin.getByTestId("nav-announcements").click();
    await admin.getByTestId("announce-text").fill("Please leave Room 1 by the east exit");
    await admin.getByTestId("level-emergency").check();
    await admin.getByTestId("target-rooms").check();
    await admin.locator('[data-testid="target-room"][data-room="room-1"]').check();
    await admin.getByTestId("announce-send").click();
    // The first tap only asks for confirmation: nothing reaches the screen yet.
    await admin.getByTestId("announce-confirm").waitFor();
    expect(await room1.getByTestId("emergency").count()).toBe(0);

    await admin.getByTestId("announce-confirm").click();
    await room1.getByTestId("emergency").waitFor({ timeout: 5000 });
    expect(await room1.getByTestId("emergency").innerText()).toContain("Please leave Room 1 by the east exit");
    expect(await room2.getByTestId("emergency").count()).toBe(0);

    const listed = admin.locator('[data-testid="announcement"][data-level="emergency"]');
    await listed.getByTestId("withdraw").click();
    await expect.poll(() => room1.getByTestId("emergency").count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => listed.count()).toBe(0);
    await room1.close();
    await room2.close();
  });

  it("cancels a session on the Sessions page and restores it, and the log shows the restore", async () => {
    await admin.goto(`${hub.url}/admin/#/sessions/room-1/2025-03-06`);
    const row = admin.locator('[data-testid="session-row"]').filter({ hasText: "How to make Nix five times faster" });
    await row.getByRole("button", { name: /How to make Nix/ }).click();
    await row.getByRole("button", { name: "Cancel session" }).click();
    await expect.poll(() => admin.locator('[data-testid="session-row"]').filter({ hasText: "How to make Nix five times faster" }).textContent()).toContain("Cancelled");
    const cancelled = admin.locator('[data-testid="session-row"]').filter({ hasText: "How to make Nix five times faster" });
    await cancelled.getByRole("button", { name: /How to make Nix/ }).click();
    await cancelled.getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => admin.locator('[data-testid="session-row"]').filter({ hasText: "How to make Nix five times faster" }).textContent()).not.toContain("Cancelled");
    // The log shows both, newest first, by the organizer.
    await admin.getByTestId("nav-log").click();
    await expect.poll(() => admin.getByTestId("log-entry").first().textContent()).toContain("Restored: How to make Nix five times faster");
  });

  it("jumps the rehearsal clock to 14:00 venue time and goes back to real time, with the banner only while rehearsing", async () => {
    await admin.getByTestId("nav-clock").click();
    await admin.getByTestId("clock-at").fill("2025-03-06T14:00");
    await admin.getByTestId("clock-set").click();
    await expect.poll(() => admin.getByTestId("hub-clock").textContent()).toMatch(/^14:0[01]:\d\d$/);
    expect(await admin.getByTestId("rehearsal-banner").isVisible()).toBe(true);
    await admin.getByTestId("clock-real").click();
    await expect.poll(() => admin.getByTestId("rehearsal-banner").count()).toBe(0);
  });

  it("renders a title and an announcement containing HTML as plain text", async () => {
    const evil = `<img src=x onerror="window.__roomcastXss=1">Hacked <b>talk</b>`;
    await admin.goto(`${hub.url}/admin/#/sessions/room-2/2025-03-06`);
    const row = admin.locator('[data-testid="session-row"]').first();
    await row.locator("button.row-toggle").click();
    await row.getByLabel("Title").fill(evil);
    await row.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => admin.locator('[data-testid="session-row"]').first().locator(".session-title").textContent()).toBe(evil);

    await admin.getByTestId("nav-announcements").click();
    await admin.getByTestId("announce-text").fill("<script>window.__roomcastXss=2</script>Doors <i>open</i>");
    await admin.getByTestId("announce-send").click();
    await expect.poll(() => admin.getByTestId("announcement").first().locator(".announcement-text").textContent()).toBe(
      "<script>window.__roomcastXss=2</script>Doors <i>open</i>",
    );
    // The log names the edited session by its new title, as text too.
    await admin.getByTestId("nav-log").click();
    await expect.poll(() => admin.getByTestId("log-entry").nth(1).textContent()).toContain("Hacked <b>talk</b>");
    expect(await admin.locator("img[src=x], b, i").count()).toBe(0);
    expect(await admin.evaluate(() => (window as unknown as { __roomcastXss?: number }).__roomcastXss)).toBeUndefined();
  });
});
