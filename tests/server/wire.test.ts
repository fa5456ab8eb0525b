// The hub's packet encoder splices pre-serialised snapshots into packets: the bytes must be
// exactly what socket.io's own encoder sends for the same values.
import { describe, expect, it } from "vitest";
import { Encoder, PacketType } from "socket.io-parser";
import { createRequire } from "node:module";
import { encodeBroadcast, HubEncoder, PreEncoded, preEncodedJson, textFrame, withFields, writeBroadcast } from "../../server/wire.js";

const snapshot = { version: 7, view: "room:room-1", sessions: [{ key: "a", title: 'Quotes " and \\ and $& and \u0000' }], clock: null };
const pre = () => new PreEncoded(JSON.stringify(snapshot), () => snapshot);

describe("the hub's packet encoder", () => {
  it("sends a broadcast with a pre-encoded snapshot byte for byte as socket.io would", () => {
    const packet = { type: PacketType.EVENT, nsp: "/display", data: ["schedule:changed", pre()] };
    const expected = new Encoder().encode({ ...packet, data: ["schedule:changed", snapshot] });
    expect(new HubEncoder().encode(packet)).toEqual(expected);
  });

  it("sends a hello reply whose snapshot is pre-encoded byte for byte as socket.io would", () => {
    const packet = { type: PacketType.ACK, nsp: "/display", id: 12, data: [{ ok: true, version: 7, snapshot: pre() }] };
    const expected = new Encoder().encode({ ...packet, data: [{ ok: true, version: 7, snapshot }] });
    expect(new HubEncoder().encode(packet)).toEqual(expected);
    expect(expected[0]).toContain('"snapshot":{"version":7');
  });

  it("leaves packets without pre-encoded values to socket.io, binary ones included", () => {
    const plain = { type: PacketType.ACK, nsp: "/display", id: 3, data: [{ ok: true, version: 7, snapshot: null }] };
    expect(new HubEncoder().encode(plain)).toEqual(new Encoder().encode(plain));
    const binary = { type: PacketType.EVENT, nsp: "/", data: ["blob", Buffer.from([1, 2, 3])] };
    expect(new HubEncoder().encode(binary)).toEqual(new Encoder().encode(binary));
  });

  it("serialises a pre-encoded value anywhere else as the value it stands for", () => {
    expect(JSON.parse(JSON.stringify({ snapshot: pre() }))).toEqual({ snapshot });
  });
});

describe("a broadcast frame", () => {
  // ws's own frame builder (untyped), the reference for what a server sends.
  const Sender = (createRequire(import.meta.url)("ws") as { Sender: { frame(data: Buffer, o: object): Buffer[] } }).Sender;

  it("is the WebSocket text frame ws itself would build, at every length encoding", () => {
    for (const n of [0, 1, 125, 126, 300, 65_535, 65_536, 250_000]) {
      const data = Buffer.alloc(n, "x");
      const expected = Buffer.concat(Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true }));
      expect(textFrame(data).equals(expected), `length ${n}`).toBe(true);
    }
  });

  /** An engine.io connection as writeBroadcast reads it, recording what is written where. */
  function connection(over: { readyState?: string; upgrading?: boolean; queued?: number; transport?: string; deflate?: boolean; wsState?: number } = {}) {
    const direct: Buffer[] = [];
    const queued: { data: string; options: Record<string, unknown> }[] = [];
    const conn = {
      readyState: over.readyState ?? "open",
      upgrading: over.upgrading ?? false,
      writeBuffer: Array.from({ length: over.queued ?? 0 }),
      transport: {
        name: over.transport ?? "websocket",
        perMessageDeflate: over.deflate ? {} : null,
        socket: { readyState: over.wsState ?? 1, _sender: { sendFrame: (list: Buffer[]) => direct.push(...list) } },
      },
      write: (data: string, options: Record<string, unknown>) => queued.push({ data, options }),
    };
    return { socket: { conn }, direct, queued };
  }

  it("is written straight to open WebSockets and through engine.io to everyone else, encoded once", () => {
    const fast = connection();
    const polling = connection({ transport: "polling" });
    const backedUp = connection({ queued: 1 });
    const upgrading = connection({ upgrading: true });
    const deflating = connection({ deflate: true });
    const closingWs = connection({ wsState: 2 });
    const closed = connection({ readyState: "closed" });
    const all = [fast, polling, backedUp, upgrading, deflating, closingWs, closed];
    const direct = writeBroadcast(encodeBroadcast("/display", "schedule:changed", pre()), all.map((c) => c.socket), 0, all.length);

    expect(direct).toBe(1);
    const text = new Encoder().encode({ type: PacketType.EVENT, nsp: "/display", data: ["schedule:changed", snapshot] })[0] as string;
    expect(fast.direct).toHaveLength(1);
    expect(fast.direct[0]?.equals(textFrame(Buffer.from(`4${text}`)))).toBe(true);
    for (const other of [polling, backedUp, upgrading, deflating, closingWs]) {
      expect(other.direct).toEqual([]);
      expect(other.queued.map((q) => q.data)).toEqual([text]);
      // engine.io's WebSocket transport sends this frame as it is when it can; polling ignores it.
      expect((other.queued[0]?.options.wsPreEncodedFrame as Buffer[])[0]).toBe(fast.direct[0]);
    }
    expect(closed.direct).toEqual([]);
    expect(closed.queued).toEqual([]);
  });
});

describe("fields put in front of pre-serialised JSON", () => {
  it("is the JSON of the merged object, with the fields first", () => {
    const object = JSON.stringify({ baseHash: 7, content: { set: {} } });
    expect(JSON.parse(withFields({ baseVersion: 3, head: { version: 4 } }, object))).toEqual({ baseVersion: 3, head: { version: 4 }, baseHash: 7, content: { set: {} } });
    expect(withFields({ a: 1 }, object).startsWith('{"a":1,"baseHash"')).toBe(true);
    expect(withFields({}, object)).toBe(object);
    expect(withFields({ a: 1 }, "{}")).toBe('{"a":1}');
    expect(JSON.stringify({ v: preEncodedJson<unknown>(object) })).toBe(`{"v":${object}}`);
  });
});
