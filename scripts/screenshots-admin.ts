// Renders every admin page to PNG for the docs, on a phone (360×740) and a laptop (1366×768):
// docs/screenshots/admin-<page>-phone.png and admin-<page>-laptop.png. The hub runs the Planet
// Nix demo at 11:15 on its first day with a delay, a full room, an announcement, a volunteer
// link and three screens (one of them offline), so each page has something to show.
// Run after `npm run build`: `tsx scripts/screenshots-admin.ts [--dist DIR] [--out DIR]`.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import type { ChangeInputRaw } from "../shared/model.js";
import { ADMIN_NAMESPACE, type AdminClientToServer, type AdminServerToClient } from "../shared/protocol.js";
import { startRoomcast } from "../server/roomcast.js";

const ROOT = resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: { dist: { type: "string", default: join(ROOT, "dist") }, out: { type: "string", default: join(ROOT, "docs/screenshots") } },
});
const PASSWORD = "screenshots-only";
const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  laptop: { viewport: { width: 1366, height: 768 } },
} as const;
const PAGES: { name: string; hash: string; nav?: string; prepare?: (page: Page) => Promise<void> }[] = [
  { name: "login", hash: "" },
  { name: "now", hash: "#/now" },
  // The room page with a +10 preview waiting for its confirm tap.
  { name: "room", hash: "#/room/room-1" },
  { name: "room-preview", nav: "room", hash: "#/room/room-1", prepare: async (p) => {
    await p.getByTestId("late-10").click();
    await p.getByTestId("preview").getByRole("listitem").first().waitFor();
  } },
  { name: "sessions", hash: "#/sessions/room-1/2025-03-06" },
  { name: "announcements", hash: "#/announcements" },
  { name: "screens", hash: "#/screens" },
  { name: "volunteers", hash: "#/volunteers" },
  { name: "log", hash: "#/log" },
  { name: "clock", hash: "#/clock" },
  { name: "schedule", hash: "#/schedule" },
];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "roomcast-admin-shots-"));
  const hub = await startRoomcast({
    dataDir, port: 0, host: "127.0.0.1", demo: "planet-nix-2025", scheduleFile: null,
    adminPassword: PASSWORD, distDir: args.dist, clockStart: AT_1115, quiet: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const res = await fetch(`${hub.url}/api/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password: PASSWORD }),
    });
    const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
    const socket: Socket<AdminServerToClient, AdminClientToServer> = io(`${hub.url}${ADMIN_NAMESPACE}`, {
      transports: ["websocket"], extraHeaders: { cookie }, forceNew: true,
    });
    const state = await new Promise<Parameters<AdminServerToClient["admin:state"]>[0]>((ok) => socket.once("admin:state", ok));
    const docker = state.sessions.find((s) => s.roomId === "room-1" && s.displayTitle.startsWith("Docker"))!;
    const changes: ChangeInputRaw[] = [
      { kind: "delay", sessionKey: docker.key, minutes: 5 },
      { kind: "room-status", roomId: "room-2", status: "full" },
      { kind: "announce", text: "Lunch is served in the courtyard from 12:00", level: "info", target: { kind: "lobby" } },
    ];
    for (const change of changes) await socket.timeout(5000).emitWithAck("change:apply", change);
    await socket.timeout(5000).emitWithAck("volunteer:create", { label: "Room 1 door, Thursday", roomIds: ["room-1"], expiresAt: null });

    // A door screen seen earlier and offline now (the hub keeps it as a row only), then two
    // online: one shows the lobby, one waits to be paired.
    const door = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await door.goto(`${hub.url}/display/room/room-2`);
    await door.getByTestId("room-name").waitFor({ timeout: 10_000 });
    await door.waitForTimeout(500);
    await door.close();
    await new Promise((r) => setTimeout(r, 300));
    hub.hub.screens.flush();
    const lobby = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await lobby.goto(`${hub.url}/display/lobby`);
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await fresh.goto(`${hub.url}/display`);
    await fresh.getByTestId("pairing-code").waitFor({ timeout: 10_000 });

    mkdirSync(args.out, { recursive: true });
    for (const [device, options] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${hub.url}/admin/`);
      await page.locator("input[name=password]").waitFor();
      await page.screenshot({ path: join(args.out, `admin-login-${device}.png`) });
      await page.locator("input[name=password]").fill(PASSWORD);
      await page.locator("button[type=submit]").click();
      await page.getByTestId("nav-now").waitFor();
      for (const shot of PAGES.filter((p) => p.name !== "login")) {
        await page.goto(`${hub.url}/admin/${shot.hash}`);
        await page.getByTestId(`nav-${shot.nav ?? shot.name}`).waitFor();
        await shot.prepare?.(page);
        await page.waitForTimeout(300);
        const file = join(args.out, `admin-${shot.name}-${device}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
    socket.disconnect();
  } finally {
    await browser.close();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
