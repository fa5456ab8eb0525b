// Connection ids are short (they are in every screen's resync) and still random and unique.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionIds } from "../../server/connection-ids.js";
import { connectDisplay, type DisplayClient, hello, newScreenId, startPinnedHub, type TestHub } from "./helpers.js";

describe("a screen's connection id", () => {
  let hub: TestHub;
  const sockets: DisplayClient[] = [];

  beforeAll(async () => {
    hub = await startPinnedHub();
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await hub?.dispose();
  });

  it("is 12 URL-safe characters, different for each connection, and the screen is served as before", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const socket = connectDisplay(hub);
      sockets.push(socket);
      const reply = await hello(socket, { screenId: newScreenId(), view: "room:room-1", version: null, appVersion: hub.appVersion });
      expect(reply.ok && reply.snapshot?.view).toBe("room:room-1");
      const id = socket.io.engine.id;
      expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(20);
  });
});

describe("connection ids drawn in batches", () => {
  it("are all different and 12 URL-safe characters across many batches", () => {
    const next = connectionIds();
    const ids = Array.from({ length: 5000 }, () => next());
    expect(ids.every((id) => /^[A-Za-z0-9_-]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Two sources do not repeat each other either.
    const other = connectionIds();
    expect(ids.slice(0, 300)).not.toContain(other());
  });
});
