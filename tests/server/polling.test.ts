// socket.io's default transport starts with HTTP long-polling: the hub must answer it itself
// (not hand it to Express) and keep serving everyone else.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISPLAY_NAMESPACE, type HelloReply } from "../../shared/protocol.js";
import { newScreenId, startPinnedHub, type TestHub } from "./helpers.js";

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
});
