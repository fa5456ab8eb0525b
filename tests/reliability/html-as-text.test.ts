// Titles, speakers and announcements that contain HTML or a <script> render as text in
// Chromium, on the door screen, the lobby board and the admin page: nothing is parsed, nothing runs.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type AdminClient,
  connectAdmin,
  describeBrowser,
  loginCookie,
  openBrowser,
  startHub,
  type TestHub,
} from "../browser/harness.js";

// 2025-03-06 11:15 in Pasadena: Room 1 is in "Docker Was Too Slow…" (11:00–11:30), which we retitle.
const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const HOSTILE_TITLE = `<img src=x onerror="window.__pwned='title'"><script>window.__pwned='title'</script>Talk`;
const HOSTILE_SPEAKER = `<b onmouseover="window.__pwned='speaker'">Mallory</b>`;
const HOSTILE_ANNOUNCEMENT = `<script>window.__pwned='announcement'</script><a href="javascript:alert(1)">Free coffee</a>`;

describeBrowser("hostile text from volunteers and schedules", () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: AdminClient;
  let cookie: string;

  beforeAll(async () => {
    hub = await startHub({ clockStart: AT_1115 });
    browser = await openBrowser();
    cookie = await loginCookie(hub.url);
    const connected = await connectAdmin(hub.url, cookie);
    admin = connected.socket;
    const current = connected.state.sessions.find((s) => s.roomId === "room-1" && s.start <= AT_1115 && AT_1115 < s.end && s.type === "talk");
    if (!current) throw new Error("no talk in Room 1 at 11:15");
    const edited = await admin.timeout(5000).emitWithAck("change:apply", {
      kind: "edit",
      sessionKey: current.key,
      fields: { title: HOSTILE_TITLE, speakers: [HOSTILE_SPEAKER] },
    });
    expect(edited).toMatchObject({ ok: true });
    const announced = await admin
      .timeout(5000)
      .emitWithAck("change:apply", { kind: "announce", text: HOSTILE_ANNOUNCEMENT, level: "info", target: { kind: "all" } });
    expect(announced).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await hub?.dispose();
  });

  /** No element was injected and no script ran. */
  async function expectInert(page: Page): Promise<void> {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator("img[src=x], script:not([src]), b[onmouseover], a[href^='javascript:']").count()).toBe(0);
  }

  it("shows the title, speaker and announcement literally on Room 1's door screen", async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/display/room/room-1`);
    await expect.poll(() => page.getByTestId("current-title").textContent(), { timeout: 10_000 }).toBe(HOSTILE_TITLE);
    await expect.poll(() => page.getByTestId("current-speakers").textContent()).toContain(HOSTILE_SPEAKER);
    await expect.poll(() => page.getByTestId("announcement").first().textContent()).toContain(HOSTILE_ANNOUNCEMENT);
    await expectInert(page);
    await page.close();
  });

  it("shows them literally on the lobby board", async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/display/lobby`);
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain(HOSTILE_TITLE);
    await expect.poll(() => page.getByTestId("announcement").first().textContent()).toContain(HOSTILE_ANNOUNCEMENT);
    await expectInert(page);
    await page.close();
  });

  it("shows them literally on the admin page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: hub.url }]);
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin/#/now`);
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain(HOSTILE_TITLE);
    await page.goto(`${hub.url}/admin/#/announcements`);
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain("Free coffee");
    await expectInert(page);
    await context.close();
  });
});
