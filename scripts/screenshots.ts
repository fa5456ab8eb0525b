// Renders the screens to PNG for the docs: door (landscape and portrait) in every state, the
// lobby with the demo's rooms and with a generated 30-room event, and an unassigned screen.
// `npm run screenshots` builds first; `--dist DIR` renders another build, `--out DIR` elsewhere.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import type { ChangeInputRaw } from "../shared/model.js";
import { ADMIN_NAMESPACE, type AdminClientToServer, type AdminServerToClient } from "../shared/protocol.js";
import { startRoomcast, type RunningRoomcast } from "../server/roomcast.js";

const ROOT = resolve(import.meta.dirname, "..");
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: "string", default: join(ROOT, "dist") }, out: { type: "string", default: join(ROOT, "docs/screenshots") } },
});
const PASSWORD = "screenshots-only";
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const pasadena = (local: string) => Date.parse(`${local}-08:00`);
const key = (day: "06" | "07", room: 1 | 2, hhmm: string) => `pn25-03${day}-room-${room}-${hhmm}`;

interface Shot {
  file: string;
  path: string;
  at: number;
  viewport: { width: number; height: number };
  changes?: ChangeInputRaw[];
  scheduleFile?: string;
}

async function withHub<T>(shot: Shot, fn: (hub: RunningRoomcast) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "roomcast-shots-"));
  const hub = await startRoomcast({
    dataDir,
    port: 0,
    host: "127.0.0.1",
    demo: shot.scheduleFile ? null : "planet-nix-2025",
    scheduleFile: shot.scheduleFile ?? null,
    adminPassword: PASSWORD,
    distDir: args.dist,
    clockStart: shot.at,
    quiet: true,
  });
  try {
    return await fn(hub);
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function applyChanges(url: string, changes: ChangeInputRaw[]): Promise<void> {
  if (changes.length === 0) return;
  const res = await fetch(`${url}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: PASSWORD }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  const socket: Socket<AdminServerToClient, AdminClientToServer> = io(`${url}${ADMIN_NAMESPACE}`, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    forceNew: true,
  });
  try {
    for (const change of changes) {
      const result = await socket.timeout(5000).emitWithAck("change:apply", change);
      if (!result.ok) throw new Error(`change ${change.kind} refused: ${result.message}`);
    }
  } finally {
    socket.close();
  }
}

async function render(browser: Browser, shot: Shot): Promise<void> {
  await withHub(shot, async (hub) => {
    await applyChanges(hub.url, shot.changes ?? []);
    const page = await browser.newPage({ viewport: shot.viewport });
    await page.goto(`${hub.url}${shot.path}`);
    await page.locator('[data-testid="clock"], [data-testid="pairing-code"]').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(800); // fonts and text fitting settle
    await page.screenshot({ path: join(args.out, shot.file) });
    await page.close();
    console.log(`wrote ${shot.file}`);
  });
}

/** A FOSDEM-sized event: 30 rooms, talks every 30 minutes, some with very long titles. */
function thirtyRooms(): string {
  const buildings = ["H", "K", "U", "UB2", "UD2", "AW", "J"];
  const rooms = Array.from({ length: 30 }, (_, i) => ({
    id: `r${i + 1}`,
    name: `${buildings[i % buildings.length]}.${1300 + i * 7}`,
    order: i + 1,
  }));
  const topics = [
    "Rust in the kernel",
    "Reproducible builds for everyone: what we learned shipping bit-for-bit identical artefacts across three distributions",
    "Postgres at scale",
    "Open hardware 🔧 for the rest of us",
    "Nix flakes",
    "Открытые данные в городе",
    "Accessibility in GNOME",
    "WebAssembly outside the browser",
  ];
  const sessions = rooms.flatMap((room, r) =>
    Array.from({ length: 18 }, (_, slot) => {
      const minutes = 9 * 60 + slot * 30;
      const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
      const mm = String(minutes % 60).padStart(2, "0");
      const end = minutes + 25;
      return {
        key: `${room.id}-${slot}`,
        room: room.id,
        title: topics[(r + slot) % topics.length],
        type: "talk",
        start: `2026-01-31T${hh}:${mm}:00+01:00`,
        end: `2026-01-31T${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}:00+01:00`,
        speakers: [`Speaker ${r + 1}.${slot + 1}`],
      };
    }),
  );
  const file = join(mkdtempSync(join(tmpdir(), "roomcast-30-")), "thirty-rooms.json");
  writeFileSync(
    file,
    JSON.stringify({
      format: "roomcast",
      version: 1,
      event: { id: "thirty-rooms", title: "A 30-room weekend", timeZone: "Europe/Brussels" },
      rooms,
      sessions,
    }),
  );
  return file;
}

/** Longer than any real title, to show the scale-down-then-ellipsis rule. */
const LONG_TITLE =
  "Reproducible, bootstrappable, verifiable: what three years of shipping bit-for-bit identical artefacts across four distributions, two architectures and one very long weekend taught us about supply chains, compilers, timestamps, file ordering, locales, and the people who keep it all working 🚀 — a retrospective with many lessons";
const door1 = "/display/room/room-1";
const door2 = "/display/room/room-2";
const at1115 = pasadena("2025-03-06T11:15:00");
const thirty = thirtyRooms();
const at30 = Date.parse("2026-01-31T11:10:00+01:00");

const SHOTS: Shot[] = [
  { file: "door-on.png", path: door1, at: at1115, viewport: LANDSCAPE },
  { file: "door-on-portrait.png", path: door2, at: at1115, viewport: PORTRAIT },
  { file: "door-delay.png", path: door1, at: at1115, viewport: LANDSCAPE, changes: [{ kind: "delay", sessionKey: key("06", 1, "1100"), minutes: 10 }] },
  {
    file: "door-delay-light-de.png",
    path: `${door1}?theme=light&lang=de`,
    at: at1115,
    viewport: LANDSCAPE,
    changes: [{ kind: "delay", sessionKey: key("06", 1, "1100"), minutes: 10 }],
  },
  {
    file: "door-long-title-portrait.png",
    path: door1,
    at: at1115,
    viewport: PORTRAIT,
    changes: [{ kind: "edit", sessionKey: key("06", 1, "1100"), fields: { title: LONG_TITLE } }],
  },
  { file: "door-cancelled.png", path: door1, at: at1115, viewport: LANDSCAPE, changes: [{ kind: "cancel", sessionKey: key("06", 1, "1130") }] },
  { file: "door-moved.png", path: door1, at: at1115, viewport: LANDSCAPE, changes: [{ kind: "move", sessionKey: key("06", 1, "1130"), roomId: "room-2" }] },
  { file: "door-full.png", path: door1, at: at1115, viewport: LANDSCAPE, changes: [{ kind: "room-status", roomId: "room-1", status: "full" }] },
  { file: "door-full-portrait.png", path: door1, at: at1115, viewport: PORTRAIT, changes: [{ kind: "room-status", roomId: "room-1", status: "full" }] },
  { file: "door-lunch.png", path: door1, at: pasadena("2025-03-06T12:40:00"), viewport: LANDSCAPE },
  { file: "door-between.png", path: door2, at: pasadena("2025-03-07T11:10:00"), viewport: LANDSCAPE },
  { file: "door-before-event.png", path: door1, at: pasadena("2025-03-06T08:10:00"), viewport: LANDSCAPE },
  { file: "door-done-for-today.png", path: door1, at: pasadena("2025-03-06T18:05:00"), viewport: LANDSCAPE },
  { file: "door-event-over.png", path: door1, at: pasadena("2025-03-07T18:00:00"), viewport: LANDSCAPE },
  {
    file: "door-announcement.png",
    path: door1,
    at: at1115,
    viewport: LANDSCAPE,
    changes: [{ kind: "announce", text: "Coffee is served in the lobby until 11:45", level: "info" }],
  },
  {
    file: "door-emergency.png",
    path: door1,
    at: at1115,
    viewport: LANDSCAPE,
    changes: [{ kind: "announce", text: "Please leave the building calmly by the nearest exit", level: "emergency" }],
  },
  {
    file: "lobby-demo.png",
    path: "/display/lobby",
    at: at1115,
    viewport: LANDSCAPE,
    changes: [
      { kind: "delay", sessionKey: key("06", 1, "1100"), minutes: 10 },
      { kind: "room-status", roomId: "room-2", status: "full" },
    ],
  },
  { file: "lobby-demo-portrait.png", path: "/display/lobby", at: at1115, viewport: PORTRAIT },
  {
    file: "lobby-30-rooms.png",
    path: "/display/lobby?page=1",
    at: at30,
    viewport: LANDSCAPE,
    scheduleFile: thirty,
    changes: [
      { kind: "room-status", roomId: "r2", status: "full" },
      { kind: "delay", sessionKey: "r3-4", minutes: 15 },
      { kind: "cancel", sessionKey: "r5-5" },
      { kind: "move", sessionKey: "r6-5", roomId: "r7" },
    ],
  },
  {
    file: "lobby-30-rooms-portrait.png",
    path: "/display/lobby?page=1",
    at: at30,
    viewport: PORTRAIT,
    scheduleFile: thirty,
    changes: [
      { kind: "room-status", roomId: "r2", status: "full" },
      { kind: "delay", sessionKey: "r3-4", minutes: 15 },
    ],
  },
  { file: "unassigned.png", path: "/display", at: at1115, viewport: LANDSCAPE },
];

/** Positional file names render only those shots. */
const only = positionals;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const shot of SHOTS) if (only.length === 0 || only.includes(shot.file)) await render(browser, shot);
} finally {
  await browser.close();
}
