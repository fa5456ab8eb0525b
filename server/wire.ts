// socket.io's packet encoder, taught one thing: a value already serialised (a view's snapshot,
// built once per view and version) is spliced into the packet as it is, instead of being walked
// for binary data and stringified again for every screen that says hello and every broadcast.
// The bytes on the wire are exactly what the default encoder would produce.
import { Decoder, Encoder, type Packet, PacketType } from "socket.io-parser";

/**
 * JSON text standing in for a value inside an emitted payload (top level or one property deep).
 * Anything else that serialises it (another parser, a test) gets `value()` through toJSON.
 */
export class PreEncoded {
  constructor(
    readonly json: string,
    private readonly build: () => unknown,
  ) {}
  toJSON(): unknown {
    return this.build();
  }
}

/** JSON text sent as it is, typed as the value it stands for (anything else reads it back through JSON.parse). */
export function preEncodedJson<T>(json: string): T {
  return new PreEncoded(json, () => JSON.parse(json)) as unknown as T;
}

/** `object` (JSON text of an object) with `fields` put first: `{...fields, ...object}` as JSON. */
export function withFields(fields: Record<string, unknown>, object: string): string {
  const head = JSON.stringify(fields);
  if (head === "{}") return object;
  return object === "{}" ? head : `${head.slice(0, -1)},${object.slice(1)}`;
}

// Placeholders never appear in the small wrappers stringified around pre-encoded values (they
// carry no user text: an event name, ok, version), so replacing them is unambiguous.
const placeholder = (i: number) => `\u0000pre-encoded-${i}\u0000`;
const quotedPlaceholder = (i: number) => JSON.stringify(placeholder(i));

/** The payload with each PreEncoded replaced by a placeholder, and those values in order; null when there is none. */
function extract(data: unknown[]): { shallow: unknown[]; raw: string[] } | null {
  let raw: string[] | null = null;
  const swap = (v: unknown): unknown => {
    if (!(v instanceof PreEncoded)) return v;
    raw ??= [];
    raw.push(v.json);
    return placeholder(raw.length - 1);
  };
  const shallow = data.map((item) => {
    if (item instanceof PreEncoded) return swap(item);
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(item)) {
      if (v instanceof PreEncoded) {
        copy ??= { ...(item as Record<string, unknown>) };
        copy[k] = swap(v);
      }
    }
    return copy ?? item;
  });
  return raw ? { shallow, raw } : null;
}

export class HubEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    if ((packet.type === PacketType.EVENT || packet.type === PacketType.ACK) && Array.isArray(packet.data)) {
      const found = extract(packet.data);
      if (found) {
        // Pre-encoded values are JSON text (no binary), so the packet is a plain string one.
        // As socket.io-parser's encodeAsString writes a non-binary packet: type, namespace, id, data.
        const nsp = packet.nsp && packet.nsp !== "/" ? `${packet.nsp},` : "";
        let text = `${packet.type}${nsp}${packet.id ?? ""}${JSON.stringify(found.shallow)}`;
        found.raw.forEach((json, i) => {
          text = text.replace(quotedPlaceholder(i), () => json);
        });
        return [text];
      }
    }
    return super.encode(packet);
  }
}

/** For `new Server(http, { parser: hubParser })`. */
export const hubParser = { Encoder: HubEncoder, Decoder };

// ---------------------------------------------------------------------------------------------
// Broadcast: one WebSocket frame for every screen of a view.

/** What a broadcast reads of an engine.io connection (engine.io's Socket and its transport). */
interface EngineConnection {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: {
    name: string;
    perMessageDeflate?: unknown;
    socket?: { readyState: number; _sender?: { sendFrame(list: Buffer[], cb?: (err?: Error) => void): void } };
  };
  write(data: string, options: Record<string, unknown>): void;
}

const encoder = new HubEncoder();
const WS_OPEN = 1;

/** An unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2), as a server sends it. */
export function textFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (head === 2) frame[1] = n;
  else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, head);
  return frame;
}

/** One event of a namespace, encoded once: engine.io's text packet and the WebSocket frame of it. */
export interface EncodedBroadcast {
  text: string;
  frame: Buffer;
}

export function encodeBroadcast(nsp: string, event: string, payload: unknown): EncodedBroadcast {
  const [text] = encoder.encode({ type: PacketType.EVENT, nsp, data: [event, payload] }) as [string];
  return { text, frame: textFrame(Buffer.from(`4${text}`)) };
}

/**
 * Writes one encoded event to `sockets[from, to)` of a namespace (server/paced-broadcast.ts
 * decides how many per turn). A screen on an open WebSocket with nothing queued in engine.io gets
 * the frame written straight to its socket (what engine.io itself does with a broadcast's
 * pre-built frame, without its per-packet bookkeeping: events, flush, drain, a tick per socket);
 * order is kept because nothing of that connection is waiting ahead of it. Any other
 * (long-polling, upgrading, backed up) gets the same packet through engine.io. Returns how many
 * took the direct path.
 */
export function writeBroadcast(encoded: EncodedBroadcast, sockets: readonly { conn: unknown }[], from: number, to: number): number {
  const { text, frame } = encoded;
  const list = [frame];
  const options = { preEncoded: true, wsPreEncodedFrame: [frame] };
  let direct = 0;
  for (let i = from; i < to; i++) {
    const conn = sockets[i]!.conn as EngineConnection;
    if (conn.readyState !== "open") continue;
    const transport = conn.transport;
    const ws = transport.socket;
    if (!conn.upgrading && conn.writeBuffer.length === 0 && transport.name === "websocket" && !transport.perMessageDeflate && ws?.readyState === WS_OPEN && ws._sender) {
      ws._sender.sendFrame(list);
      direct += 1;
    } else {
      conn.write(text, options);
    }
  }
  return direct;
}
