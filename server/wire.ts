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
