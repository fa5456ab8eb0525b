// Ids of socket.io connections (engine.io's generateId). They are in every screen's resync, so
// they are short; a reconnect burst makes thousands at once, so the random bytes come in batches.
import { randomBytes } from "node:crypto";

/** Random bytes per connection id (12 base64url characters). */
const ID_BYTES = 9;
/** Ids drawn from one call to the random source: a reconnect burst costs one call per 256 screens. */
const IDS_PER_DRAW = 256;

/** A source of connection ids: 72 random bits each, drawn from the system's source in batches. */
export function connectionIds(): () => string {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + ID_BYTES > pool.length) {
      pool = randomBytes(ID_BYTES * IDS_PER_DRAW);
      at = 0;
    }
    at += ID_BYTES;
    return pool.toString("base64url", at - ID_BYTES, at);
  };
}
