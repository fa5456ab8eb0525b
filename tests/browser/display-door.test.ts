// The door screen in Chromium, state by state: the rehearsal clock is driven through an
// authenticated /admin socket, and every assertion is on what the screen renders.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChangeInputRaw } from "../../shared/model.js";
import { type AdminClient, connectAdmin, describeBrowser, loginCookie, openBrowser, startHub, type TestHub } from "./harness.js";

// Planet Nix 2025, Pasadena (UTC−8).
const pasadena = (local: string) => Date.parse(`${local}-08:00`);
const key = (day: "06" | "07", room: 1 | 2, hhmm: string) => `pn25-03${day}-room-${room}-${hhmm}`;

describeBrowser("the door screen", () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: AdminClient;
  let room1: Page;
  let room2: Page;

  async function apply(change: ChangeInputRaw): Promise<string> {
    const result = await admin.timeout(5000).emitWithAck("change:apply", change);
    if (!result.ok) throw new Error(`${change.kind} refused: ${result.message}`);
    return result.changeId;
  }
  const jumpTo = (local: string) => apply({ kind: "clock", set: { virtual: pasadena(local), rate: 1 } });
  const text = (page: Page, id: string) => page.getByTestId(id).first().innerText();
  const state = (page: Page) => page.getByTestId("state").getAttribute("data-state");

  beforeAll(async () => {
    hub = await startHub({ clockStart: pasadena("2025-03-06T11:15:00") });
    browser = await openBrowser();
    ({ socket: admin } = await connectAdmin(hub.url, await loginCookie(hub.url)));
    room1 = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    room2 = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await room1.goto(`${hub.url}/display/room/room-1`);
    await room2.goto(`${hub.url}/display/room/room-2`);
    await room1.getByTestId("current-title").waitFor({ timeout: 10_000 });
    await room2.getByTestId("current-title").waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    admin?.close();
    await browser?.close();
    await hub?.dispose();
  });

  it("shows the room, the venue clock, the current talk with its progress and the next talk in minutes", async () => {
    expect(await text(room1, "room-name")).toBe("Room 1");
    expect(await text(room1, "clock")).toMatch(/^11:1[5-6]:\d\d$/);
    expect(await room1.getByTestId("rehearsal").isVisible()).toBe(true);
    expect(await state(room1)).toBe("on");
    expect(await text(room1, "current-title")).toBe("Docker Was Too Slow, So We Replaced It: Nix in Production");
    expect(await text(room1, "current-times")).toBe("11:00–11:30");
    expect(await room1.getByTestId("progress").isVisible()).toBe(true);
    expect(await text(room1, "next-title")).toBe("How to make Nix five times faster");
    expect(await text(room1, "next-when")).toMatch(/^11:30 · in 1[45] min$/);
  });

  it("shows planned → effective times and the delay on both sessions when the talk runs 10 minutes late", async () => {
    const id = await apply({ kind: "delay", sessionKey: key("06", 1, "1100"), minutes: 10 });
    await expect.poll(() => text(room1, "current-times")).toBe("11:00 → 11:10–11:40");
    expect(await text(room1, "current-delay")).toBe("+10 min late");
    expect(await text(room1, "next-delay")).toBe("+10 min late");
    expect(await text(room1, "next-when")).toMatch(/^11:40 · in 2[45] min$/);
    await apply({ kind: "undo", changeId: id });
    await expect.poll(() => room1.getByTestId("current-delay").count()).toBe(0);
  });

  it("keeps a cancelled talk visible as cancelled and says what runs instead", async () => {
    const id = await apply({ kind: "cancel", sessionKey: key("06", 1, "1130") });
    await expect.poll(() => text(room1, "cancelled")).toContain("How to make Nix five times faster");
    expect(await text(room1, "cancelled")).toContain("Cancelled");
    expect(await text(room1, "next-title")).toBe("Lunch");
    await apply({ kind: "undo", changeId: id });
    await expect.poll(() => room1.getByTestId("cancelled").count()).toBe(0);
  });

  it("points to the new room when a talk moves away", async () => {
    const id = await apply({ kind: "move", sessionKey: key("06", 1, "1130"), roomId: "room-2" });
    await expect.poll(() => text(room1, "moved")).toContain("Moved to Room 2 →");
    await apply({ kind: "undo", changeId: id });
    await expect.poll(() => room1.getByTestId("moved").count()).toBe(0);
  });

  it("puts up an unmissable Room full banner and takes it down when the room opens again", async () => {
    await apply({ kind: "room-status", roomId: "room-1", status: "full" });
    await expect.poll(() => room1.getByTestId("room-full").isVisible()).toBe(true);
    expect(await text(room1, "room-full")).toMatch(/room full/i);
    expect(await room2.getByTestId("room-full").count()).toBe(0);
    await apply({ kind: "room-status", roomId: "room-1", status: "open" });
    await expect.poll(() => room1.getByTestId("room-full").count()).toBe(0);
  });

  it("shows info announcements as a band beside the schedule, and lets an emergency take over until withdrawn", async () => {
    await apply({ kind: "announce", announcementId: "coffee", text: "Coffee in the lobby", level: "info" });
    await expect.poll(() => text(room1, "announcement")).toBe("Coffee in the lobby");
    expect(await room1.getByTestId("announcement").getAttribute("data-level")).toBe("info");
    expect(await room1.getByTestId("current-title").isVisible()).toBe(true);

    await apply({ kind: "announce", announcementId: "fire", text: "Leave the building by the nearest exit", level: "emergency" });
    await expect.poll(() => room1.getByTestId("emergency").isVisible()).toBe(true);
    await expect.poll(() => room2.getByTestId("emergency").isVisible()).toBe(true);
    expect(await text(room1, "emergency")).toContain("Leave the building by the nearest exit");
    // It covers the whole screen.
    const box = await room1.getByTestId("emergency").boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });

    await apply({ kind: "withdraw", announcementId: "fire" });
    await apply({ kind: "withdraw", announcementId: "coffee" });
    await expect.poll(() => room1.getByTestId("emergency").count()).toBe(0);
    await expect.poll(() => room1.getByTestId("announcement").count()).toBe(0);
  });

  it("fits a very long title without overflowing: scaled down first, then clamped with an ellipsis", async () => {
    const long =
      "Reproducible builds for everyone: what we learned shipping bit-for-bit identical artefacts across three distributions, two architectures and one very long weekend 🚀";
    const id = await apply({ kind: "edit", sessionKey: key("06", 1, "1100"), fields: { title: long } });
    try {
      await expect.poll(() => text(room1, "current-title")).toBe(long);
      const fit = await room1.getByTestId("current-title").evaluate((el) => {
        const style = getComputedStyle(el);
        return {
          clamped: el.classList.contains("clamped"),
          lines: Number(style.webkitLineClamp) || 0,
          lineHeight: parseFloat(style.lineHeight),
          height: el.clientHeight,
          overflow: el.scrollHeight - el.clientHeight,
          px: parseFloat(style.fontSize),
          bottom: el.getBoundingClientRect().bottom,
        };
      });
      expect(fit.px).toBeLessThan(1080 * 0.11);
      expect(fit.px).toBeGreaterThanOrEqual(Math.floor(1080 * 0.065));
      // Either it fits, or it shows as many whole lines as its box holds and ends in an ellipsis.
      if (fit.clamped) expect(fit.lines * fit.lineHeight).toBeLessThanOrEqual(fit.height + 2);
      else expect(fit.overflow).toBeLessThanOrEqual(2);
      expect(fit.bottom).toBeLessThanOrEqual(1080);
      // Still the largest text on the screen.
      const largest = await room1.evaluate(() =>
        Math.max(
          ...[...document.querySelectorAll("body *")]
            .filter((e) => e.children.length === 0 && e.textContent?.trim() && !e.closest("[data-testid=current-title]"))
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        ),
      );
      expect(fit.px).toBeGreaterThanOrEqual(largest);
    } finally {
      await apply({ kind: "undo", changeId: id });
    }
  });

  it("announces lunch with its end and what comes next", async () => {
    await jumpTo("2025-03-06T12:40:00");
    await expect.poll(() => state(room1)).toBe("break");
    expect(await text(room1, "headline")).toBe("Lunch until 13:30 — next: Nix in the Wild");
    expect(await text(room1, "next-title")).toBe("Nix in the Wild");
  });

  it("shows the next talk large while the room is free between sessions", async () => {
    await jumpTo("2025-03-07T11:10:00");
    await expect.poll(() => state(room2)).toBe("between");
    expect(await text(room2, "next-title")).toBe("Python on Nix? Yes, it is possible!");
    expect(await text(room2, "next-when")).toMatch(/^11:30 · in (19|20|21) min$/);
  });

  it("says when the event starts before it has begun", async () => {
    await jumpTo("2025-03-06T08:10:00");
    await expect.poll(() => state(room1)).toBe("before-event");
    expect(await text(room1, "next-title")).toBe("Opening Ceremony");
    expect(await text(room1, "state")).toContain("Starts Thursday 6 March at 09:15");
  });

  it("says Tomorrow from 09:15 once the room is done for the day", async () => {
    await jumpTo("2025-03-06T18:05:00");
    await expect.poll(() => state(room1)).toBe("done-for-today");
    expect(await text(room1, "state")).toContain("Tomorrow from 09:15");
  });

  it("says the event is over after the last session", async () => {
    await jumpTo("2025-03-07T18:00:00");
    await expect.poll(() => state(room1)).toBe("event-over");
    expect(await text(room1, "state")).toContain("The event is over");
  });

  it("follows the rehearsal clock to the second", async () => {
    await jumpTo("2025-03-06T10:59:58");
    await expect.poll(() => text(room1, "current-title"), { timeout: 5000 }).toBe("Docker Was Too Slow, So We Replaced It: Nix in Production");
    expect(await text(room1, "clock")).toMatch(/^11:0[0-1]:\d\d$/);
  });
});
