// Admission control: a burst of connections is handed to the HTTP server a batch per turn of the
// event loop, so timers run while the rest wait, and every connection is still served.
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect, createServer as createNetServer, Socket as NetSocket, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { admitGradually, whenQuiet } from "../../server/admission.js";
import { connectAdmin, connectDisplay, hello, loginCookie, newScreenId, startPinnedHub } from "./helpers.js";

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("admitting a burst of connections", () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("serves all 500 of a burst, at most 16 per turn of the event loop, with timers running while the rest wait", async () => {
    let handed = 0;
    server = createServer((_req, res) => res.end("served"));
    server.on("connection", () => handed++); // handed on by the admission queue, like the HTTP parser
    const admission = admitGradually(server, 16);

    // A burst as libuv delivers one after a restart: 500 connections accepted in one go. Built
    // by accepting them (paused) elsewhere first, then handing all to the hub's server at once.
    const accepted: Socket[] = [];
    const raw = createNetServer({ pauseOnConnect: true }, (socket) => accepted.push(socket));
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    const replies = Array.from({ length: 500 }, () => get((raw.address() as AddressInfo).port));
    while (accepted.length < 500) await new Promise((r) => setImmediate(r));

    let perTurnMax = 0;
    let waitingSeenByTimer = 0;
    let sampling = true;
    let last = 0;
    const sampleTurn = () => {
      perTurnMax = Math.max(perTurnMax, handed - last);
      last = handed;
      if (sampling) setImmediate(sampleTurn);
    };
    setImmediate(sampleTurn);
    const timer = setInterval(() => (waitingSeenByTimer = Math.max(waitingSeenByTimer, admission.waiting)), 1);
    for (const socket of accepted) server.emit("connection", socket);
    expect(admission.waiting).toBe(500);

    const texts = await Promise.all(replies);
    sampling = false;
    clearInterval(timer);
    raw.close();

    expect(texts.filter((r) => r.startsWith("HTTP/1.1 200") && r.endsWith("served"))).toHaveLength(500);
    expect(admission.admitted).toBe(500);
    expect(admission.waiting).toBe(0);
    expect(perTurnMax).toBeGreaterThan(0);
    expect(perTurnMax).toBeLessThanOrEqual(16);
    // A timer ran while accepted connections were still queued: the burst did not hold the loop.
    expect(waitingSeenByTimer).toBeGreaterThan(0);
  });

  it("skips a connection closed while it waited and serves the next", async () => {
    server = createServer((_req, res) => res.end("served"));
    const admission = admitGradually(server, 1);
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const dropped = connect(port, "127.0.0.1");
    await new Promise((r) => dropped.once("connect", r));
    dropped.destroy();
    expect(await get(port)).toMatch(/served$/);
    expect(admission.waiting).toBe(0);
  });
});

