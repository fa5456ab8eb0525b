// A volunteer runs Room 1 from a phone: an organizer creates the link, the volunteer opens it,
// presses "Started now" and "+10", and Room 1's door screen and the lobby board show it; the
// same volunteer is refused on Room 2, on the page and on the socket.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectAdmin, describeBrowser, loginCookie, openBrowser, startHub, TEST_PASSWORD, type TestHub } from "./harness.js";

// 2025-03-06 11:32 in Pasadena: Room 1's 11:30 talk "How to make Nix five times faster" is on.
const AT_1132 = Date.parse("2025-03-06T11:32:00-08:00");
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

describeBrowser("a volunteer link", () => {
  let hub: TestHub;
  let browser: Browser;
  let linkUrl = "";

  beforeAll(async () => {
    hub = await startHub({ clockStart: AT_1132 });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
  });

  async function open(path: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    await page.goto(`${hub.url}${path}`);
    return page;
  }

  it("is created by an organizer for Room 1 with a label, and shown as a URL to copy", async () => {
    const page = await open("/admin/#/volunteers", { width: 1366, height: 768 });
    await page.locator("input[name=password]").fill(TEST_PASSWORD);
    await page.locator("button[type=submit]").click();
    await page.getByTestId("volunteer-label").fill("Room 1 door, Thursday");
    await page.locator('[data-testid="volunteer-room"][data-room="room-1"]').check();
    await page.getByTestId("volunteer-create").click();
    linkUrl = await page.getByTestId("volunteer-url").inputValue();
    expect(linkUrl).toMatch(new RegExp(`^${hub.url}/v/`));
    await expect.poll(() => page.getByTestId("volunteer-link").textContent()).toContain("Room 1 door, Thursday");
    await page.close();
  });

  it("signs the volunteer in on Room 1; Started now and +10 reach the door screen and the lobby", async () => {
    const door = await open("/display/room/room-1");
    const lobby = await open("/display/lobby");
    await expect.poll(() => door.getByTestId("current-title").textContent()).toContain("How to make Nix five times faster");

    const context = await browser.newContext(PHONE);
    const phone = await context.newPage();
    await phone.goto(linkUrl);
    await expect.poll(() => phone.url()).toContain("/admin/#/room/room-1");
    await expect.poll(() => phone.getByTestId("current-session").textContent()).toContain("How to make Nix five times faster");
    expect(await phone.getByTestId("nav-screens").count()).toBe(0); // organizer pages are not offered

    await phone.getByTestId("started").click();
    await expect.poll(() => phone.getByTestId("preview").textContent()).toContain("11:30 talk moves to 11:3");
    await phone.getByTestId("confirm").click();
    await door.getByTestId("current-delay").waitFor({ timeout: 5000 });
    expect(await door.getByTestId("current-delay").innerText()).toMatch(/\+\s?[23]\s?min/);

    await phone.getByTestId("late-10").click();
    await phone.getByTestId("confirm").click();
    // Started at 11:32 and then 10 minutes late: the talk now starts at 11:42, so it is next.
    await expect.poll(() => door.getByTestId("next-delay").textContent(), { timeout: 5000 }).toMatch(/\+\s?1[23]\s?min/);
    const lobbyRoom1 = lobby.locator('[data-testid="lobby-row"][data-room="room-1"]');
    await expect.poll(() => lobbyRoom1.getByTestId("badge-delay").first().textContent(), { timeout: 5000 }).toMatch(/1[23]/);

    // The log records who did it.
    await phone.getByTestId("nav-log").click();
    await expect.poll(() => phone.getByTestId("log-entry").first().textContent()).toContain("Room 1 door, Thursday");

    // Room 2 is not theirs: the page offers no buttons…
    await phone.goto(`${hub.url}/admin/#/room/room-2`);
    await phone.getByTestId("not-yours").waitFor();
    expect(await phone.getByTestId("late-10").count()).toBe(0);

    // …and a crafted socket message with the volunteer's own cookie is refused by the hub.
    const cookie = (await context.cookies()).find((c) => c.name === "roomcast_session");
    expect(cookie).toBeDefined();
    const { socket, state } = await connectAdmin(hub.url, `${cookie!.name}=${cookie!.value}`);
    const room2Talk = state.sessions.find((s) => s.roomId === "room-2" && s.type === "talk")!;
    const result = await socket.timeout(5000).emitWithAck("change:apply", { kind: "delay", sessionKey: room2Talk.key, minutes: 10 });
    socket.disconnect();
    expect(result).toMatchObject({ ok: false, error: "forbidden" });
    await context.close();
    await door.close();
    await lobby.close();
  });

  it("stops working the moment an organizer revokes it: the phone says so", async () => {
    const context = await browser.newContext(PHONE);
    const phone = await context.newPage();
    await phone.goto(linkUrl);
    await phone.getByTestId("current-session").waitFor();

    const { socket, state } = await connectAdmin(hub.url, await loginCookie(hub.url));
    const link = state.volunteerLinks.find((l) => l.label === "Room 1 door, Thursday")!;
    const result = await socket.timeout(5000).emitWithAck("volunteer:revoke", { id: link.id });
    socket.disconnect();
    expect(result.ok).toBe(true);

    await expect.poll(() => phone.getByTestId("login-error").textContent(), { timeout: 5000 }).toContain("revoked");
    // Opening the link again does not sign in.
    const again = await phone.goto(linkUrl);
    expect(again?.status()).toBe(410);
    await context.close();
  });
});
