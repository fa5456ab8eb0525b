// Admission control for connection bursts. After a restart thousands of screens reconnect within
// seconds; libuv accepts every pending connection in one poll phase and each handshake costs about
// half a millisecond, so without this the event loop stalls for seconds (clock sync answers, admin
// commands and timers all wait). Here new connections are created paused and handed to the HTTP
// server a few at a time, one batch per turn of the event loop, and only while fewer than
// MAX_IN_FLIGHT admitted connections are still in their handshake (upgrade, namespace, hello): a
// turn then never has more than that many handshakes' messages to read. The rest wait, paused.
import type { Server, Socket } from "node:net";

/** Connections handed to the HTTP server per turn of the event loop. */
export const ADMIT_PER_TURN = 16;
/** Admitted connections whose handshake has not settled, at most. */
export const MAX_IN_FLIGHT = 128;
/** A connection that never says it settled (a page load, long-polling) counts as settled after this, ms. */
export const SETTLE_TIMEOUT_MS = 1_000;

export interface Admission {
  /** Connections accepted but not yet handed to the HTTP server. */
  readonly waiting: number;
  /** Connections handed on so far. */
  readonly admitted: number;
  /** Admitted connections still in their handshake. */
  readonly inFlight: number;
  /** The connection's handshake is done (a screen's hello answered, an admin connected). */
  settled(socket: Socket | null | undefined): void;
}

export function admitGradually(server: Server, perTurn = ADMIT_PER_TURN, maxInFlight = MAX_IN_FLIGHT): Admission {
  const handlers = server.listeners("connection") as Array<(socket: Socket) => void>;
  server.removeAllListeners("connection");
  // Nothing is read from a paused socket until it is admitted: its bytes wait in the kernel.
  (server as Server & { pauseOnConnect: boolean }).pauseOnConnect = true;
  const queue: Socket[] = [];
  let head = 0;
  let admitted = 0;
  let scheduled = false;
  // Each handshake in flight: its timeout and its close listener, both dropped once it settles
  // (a connected screen keeps nothing of admission).
  const inFlight = new Map<Socket, { timer: NodeJS.Timeout; onClose: () => void }>();

  function settled(socket: Socket | null | undefined): void {
    const entry = socket ? inFlight.get(socket) : undefined;
    if (!socket || !entry) return;
    clearTimeout(entry.timer);
    socket.off("close", entry.onClose);
    inFlight.delete(socket);
    if (head < queue.length) schedule();
  }

  function admitBatch(): void {
    scheduled = false;
    const end = Math.min(queue.length, head + perTurn);
    for (; head < end && inFlight.size < maxInFlight; head++) {
      const socket = queue[head] as Socket;
      if (socket.destroyed) continue;
      admitted++;
      const onClose = () => settled(socket);
      const timer = setTimeout(onClose, SETTLE_TIMEOUT_MS);
      timer.unref();
      inFlight.set(socket, { timer, onClose });
      socket.once("close", onClose);
      for (const handler of handlers) handler.call(server, socket);
      socket.resume();
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (inFlight.size < maxInFlight) {
      schedule();
    } // else the next settled connection schedules the next batch
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    // setImmediate runs after this turn's I/O; timers and the next poll come before the next batch.
    setImmediate(admitBatch);
  }

  server.on("connection", (socket: Socket) => {
    queue.push(socket);
    schedule();
  });

  return {
    get waiting() {
      return queue.length - head;
    },
    get admitted() {
      return admitted;
    },
    get inFlight() {
      return inFlight.size;
    },
    settled,
  };
}

/** How often whenQuiet looks at the admission count, ms. */
const QUIET_POLL_MS = 250;

/**
 * Runs `fn` once no connection has been admitted for `quietMs` (a restart's reconnecting screens
 * are all back), or after `maxWaitMs` at the latest. For background work that would otherwise
 * compete for the CPU with a reconnect burst (the import worker's start). Returns a cancel.
 */
export function whenQuiet(admission: Pick<Admission, "admitted" | "waiting"> | null, fn: () => void, quietMs = 2_000, maxWaitMs = 30_000): () => void {
  if (!admission) {
    fn();
    return () => {};
  }
  let last = admission.admitted;
  let quietFor = 0;
  let waited = 0;
  const timer = setInterval(() => {
    waited += QUIET_POLL_MS;
    const now = admission.admitted;
    quietFor = now === last && admission.waiting === 0 ? quietFor + QUIET_POLL_MS : 0;
    last = now;
    if (quietFor >= quietMs || waited >= maxWaitMs) {
      clearInterval(timer);
      fn();
    }
  }, QUIET_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A WebSocket's upgrade answer (101, written by ws) and engine.io's open packet (written a
 * microtask later, once the connection's id is made) leave the hub in one write instead of two:
 * the socket is corked from the upgrade request until the end of this turn of the event loop.
 * After a restart every reconnecting screen saves a system call and a TCP segment.
 */
export function coalesceUpgradeWrites(server: Server): void {
  server.prependListener("upgrade", (_req: unknown, socket: Socket) => {
    socket.cork();
    setImmediate(() => socket.uncork());
  });
}
