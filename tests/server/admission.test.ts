// Admission control: a burst of connections is handed to the HTTP server a batch per turn of the
// event loop, so timers run while the rest wait, and every connection is still served.
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { admitGradually, whenQuiet } from "../../server/admission.js";

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
