// The load generator's WebSocket client (bench/lib/lean-websocket.ts) against a real `ws`
// server and against a hand-written one that cuts frames anywhere: every message arrives whole
// and exactly once, whatever the TCP reads look like.
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { acceptFor, CLOSED, LeanWebSocket, OPEN } from "../../bench/lib/lean-websocket.js";
import { versionOf } from "../../bench/lib/screen-client.js";
import { textFrame } from "../../server/wire.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A `ws` server; resolves with its URL and the next connection's server-side socket. */
async function wsServer(): Promise<{ url: string; next: () => Promise<WebSocket> }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  const waiting: ((ws: WebSocket) => void)[] = [];
  wss.on("connection", (ws) => waiting.shift()?.(ws));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  cleanups.push(() => new Promise<void>((r) => {
    for (const c of wss.clients) c.terminate();
    wss.close();
    http.close(() => r());
  }));
  const { port } = http.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, next: () => new Promise((r) => waiting.push(r)) };
}

/** Opens a client, collecting copies of what it receives. */
async function open(url: string): Promise<{ ws: LeanWebSocket; got: Buffer[]; closed: Promise<void>; errors: Error[] }> {
  const ws = new LeanWebSocket(url);
  const got: Buffer[] = [];
  const errors: Error[] = [];
  ws.onmessage = (data) => got.push(Buffer.from(data));
  ws.onerror = (e) => errors.push(e);
  const closed = new Promise<void>((r) => {
    ws.onclose = () => r();
  });
  cleanups.push(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    void closed.then(() => reject(errors[0] ?? new Error("closed before open")));
  });
  return { ws, got, closed, errors };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

/**
 * A server that answers the handshake by hand (optionally wrongly), then writes `bytes` in the
 * given cuts (each cut its own TCP write, with a pause so the client reads them apart).
 */
