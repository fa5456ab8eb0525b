// A WebSocket client (RFC 6455) straight on a TCP socket, for the load generator: one core has to
// receive what the hub sends 5,000 screens, and with the `ws` client each received frame cost
// the load generator as much CPU as the hub's send (its receiver is a Writable stream with an
// event per frame), so the benchmark measured the receiving side as much as the hub. Here reads
// skip Node's stream machinery (net's `onread`, into one buffer shared by every connection: reads
// are handled one at a time), and a frame arriving whole in one read, as a broadcast does, is
// handed over as a slice of that buffer, valid during the call only. Frames split across reads,
// extended lengths, fragmented messages, ping and close are handled as the RFC says; what the
// client sends is masked.
import { createHash, randomBytes, randomFillSync } from "node:crypto";
import { connect, type Socket } from "node:net";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/** Every connection reads into this; whatever outlives a read is copied out of it. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSED = 3;

/** The Sec-WebSocket-Accept a server must answer to `key` (RFC 6455 §4.2.2). */
export function acceptFor(key: string): string {
  return createHash("sha1").update(key + GUID).digest("base64");
}

/** A masked client frame (RFC 6455 §5.3): FIN set, one frame per message. */
export function clientFrame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const lengthBytes = n < 126 ? 0 : n < 65_536 ? 2 : 8;
  const head = 2 + lengthBytes;
  const frame = Buffer.allocUnsafe(head + 4 + n);
  frame[0] = 0x80 | opcode;
  if (lengthBytes === 0) frame[1] = 0x80 | n;
  else if (lengthBytes === 2) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  const mask = frame.subarray(head, head + 4);
  randomFillSync(mask);
  for (let i = 0; i < n; i++) frame[head + 4 + i] = (payload[i] as number) ^ (mask[i & 3] as number);
  return frame;
}

export class LeanWebSocket {
  readyState = CONNECTING;
  onopen: (() => void) | null = null;
  /** A whole message (text or binary), unmasked: valid during the call only (copy what you keep). */
  onmessage: ((data: Buffer) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: ((error: Error) => void) | null = null;

  private readonly socket: Socket;
  private readonly key = randomBytes(16).toString("base64");
  /** Bytes received but not yet parsed (a partial handshake or frame). */
  private pending: Buffer | null = null;
  /** Fragments of a message whose last frame has not arrived. */
  private fragments: Buffer[] | null = null;

  constructor(url: string) {
    if (!url.startsWith("ws://")) throw new Error(`LeanWebSocket speaks ws:// only, not ${url}`);
    const { hostname, port, pathname, search } = new URL(url);
    this.socket = connect({
      host: hostname,
      port: Number(port || 80),
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (n) => {
          this.receive(READ_BUFFER.subarray(0, n));
          return true;
        },
      },
    });
    this.socket.on("connect", () => {
      this.socket.write(
        `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${this.key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on("error", (error) => this.onerror?.(error));
    this.socket.on("close", () => {
      const wasOpen = this.readyState !== CLOSED;
      this.readyState = CLOSED;
      if (wasOpen) this.onclose?.();
    });
  }

  send(data: string | Buffer): void {
    if (this.readyState !== OPEN) return;
    const binary = typeof data !== "string";
    this.socket.write(clientFrame(binary ? OP_BINARY : OP_TEXT, binary ? data : Buffer.from(data)));
  }

  /** Drops the connection without a closing handshake (as `ws`'s terminate). */
  terminate(): void {
    this.socket.destroy();
  }

  private fail(reason: string): void {
    this.onerror?.(new Error(reason));
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    if (this.readyState === CONNECTING) {
      const end = data.indexOf("\r\n\r\n");
      if (end < 0) {
        this.pending = Buffer.from(data);
        return;
      }
      const head = data.subarray(0, end).toString("latin1");
      const accept = /\r\nsec-websocket-accept:\s*(\S+)/i.exec(head)?.[1];
      if (!head.startsWith("HTTP/1.1 101")) return this.fail(`handshake refused: ${head.split("\r\n")[0]}`);
      if (accept !== acceptFor(this.key)) return this.fail("handshake answered with a wrong Sec-WebSocket-Accept");
      this.readyState = OPEN;
      this.onopen?.();
      data = data.subarray(end + 4);
    }
    let at = 0;
    while (at < data.length && this.readyState === OPEN) {
      const used = this.frame(data, at);
      if (used === 0) break;
      at += used;
    }
    if (at < data.length && this.readyState === OPEN) this.pending = Buffer.from(data.subarray(at));
  }

  /** Handles the frame starting at `at`; returns its length, or 0 when it has not arrived whole. */
  private frame(data: Buffer, at: number): number {
    if (data.length - at < 2) return 0;
    const b0 = data[at] as number;
    const b1 = data[at + 1] as number;
    if (b1 & 0x80) {
      this.fail("a server frame was masked");
      return 0;
    }
    let length = b1 & 0x7f;
    let head = 2;
    if (length === 126) {
      if (data.length - at < 4) return 0;
      length = data.readUInt16BE(at + 2);
      head = 4;
    } else if (length === 127) {
      if (data.length - at < 10) return 0;
      length = Number(data.readBigUInt64BE(at + 2));
      head = 10;
    }
    if (data.length - at < head + length) return 0;
    const payload = data.subarray(at + head, at + head + length);
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    switch (opcode) {
      case OP_TEXT:
      case OP_BINARY:
        if (fin) this.onmessage?.(payload);
        else this.fragments = [Buffer.from(payload)];
        break;
      case OP_CONTINUATION:
        if (!this.fragments) {
          this.fail("a continuation frame with no message to continue");
          return 0;
        }
        this.fragments.push(Buffer.from(payload));
        if (fin) {
          const whole = Buffer.concat(this.fragments);
          this.fragments = null;
          this.onmessage?.(whole);
        }
        break;
      case OP_PING:
        this.socket.write(clientFrame(OP_PONG, payload));
        break;
      case OP_PONG:
        break;
      case OP_CLOSE:
        this.socket.write(clientFrame(OP_CLOSE, payload.subarray(0, 2)));
        this.socket.end();
        this.readyState = CLOSED;
        this.onclose?.();
        break;
      default:
        this.fail(`unknown opcode ${opcode}`);
        return 0;
    }
    return head + length;
  }
}
