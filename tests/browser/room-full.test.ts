// "Room full" in Chromium: the door's banner names the talk with space running now in another
// room, from the other rooms' sessions the hub sends while the room is full.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChangeInputRaw } from "../../shared/model.js";
import { type AdminClient, connectAdmin, describeBrowser, loginCookie, openBrowser, startHub, type TestHub } from "./harness.js";

// Planet Nix 2025, Pasadena (UTC−8): at 11:15 Room 2 runs "generating secrets with nixos, …".
const pasadena = (local: string) => Date.parse(`${local}-08:00`);

describeBrowser("the Room full banner", () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: AdminClient;
  let room1: Page;

  async function apply(change: ChangeInputRaw): Promise<void> {
    const result = await admin.timeout(5000).emitWithAck("change:apply", change);
    if (!result.ok) throw new Error(`${change.kind} refused: ${result.message}`);
  }
  const banner = () => room1.getByTestId("room-full").innerText();

  beforeAll(async () => {
    hub = await startHub({ clockStart: pasadena("2025-03-06T11:15:00") });
    browser = await openBrowser();
    ({ socket: admin } = await connectAdmin(hub.url, await loginCookie(hub.url)));
    room1 = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await room1.goto(`${hub.url}/display/room/room-1`);
    await room1.getByTestId("current-title").waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await hub?.dispose();
  });

  it("names the talk running now in Room 2 when Room 1 is full", async () => {
    await apply({ kind: "room-status", roomId: "room-1", status: "full" });
    await expect.poll(() => room1.getByTestId("room-full").isVisible()).toBe(true);
    await expect.poll(banner).toContain("There is space in: Room 2: generating secrets with nixos");
    expect(await banner()).toMatch(/room full/i);
  });

  it("says to try later when Room 2 is full too, and names it again once Room 2 opens", async () => {
    await apply({ kind: "room-status", roomId: "room-2", status: "full" });
    await expect.poll(banner).toContain("Please try again later");
    expect(await banner()).not.toContain("Room 2");
    await apply({ kind: "room-status", roomId: "room-2", status: "open" });
    await expect.poll(banner).toContain("Room 2: generating secrets with nixos");
  });
});
