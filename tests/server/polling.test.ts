// socket.io's default transport starts with HTTP long-polling: the hub must answer it itself
// (not hand it to Express) and keep serving everyone else.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISPLAY_NAMESPACE, type DisplaySnapshot, type HelloReply } from "../../shared/protocol.js";
import { applyChange, KEY_1100, newScreenId, nextEvent, organizer, screenOn, ScreenFeed, startPinnedHub, type TestHub } from "./helpers.js";

describe("a screen connecting with long-polling", () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startPinnedHub();
  });

  afterAll(async () => {
    await hub?.dispose();
  });

  it("gets its snapshot over polling and the hub keeps answering HTTP", async () => {
    const socket = io(`${hub.url}${DISPLAY_NAMESPACE}`, { transports: ["polling"], forceNew: true });
    try {
      const reply: HelloReply = await socket
        .timeout(5000)
        .emitWithAck("screen:hello", { screenId: newScreenId(), view: "room:room-1", version: null, appVersion: "" });
      expect(reply.ok).toBe(true);
      if (reply.ok) expect(reply.snapshot?.rooms.map((r) => r.id)).toContain("room-1");
      expect(socket.io.engine.transport.name).toBe("polling");
    } finally {
      socket.disconnect();
    }
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("gets the same broadcasts as a screen on a WebSocket, in order after its hello", async () => {
    const polling = io(`${hub.url}${DISPLAY_NAMESPACE}`, { transports: ["polling"], forceNew: true });
    const websocket = await screenOn(hub, "room:room-1");
    const admin = (await organizer(hub)).socket;
    try {
      const reply: HelloReply = await polling
        .timeout(5000)
        .emitWithAck("screen:hello", { screenId: newScreenId(), view: "room:room-1", version: null, appVersion: hub.appVersion });
      if (!reply.ok || !reply.snapshot) throw new Error(`hello failed: ${JSON.stringify(reply)}`);
      const feed = new ScreenFeed(polling, reply.snapshot);
      const overPolling = nextEvent<DisplaySnapshot>(feed, "snapshot");
      const overWebSocket = nextEvent<DisplaySnapshot>(websocket.feed, "snapshot");
      expect((await applyChange(admin, { kind: "delay", sessionKey: KEY_1100, minutes: 5 })).ok).toBe(true);
      const [a, b] = await Promise.all([overPolling, overWebSocket]);
      expect(polling.io.engine.transport.name).toBe("polling");
      expect(a.sessions).toEqual(b.sessions);
      expect(a.version).toBeGreaterThan(reply.snapshot.version);
      expect(a.sessions).not.toEqual(reply.snapshot.sessions);
      expect([feed.misfits, websocket.feed.misfits]).toEqual([[], []]);
    } finally {
      polling.disconnect();
      websocket.socket.disconnect();
      admin.disconnect();
    }
  });
});
