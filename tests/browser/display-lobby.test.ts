// The lobby board in Chromium: one line per room with its badges, a subset by query, and
// paging through a 30-room event in landscape and portrait.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeInputRaw } from "../../shared/model.js";
import { type AdminClient, connectAdmin, describeBrowser, loginCookie, openBrowser, startHub, type TestHub } from "./harness.js";

const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const AT_30_ROOMS = Date.parse("2026-01-31T11:10:00+01:00");

/** A FOSDEM-sized event: 30 rooms with a talk every 30 minutes from 09:00 (Brussels). */
function writeThirtyRooms(dir: string): string {
  const rooms = Array.from({ length: 30 }, (_, i) => ({ id: `r${i + 1}`, name: `Room ${String(i + 1).padStart(2, "0")}`, order: i + 1 }));
  const pad = (n: number) => String(n).padStart(2, "0");
  const sessions = rooms.flatMap((room) =>
    Array.from({ length: 10 }, (_, slot) => {
      const start = 9 * 60 + slot * 30;
      return {
        key: `${room.id}-${slot}`,
        room: room.id,
        title: `${room.name} talk ${slot + 1}`,
        start: `2026-01-31T${pad(Math.floor(start / 60))}:${pad(start % 60)}:00+01:00`,
        end: `2026-01-31T${pad(Math.floor((start + 25) / 60))}:${pad((start + 25) % 60)}:00+01:00`,
      };
    }),
  );
  const file = join(dir, "thirty-rooms.json");
  writeFileSync(file, JSON.stringify({ format: "roomcast", version: 1, event: { id: "thirty", title: "Thirty rooms", timeZone: "Europe/Brussels" }, rooms, sessions }));
  return file;
}

describeBrowser("the lobby board", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("with the demo's two rooms", () => {
    let hub: TestHub;
    let admin: AdminClient;
    let lobby: Page;
    const row = (roomId: string) => lobby.locator(`[data-testid="lobby-row"][data-room="${roomId}"]`);
    async function apply(change: ChangeInputRaw): Promise<void> {
      const result = await admin.timeout(5000).emitWithAck("change:apply", change);
      if (!result.ok) throw new Error(`${change.kind} refused: ${result.message}`);
    }

    beforeAll(async () => {
      hub = await startHub({ clockStart: AT_1115 });
      ({ socket: admin } = await connectAdmin(hub.url, await loginCookie(hub.url)));
      lobby = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await lobby.goto(`${hub.url}/display/lobby`);
      await row("room-1").waitFor({ timeout: 10_000 });
    });
    afterAll(async () => {
      admin?.close();
      await hub?.dispose();
    });

    it("shows every room, in order, with now and next", async () => {
      expect(await lobby.getByTestId("lobby-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-room")))).toEqual([
        "room-1",
        "room-2",
      ]);
      expect(await row("room-1").getByTestId("now-title").innerText()).toBe("Docker Was Too Slow, So We Replaced It: Nix in Production");
      expect(await row("room-1").getByTestId("next-title").innerText()).toBe("How to make Nix five times faster");
      expect(await row("room-2").getByTestId("now-title").innerText()).toContain("generating secrets with nixos");
      expect(await lobby.getByTestId("badge-delay").count()).toBe(0);
    });

    it("badges a delay, a full room, a cancellation and a move on the right line", async () => {
      await apply({ kind: "delay", sessionKey: "pn25-0306-room-1-1100", minutes: 10 });
      await apply({ kind: "room-status", roomId: "room-2", status: "full" });
      await expect.poll(() => row("room-1").getByTestId("badge-delay").innerText()).toContain("+10 min");
      await expect.poll(() => row("room-2").getByTestId("badge-full").isVisible()).toBe(true);
      expect(await row("room-1").getByTestId("badge-full").count()).toBe(0);

      await apply({ kind: "cancel", sessionKey: "pn25-0306-room-2-1130" });
      await expect.poll(() => row("room-2").getByTestId("badge-cancelled").innerText()).toContain("Building Linux from Scratch");
      await apply({ kind: "move", sessionKey: "pn25-0306-room-1-1130", roomId: "room-2" });
      await expect.poll(() => row("room-1").getByTestId("badge-moved").innerText()).toContain("Room 2");
    });

    it("shows only the rooms named in ?rooms=", async () => {
      const subset = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      await subset.goto(`${hub.url}/display/lobby?rooms=room-2`);
      await subset.getByTestId("lobby-row").first().waitFor();
      expect(await subset.getByTestId("lobby-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-room")))).toEqual(["room-2"]);
      await subset.close();
    });
  });

  describe("with 30 rooms", () => {
    let hub: TestHub;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "roomcast-30-"));
      hub = await startHub({ demo: null, scheduleFile: writeThirtyRooms(dir), clockStart: AT_30_ROOMS });
    });
    afterAll(async () => {
      await hub?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ]) {
      it(`pages through the rooms without overflowing at ${viewport.width}×${viewport.height}`, async () => {
        const page = await browser.newPage({ viewport });
        await page.goto(`${hub.url}/display/lobby?page=1`);
        await page.getByTestId("lobby-row").first().waitFor({ timeout: 10_000 });
        const marker = await page.getByTestId("lobby-page").innerText();
        const [, , pages] = /^(\d+) \/ (\d+)$/.exec(marker) ?? [];
        expect(Number(pages)).toBeGreaterThan(1);
        const first = await page.getByTestId("lobby-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-room")));
        expect(first[0]).toBe("r1");
        // Every row is fully on screen.
        const bottom = await page.getByTestId("lobby-row").evaluateAll((rows) => Math.max(...rows.map((r) => r.getBoundingClientRect().bottom)));
        expect(bottom).toBeLessThanOrEqual(viewport.height);
        expect(await page.locator('[data-room="r1"]').getByTestId("now-title").innerText()).toBe("Room 01 talk 5");

        await page.goto(`${hub.url}/display/lobby?page=2`);
        await page.getByTestId("lobby-row").first().waitFor();
        const second = await page.getByTestId("lobby-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-room")));
        expect(second[0]).toBe(`r${first.length + 1}`);
        await page.close();
      });
    }
  });
});