async function rawServer(options: { accept?: (key: string) => string } = {}): Promise<{ url: string; next: () => Promise<Socket> }> {
  const waiting: ((s: Socket) => void)[] = [];
  const server: TcpServer = createTcpServer((socket) => {
    socket.setNoDelay(true);
    let head = "";
    const onData = (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      const key = /sec-websocket-key:\s*(\S+)/i.exec(head)?.[1] ?? "";
      const accept = (options.accept ?? acceptFor)(key);
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      waiting.shift()?.(socket);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const sockets = new Set<Socket>();
  server.on("connection", (s) => sockets.add(s));
  cleanups.push(() => new Promise<void>((r) => {
    for (const s of sockets) s.destroy();
    server.close(() => r());
  }));
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/`, next: () => new Promise((r) => waiting.push(r)) };
}

async function writeInCuts(socket: Socket, bytes: Buffer, cuts: number[]): Promise<void> {
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
    if (cut <= at) continue;
    await new Promise<void>((r) => socket.write(bytes.subarray(at, cut), () => r()));
    await new Promise((r) => setTimeout(r, 1));
    at = cut;
  }
}

describe("LeanWebSocket", () => {
  it("receives what a ws server sends, every length form (7-bit, 16-bit, 64-bit), in order", async () => {
    const server = await wsServer();
    const peer = server.next();
    const client = await open(server.url);
    const ws = await peer;
    const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 300_000];
    const sent = sizes.map((n, i) => Buffer.alloc(n, 97 + i));
    for (const m of sent) ws.send(m, { binary: false });
    ws.send(Buffer.from([0, 1, 2, 255]), { binary: true });
    await until(() => client.got.length === sent.length + 1);
    expect(client.got.map((b) => b.length)).toEqual([...sizes, 4]);
    sent.forEach((m, i) => expect(client.got[i]?.equals(m)).toBe(true));
    expect(client.got[sent.length]).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it("sends masked frames the ws server reads back (short, 16-bit and 64-bit lengths)", async () => {
    const server = await wsServer();
    const peer = server.next();
    const client = await open(server.url);
    const ws = await peer;
    const received: string[] = [];
    ws.on("message", (data: Buffer) => received.push(data.toString()));
    const texts = ["40/display,", "x".repeat(200), "é".repeat(40_000)];
    for (const t of texts) client.ws.send(t);
    await until(() => received.length === texts.length);
    expect(received).toEqual(texts);
    // ws closes a connection whose client frames are unmasked: still open means they were masked.
    expect(client.ws.readyState).toBe(OPEN);
  });

  it("answers a ping with a pong carrying the same data, and closes on the server's close", async () => {
    const server = await wsServer();
    const peer = server.next();
    const client = await open(server.url);
    const ws = await peer;
    const pong = new Promise<Buffer>((r) => ws.once("pong", (data: Buffer) => r(data)));
    ws.ping(Buffer.from("are you there"));
    expect((await pong).toString()).toBe("are you there");
    const serverSawClose = new Promise<number>((r) => ws.once("close", (code: number) => r(code)));
    ws.close(4000, "bye");
    await client.closed;
    expect(client.ws.readyState).toBe(CLOSED);
    expect(await serverSawClose).toBe(4000);
  });

  it("reassembles frames cut anywhere across TCP reads, several frames per read and fragmented messages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (sizes, cutSeeds, fragmentFirst) => {
          const server = await rawServer();
          const peer = server.next();
          const client = await open(server.url);
          const socket = await peer;
          const messages = sizes.map((n, i) => Buffer.alloc(n, 65 + (i % 26)));
          const frames: Buffer[] = [];
          messages.forEach((m, i) => {
            if (i === 0 && fragmentFirst && m.length >= 2) {
              // Text frame without FIN, then a continuation with FIN (RFC 6455 §5.4).
              const half = m.length >> 1;
              const first = textFrame(m.subarray(0, half));
              first[0] = 0x01;
              const rest = textFrame(m.subarray(half));
              rest[0] = 0x80;
              frames.push(first, rest);
            } else frames.push(textFrame(m));
          });
          const bytes = Buffer.concat(frames);
          await writeInCuts(socket, bytes, cutSeeds.map((s) => s % (bytes.length + 1)));
          await until(() => client.got.length === messages.length);
          expect(client.got.map((b) => b.length)).toEqual(sizes);
          messages.forEach((m, i) => expect(client.got[i]?.equals(m)).toBe(true));
          client.ws.terminate();
          await client.closed;
        },
      ),
      { numRuns: 25 },
    );
  });

  it("refuses a handshake answered with the wrong Sec-WebSocket-Accept", async () => {
    const server = await rawServer({ accept: () => acceptFor("not the key") });
    await expect(open(server.url)).rejects.toThrow(/wrong Sec-WebSocket-Accept/);
  });

  it("refuses a masked server frame", async () => {
    const server = await rawServer();
    const peer = server.next();
    const client = await open(server.url);
    const socket = await peer;
    const frame = Buffer.from([0x81, 0x80 | 1, 0, 0, 0, 0, 0x41]);
    socket.write(frame);
    await client.closed;
    expect(client.errors.map((e) => e.message)).toEqual(["a server frame was masked"]);
    expect(client.got).toEqual([]);
  });
});

describe("versionOf", () => {
  it("reads the version a broadcast's head carries, or null", () => {
    expect(versionOf(Buffer.from('42/display,["schedule:patched",{"head":{"version":1234,"appVersion":"x"}}]'))).toBe(1234);
    expect(versionOf(Buffer.from('42/display,["schedule:changed",{"version":7}]'))).toBe(7);
    expect(versionOf(Buffer.from('42/display,["schedule:changed",{"view":"lobby"}]'))).toBeNull();
    expect(versionOf(Buffer.from('{"version":x}'))).toBeNull();
    // Only the head is read: a "version" deep in the content does not count.
    expect(versionOf(Buffer.from(`{"a":"${"y".repeat(300)}","version":5}`))).toBeNull();
  });
});
