// startRoomcast: builds the whole hub (store, auth, socket.io hub, express app) on one HTTP
// server and starts listening. main.ts is the command line around it; tests call it on port 0.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import type { Router } from "express";
import { Server } from "socket.io";
import { MAX_SOCKET_PAYLOAD_BYTES } from "../shared/protocol.js";
import { createApp } from "./app.js";
import { computeAppVersion } from "./app-version.js";
import { createAuth, type PasswordStatus } from "./auth.js";
import { createHub, type Hub } from "./hub.js";
import { createImports } from "./imports.js";
import { createLog } from "./log.js";
import { importScheduleFile } from "./schedule-file.js";
import { seedSchedule } from "./seed.js";
import { openStore, type Store } from "./store.js";
import { hubParser } from "./wire.js";

export interface RoomcastOptions {
  dataDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** "planet-nix-2025" | "nixcon-2023" | "fosdem-2026-nix", or null for none. */
  demo: string | null;
  /** A schedule file imported at start; wins over the demo. */
  scheduleFile: string | null;
  /** Overrides (and replaces) the stored organizer password. */
  adminPassword: string | null;
  /** The Vite build (entries display/index.html, admin/index.html, assets/). */
  distDir: string;
  /** UTC ms: start the rehearsal clock here instead of the demo's default. */
  clockStart?: number | null;
  /** Real time, UTC ms (tests may fix it). */
  realNow?: () => number;
  quiet?: boolean;
  /** Generate a new organizer password (printed once), signing every organizer out. */
  resetPassword?: boolean;
  /** IANA zone for a schedule file whose format carries none (pasted text). */
  scheduleZone?: string;
  /** Bytes of schedule broadcasts written per turn of the event loop (default: paced-broadcast.ts). */
  broadcastBytesPerTurn?: number;
  /** More routers mounted under /api (the import API is always there). */
  extraRouters?: (hub: Hub, deps: { store: Store; auth: ReturnType<typeof createAuth> }) => Router[];
}

export interface RunningRoomcast {
  /** e.g. "http://127.0.0.1:4000" */
  url: string;
  port: number;
  /** The organizer password when known this start (generated, reset or from the environment), else "". */
  adminPassword: string;
  passwordStatus: PasswordStatus;
  appVersion: string;
  store: Store;
  hub: Hub;
  /** Closes every connection, the import worker and the store; the process may go on. */
  close(): Promise<void>;
  /**
   * For a process about to exit (SIGTERM, SIGINT): writes what the hub batches and closes the
   * store, but leaves open connections to the operating system, which closes them all at once
   * when the process exits. Closing thousands of screens' WebSockets one by one (a close frame
   * each) held a restart up by most of a second; screens reconnect the same either way.
   */
  shutdown(): void;
}

/** Pending connections the kernel may queue for the hub (Linux caps it at net.core.somaxconn). */
export const LISTEN_BACKLOG = 4096;

/** Who a demo's own changes are recorded as. */
const DEMO_ROLE = { kind: "organizer", name: "demo" } as const;

export async function startRoomcast(options: RoomcastOptions): Promise<RunningRoomcast> {
  const log = createLog("roomcast", options.quiet ?? false);
  const realNow = options.realNow ?? Date.now;
  // A broken schedule file stops the hub before anything is touched.
  const file = options.scheduleFile ? await importScheduleFile(options.scheduleFile, options.scheduleZone) : null;

  const store = openStore(options.dataDir);
  // What has been started so far, stopped in reverse order by close() or by a failed start.
  const started: Array<() => void | Promise<void>> = [() => store.close()];
  const stopAll = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  try {
    const demoStart = seedSchedule(store, { demo: file ? null : options.demo, file }, realNow(), log);
    const auth = createAuth(store, realNow);
    const password = await auth.ensurePassword(options.adminPassword, options.resetPassword ?? false);
    store.purgeSessions(realNow());
    const appVersion = computeAppVersion(options.distDir);

    // The express app is built after the hub (it needs it), but must be the server's request
    // listener before socket.io attaches: engine.io then answers /socket.io/ itself and hands
    // every other request on. A listener added later would also see /socket.io/ polling requests.
    let handleRequest: RequestListener = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    const httpServer = createServer((req, res) => handleRequest(req, res));
    const io = new Server(httpServer, {
      maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
      // Snapshots go out pre-encoded to whole rooms; compressing per connection would undo that.
      perMessageDeflate: false,
      httpCompression: false,
      serveClient: false,
      // Splices snapshots serialised once per view and version into each packet (server/wire.ts).
      parser: hubParser,
    });
    const hub = createHub(io, { store, auth, realNow, appVersion, log: log.child("hub"), broadcastBytesPerTurn: options.broadcastBytesPerTurn });
    started.push(() => hub.close());
    // Sockets close before the hub writes its last screen bookkeeping.
    started.push(async () => {
      const ioClosed = new Promise<void>((resolve) => void io.close(() => resolve()));
      httpServer.closeAllConnections();
      await ioClosed;
    });

    // Every start of a demo begins its rehearsal again, so a new user sees live talks at once.
    const clockStart = options.clockStart ?? demoStart;
    if (clockStart !== null) {
      const result = hub.schedule.apply({ kind: "clock", set: { virtual: clockStart, rate: 1 } }, DEMO_ROLE);
      if (!result.ok) throw new Error(`cannot set the rehearsal clock: ${result.message}`);
      hub.publish(); // nobody is connected yet: this notes the conference day the clock reads
    }

    const imports = createImports(hub, auth, realNow, { get: store.getSetting, set: store.setSetting });
    started.push(() => imports.close());
    const app = createApp({
      auth,
      hub,
      distDir: options.distDir,
      appVersion,
      realNow,
      log: log.child("http"),
      extraRouters: [imports.router, ...(options.extraRouters?.(hub, { store, auth }) ?? [])],
    });
    handleRequest = app;

    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      // A deep accept queue: after a restart thousands of screens connect within seconds, and a
      // connection the kernel cannot queue is dropped and retried by the screen's TCP a second
      // or more later (Node's default of 511 overflowed thousands of times in the restart bench).
      httpServer.listen({ port: options.port, host: options.host ?? "0.0.0.0", backlog: LISTEN_BACKLOG }, () => {
        httpServer.off("error", reject);
        resolve();
      });
    });
    // After listen, so neither the worker's start nor the resumed feed's first poll delays it.
    imports.start();
    const port = (httpServer.address() as AddressInfo).port;
    const host = !options.host || options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;

    let closed: Promise<void> | null = null;
    return {
      url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
      port,
      adminPassword: password.password ?? "",
      passwordStatus: password.status,
      appVersion,
      store,
      hub,
      close() {
        closed ??= stopAll();
        return closed;
      },
      shutdown() {
        if (closed) return;
        closed = Promise.resolve();
        started.splice(0);
        httpServer.close();
        hub.close();
        store.close();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
