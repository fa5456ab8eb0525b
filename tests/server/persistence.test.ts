// What survives a restart, and what the data directory decides at start: acknowledged changes
// stay, the demo's rehearsal clock starts over, a demo never overwrites an imported schedule.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { toRoomcastJson } from "../../shared/formats/roomcast.js";
import { loadDemo } from "../../server/demo/index.js";
import { AT_1115, KEY_1100, KEY_1130, organizer, REAL_NOW, screenOn, startPinnedHub, type TestHub } from "./helpers.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "roomcast-persist-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function closeOnly(hub: TestHub): Promise<void> {
  await hub.close();
}

describe("a hub restarted on the same data directory", () => {
  it("keeps an acknowledged change, its version and its author", async () => {
    const dataDir = tempDir();
    const first = await startPinnedHub({ dataDir });
    const { socket } = await organizer(first);
    const ack = await socket.timeout(3000).emitWithAck("change:apply", { kind: "delay", sessionKey: KEY_1100, minutes: 10 });
    socket.disconnect();
    await closeOnly(first);
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;

    const second = await startPinnedHub({ dataDir });
    try {
      const delay = second.store.listChanges().find((c) => c.change.id === ack.changeId);
      expect(delay?.change).toMatchObject({ kind: "delay", minutes: 10, author: "organizer" });
      // The demo's clock starts over (one more change), and the delay still shapes the schedule.
      expect(second.hub.schedule.version).toBe(ack.version + 1);
      expect(second.hub.now()).toBe(AT_1115);
      expect(second.hub.schedule.effective.sessions.find((s) => s.key === KEY_1130)?.start).toBe(Date.parse("2025-03-06T11:40:00-08:00"));
    } finally {
      await closeOnly(second);
    }
  });

  it("holds the screens that were connected at the stop in memory from the start, ready for their reconnect", async () => {
    const dataDir = tempDir();
    const first = await startPinnedHub({ dataDir });
    const screen = await screenOn(first, "room:room-1");
    await closeOnly(first);
    screen.socket.disconnect();

    const second = await startPinnedHub({ dataDir });
    try {
      expect(second.hub.screens.inMemory).toBe(1);
      expect(second.hub.screens.get(screen.screenId)).toMatchObject({ pairingCode: screen.snapshot.pairingCode, sockets: new Set() });
    } finally {
      await closeOnly(second);
    }
  });

  it("starts the Planet Nix demo at 2025-03-06 09:25 in Pasadena unless told otherwise", async () => {
    const hub = await startPinnedHub({ dataDir: tempDir(), clockStart: null });
    try {
      expect(hub.hub.now()).toBe(Date.parse("2025-03-06T09:25:00-08:00"));
      expect(hub.hub.schedule.effective.clock).toEqual({ anchorVirtual: Date.parse("2025-03-06T09:25:00-08:00"), anchorReal: REAL_NOW, rate: 1 });
      expect(hub.store.listChanges().at(-1)?.change.author).toBe("demo");
    } finally {
      await closeOnly(hub);
    }
  });

  it("replaces one demo's data with another's, dropping the old demo's changes", async () => {
    const dataDir = tempDir();
    const first = await startPinnedHub({ dataDir });
    const { socket } = await organizer(first);
    await socket.timeout(3000).emitWithAck("change:apply", { kind: "cancel", sessionKey: KEY_1100 });
    socket.disconnect();
    await closeOnly(first);

    const second = await startPinnedHub({ dataDir, demo: "nixcon-2023", clockStart: null });
    try {
      expect(second.hub.schedule.stored.event.id).toBe("nixcon-2023");
      expect(second.store.listChanges().map((c) => c.change.kind)).toEqual(["clock"]);
      expect(second.hub.now()).toBe(Date.parse("2023-09-08T09:50:00+02:00"));
    } finally {
      await closeOnly(second);
    }
  });

  it("keeps an imported schedule when later started with a demo, and runs on real time", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, "schedule.json");
    const event = { ...loadDemo("planet-nix-2025"), id: "our-conf", title: "Our Conference" };
    writeFileSync(file, JSON.stringify(toRoomcastJson(event)));
    const first = await startPinnedHub({ dataDir, scheduleFile: file, clockStart: null });
    expect(first.hub.schedule.stored.source).toBe(`file:${file}`);
    expect(first.hub.schedule.effective.clock).toBeNull();
    await closeOnly(first);

    const second = await startPinnedHub({ dataDir, clockStart: null });
    try {
      expect(second.hub.schedule.stored.event.title).toBe("Our Conference");
      expect(second.hub.schedule.effective.clock).toBeNull();
    } finally {
      await closeOnly(second);
    }
  });
});

describe("a volunteer link with an expiry", () => {
  it("stops working when the hub's real time passes it", async () => {
    let realNow = REAL_NOW;
    const hub = await startPinnedHub({ dataDir: tempDir(), realNow: () => realNow });
    try {
      const { socket } = await organizer(hub);
      const created = await socket.timeout(3000).emitWithAck("volunteer:create", { label: "one hour", roomIds: ["room-1"], expiresAt: REAL_NOW + 3600_000 });
      socket.disconnect();
      if (!created.ok) throw new Error(created.message);
      const res = await fetch(`${hub.url}${created.link.url}`, { redirect: "manual" });
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      expect((await fetch(`${hub.url}/api/me`, { headers: { cookie } })).status).toBe(200);

      realNow = REAL_NOW + 3600_000 + 1;
      expect((await fetch(`${hub.url}/api/me`, { headers: { cookie } })).status).toBe(401);
      expect((await fetch(`${hub.url}${created.link.url}`, { redirect: "manual" })).status).toBe(410);
    } finally {
      await closeOnly(hub);
    }
  });
});
