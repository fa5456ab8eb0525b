// Shutting down for a process exit (SIGTERM/SIGINT in server/main.ts): what the hub batches is on
// disk, the store is closed, and the port is free for the next hub, without closing every
// screen's WebSocket one by one first.
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../server/store.js";
import { type DisplayClient, hello, connectDisplay, startPinnedHub, type TestHub } from "./helpers.js";

describe("a hub shut down for its process to exit", () => {
  let hub: TestHub | null = null;
  const sockets: DisplayClient[] = [];

  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    hub = null;
  });

  it("writes the screens it batches and closes the store, leaving open sockets to the OS", async () => {
    hub = await startPinnedHub();
    const socket = connectDisplay(hub);
    sockets.push(socket);
    const reply = await hello(socket, { screenId: "door-shutdown", view: "room:room-1", version: null, appVersion: hub.appVersion });
    expect(reply.ok).toBe(true);
    socket.emit("screen:heartbeat", { clockOffsetMs: 42, clockRttMs: 3, lastSyncAt: null, appVersion: hub.appVersion, view: "room:room-1" });
    await new Promise((r) => setTimeout(r, 100));

    hub.shutdown();

    expect(() => hub?.store.listScreens()).toThrow(); // closed
    const store = openStore(hub.dataDir);
    try {
      const row = store.listScreens().find((s) => s.id === "door-shutdown");
      expect(row).toMatchObject({ shownView: "room:room-1" });
      expect(row?.clockOffsetMs).toBe(42);
    } finally {
      store.close();
    }
    // Still connected: the process exit closes it.
    expect(socket.connected).toBe(true);
    // The listening port is released at once: a new hub can take it.
    const next = await startPinnedHub({ dataDir: hub.dataDir, port: hub.port, demo: null });
    await next.close();
    hub.shutdown(); // a second call does nothing
  });
});