describe("bounding the handshakes in flight", () => {
  let server: Server | null = null;
  const clients: Socket[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const until = async (what: () => boolean) => {
    const deadline = Date.now() + 5_000;
    while (!what()) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it("admits no more than the cap until one settles, closes, or its handshake times out", async () => {
    const admittedSockets: Socket[] = [];
    server = createServer(() => {});
    server.on("connection", (socket: Socket) => admittedSockets.push(socket));
    const admission = admitGradually(server, 16, 4);
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    // Ten connections that never finish a handshake (they send nothing).
    for (let i = 0; i < 10; i++) clients.push(connect(port, "127.0.0.1"));
    await until(() => admission.admitted + admission.waiting === 10);
    await new Promise((r) => setTimeout(r, 50));
    expect([admission.admitted, admission.inFlight, admission.waiting]).toEqual([4, 4, 6]);

    admission.settled(admittedSockets[0]); // e.g. a screen's hello answered
    await until(() => admission.admitted === 5);
    admittedSockets[1]?.destroy(); // a connection that went away
    await until(() => admission.admitted === 6);
    expect(admission.inFlight).toBe(4);
    admission.settled(admittedSockets[0]); // twice is harmless
    await new Promise((r) => setTimeout(r, 50));
    expect(admission.admitted).toBe(6);

    // The rest are let in as the ones in flight time out.
    await until(() => admission.admitted === 10);
    expect(admission.waiting).toBe(0);
  }, 10_000);
});

describe("waiting for the connections to settle", () => {
  afterEach(() => void vi.useRealTimers());

  it("runs the work once nothing has been admitted for the quiet time, not while screens keep arriving", () => {
    vi.useFakeTimers();
    const admission = { admitted: 0, waiting: 0 };
    let ran = 0;
    whenQuiet(admission, () => ran++, 2_000, 30_000);
    for (let i = 0; i < 20; i++) {
      admission.admitted += 100; // a reconnect burst, 100 screens every 250 ms for 5 s
      vi.advanceTimersByTime(250);
    }
    expect(ran).toBe(0);
    vi.advanceTimersByTime(1_750);
    expect(ran).toBe(0);
    vi.advanceTimersByTime(500);
    expect(ran).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(ran).toBe(1);
  });

  it("waits while connections are queued for admission, but no longer than the longest wait", () => {
    vi.useFakeTimers();
    const admission = { admitted: 10, waiting: 5 };
    let ran = 0;
    whenQuiet(admission, () => ran++, 2_000, 30_000);
    vi.advanceTimersByTime(29_000);
    expect(ran).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(ran).toBe(1);
  });

  it("runs at once without admission control, and not at all when cancelled", () => {
    let ran = 0;
    whenQuiet(null, () => ran++);
    expect(ran).toBe(1);
    vi.useFakeTimers();
    const cancel = whenQuiet({ admitted: 0, waiting: 0 }, () => ran++);
    cancel();
    vi.advanceTimersByTime(60_000);
    expect(ran).toBe(1);
  });
});

describe("a hub's handshakes", () => {
  it("end with a screen's hello and an admin's connection, not with the handshake timeout", async () => {
    const hub = await startPinnedHub();
    const screen = connectDisplay(hub);
    try {
      const admission = hub.hub.admission;
      if (!admission) throw new Error("the hub has no admission control");
      const cookie = await loginCookie(hub.url);
      const before = admission.inFlight; // the login's keep-alive connection, until it times out
      const reply = await hello(screen, { screenId: newScreenId(), view: "room:room-1", version: null, appVersion: hub.appVersion });
      expect(reply.ok).toBe(true);
      const { socket: admin } = await connectAdmin(hub.url, cookie);
      admin.disconnect();
      expect(admission.inFlight).toBeLessThanOrEqual(before);
      expect(admission.admitted).toBeGreaterThanOrEqual(3);
    } finally {
      screen.disconnect();
      await hub.dispose();
    }
  });
});

describe("a WebSocket's upgrade answer", () => {
  it("leaves the hub in one write with engine.io's open packet", async () => {
    const hub = await startPinnedHub();
    // Every low-level write of a server-side socket (one system call each), with what it carried.
    const writes: string[] = [];
    type Chunk = string | Uint8Array;
    const proto = NetSocket.prototype as unknown as {
      _write(chunk: Chunk, encoding: string, cb: () => void): void;
      _writev(chunks: { chunk: Chunk }[], cb: () => void): void;
    };
    const original = { write: proto._write, writev: proto._writev };
    const serverSide = (s: unknown) => Boolean((s as { _server?: unknown })._server);
    const text = (c: Chunk) => (typeof c === "string" ? c : Buffer.from(c).toString("latin1"));
    proto._write = function (this: NetSocket, chunk, encoding, cb) {
      if (serverSide(this)) writes.push(text(chunk));
      return original.write.call(this, chunk, encoding, cb);
    };
    proto._writev = function (this: NetSocket, chunks, cb) {
      if (serverSide(this)) writes.push(chunks.map((c) => text(c.chunk)).join(""));
      return original.writev.call(this, chunks, cb);
    };
    try {
      const client = new WebSocket(`ws://127.0.0.1:${hub.port}/socket.io/?EIO=4&transport=websocket`);
      const open = await new Promise<string>((resolve, reject) => {
        client.once("message", (data) => resolve(String(data)));
        client.once("error", reject);
      });
      client.close();
      expect(open).toMatch(/^0\{"sid":/);
      expect(writes).toHaveLength(1);
      expect(writes[0]).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
      expect(writes[0]).toContain(open);
    } finally {
      proto._write = original.write;
      proto._writev = original.writev;
      await hub.dispose();
    }
  });
});
