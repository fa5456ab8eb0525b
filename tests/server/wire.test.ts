// The hub's packet encoder splices pre-serialised snapshots into packets: the bytes must be
// exactly what socket.io's own encoder sends for the same values.
import { describe, expect, it } from "vitest";
import { Encoder, PacketType } from "socket.io-parser";
import { HubEncoder, PreEncoded } from "../../server/wire.js";

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
