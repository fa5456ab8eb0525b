// Broadcasts to screens, written a few megabytes per turn of the event loop. A new schedule is
// every view's whole snapshot to every screen: tens of megabytes with a thousand screens, which
// written at once kept the hub from answering anyone (admins, clock syncs, new screens) for
// 50–90 ms. A change to a talk is a few hundred bytes per screen and still goes out at once.
//
// Frames to one screen keep their order: while a broadcast is still being written, later ones
// queue behind it, and whatever else is sent to a screen (a hello's reply, a new view) is sent
// after `flush()`, which writes the rest at once.
import { type EncodedBroadcast, encodeBroadcast, writeBroadcast } from "./wire.js";

/** Bytes of broadcast frames written per turn of the event loop (about 3 ms of writes on loopback). */
export const BROADCAST_BYTES_PER_TURN = 4 * 1024 * 1024;

interface Pending {
  encoded: EncodedBroadcast;
  sockets: readonly { conn: unknown }[];
  /** The next socket to write to. */
  next: number;
}

export interface PacedBroadcast {
  /** Sends the event to the sockets, now or in the next turns, after everything sent before. */
  send(sockets: readonly { conn: unknown }[], nsp: string, event: string, payload: unknown): void;
  /** Writes everything still waiting, now. */
  flush(): void;
}

export function createPacedBroadcast(options: { bytesPerTurn?: number; nextTurn?: (fn: () => void) => void } = {}): PacedBroadcast {
  const budget = options.bytesPerTurn ?? BROADCAST_BYTES_PER_TURN;
  const nextTurn = options.nextTurn ?? ((fn) => setImmediate(fn));
  const queue: Pending[] = [];
  /** Bytes written since the turn began (reset by the next turn's callback). */
  let spent = 0;
  let turnArmed = false;

  function armTurn(): void {
    if (turnArmed) return;
    turnArmed = true;
    nextTurn(() => {
      turnArmed = false;
      spent = 0;
      write(false);
    });
  }

  /** Writes from the head of the queue while this turn's budget lasts (or everything: `all`). */
  function write(all: boolean): void {
    while (queue.length > 0) {
      const head = queue[0]!;
      const size = head.encoded.frame.length;
      const left = head.sockets.length - head.next;
      // At least one socket per turn, so a frame larger than the budget still goes out.
      const fit = all ? left : Math.min(left, Math.max(spent === 0 ? 1 : 0, Math.floor((budget - spent) / size)));
      if (fit === 0) break;
      writeBroadcast(head.encoded, head.sockets, head.next, head.next + fit);
      head.next += fit;
      spent += fit * size;
      if (head.next < head.sockets.length) break;
      queue.shift();
    }
    if (spent > 0 || queue.length > 0) armTurn();
  }

  return {
    send(sockets, nsp, event, payload) {
      if (sockets.length === 0) return;
      queue.push({ encoded: encodeBroadcast(nsp, event, payload), sockets, next: 0 });
      write(false);
    },
    flush() {
      write(true);
    },
  };
}
