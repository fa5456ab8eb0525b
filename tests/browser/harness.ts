// Shared harness for browser tests: a real hub on port 0 with a temporary data directory, and
// Debian's Chromium driven by playwright-core. Without Chromium the browser suites skip with
// one loud line — except in CI (CI=true), where they fail.
import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { io, type Socket } from "socket.io-client";
import { describe } from "vitest";
import type { AdminClientToServer, AdminServerToClient, AdminState } from "../../shared/protocol.js";
import { ADMIN_NAMESPACE } from "../../shared/protocol.js";
import { patchAdminState } from "../../admin/stores/admin-state.js";
import { type RoomcastOptions, type RunningRoomcast, startRoomcast } from "../../server/roomcast.js";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const TEST_PASSWORD = "correct horse battery staple";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const chromiumAvailable = existsSync(CHROMIUM_PATH);
const inCi = process.env.CI === "true";
let warned = false;

/** `describe` for suites that need Chromium: skips loudly without it, fails in CI. */
export function describeBrowser(name: string, fn: () => void): void {
  // In CI a missing Chromium must fail (openBrowser throws), never skip.
  const missing = !chromiumAvailable && !inCi;
  if (missing && !warned) {
    warned = true;
    console.warn(
      `\n!!! Chromium not found at ${CHROMIUM_PATH}: browser tests SKIPPED. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH) !!!\n`,
    );
  }
  describe.skipIf(missing)(name, fn);
}

export async function openBrowser(): Promise<Browser> {
  if (!chromiumAvailable) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface TestHub extends RunningRoomcast {
  dataDir: string;
  /** Stops the hub and deletes its data directory. */
  dispose(): Promise<void>;
}

/** Starts a real hub on port 0 with the Planet Nix demo and a temporary data directory. */
export async function startHub(options: Partial<RoomcastOptions> = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "roomcast-test-"));
  const running = await startRoomcast({
    dataDir,
    port: 0,
    host: "127.0.0.1",
    demo: "planet-nix-2025",
    scheduleFile: null,
    adminPassword: TEST_PASSWORD,
    distDir: join(REPO_ROOT, "dist"),
    quiet: true,
    ...options,
  });
  return Object.assign(running, {
    dataDir,
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Logs in over HTTP and returns the session cookie ("roomcast_session=…"). */
export async function loginCookie(baseUrl: string, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error("login did not set a cookie");
  return cookie.split(";")[0] ?? "";
}

export type AdminClient = Socket<AdminServerToClient, AdminClientToServer>;

/** An authenticated /admin socket.io client, resolved with the first admin:state it receives. */
export async function connectAdmin(baseUrl: string, cookie: string): Promise<{ socket: AdminClient; state: AdminState }> {
  const socket: AdminClient = io(`${baseUrl}${ADMIN_NAMESPACE}`, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    forceNew: true,
  });
  const state = await new Promise<AdminState>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error("no admin:state within 5 s")), 5000);
    socket.once("admin:state", (s) => {
      clearTimeout(timer);
      resolvePromise(s);
    });
    socket.once("connect_error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  adminFeeds.set(socket, new AdminFeed(socket, state));
  return { socket, state };
}

/**
 * What an admin page holds after each update, as the admin page does it: a whole admin:state
 * taken as it is, an admin:patched applied to the state held (one that does not fit is counted
 * in `misfits` and answered with admin:resync, as the page does). Emits "state" after each.
 */
export class AdminFeed extends EventEmitter {
  latest: AdminState;
  misfits = 0;
  constructor(socket: AdminClient, initial: AdminState) {
    super();
    this.latest = initial;
    socket.on("admin:state", (next) => this.hold(next));
    socket.on("admin:patched", (patch) => {
      const next = patchAdminState(this.latest, patch);
      if (next) this.hold(next);
      else {
        this.misfits += 1;
        socket.emit("admin:resync");
      }
    });
  }
  private hold(next: AdminState): void {
    this.latest = next;
    this.emit("state", next);
  }
}

const adminFeeds = new WeakMap<AdminClient, AdminFeed>();

/** The feed of an admin socket opened with connectAdmin. */
export function adminFeed(socket: AdminClient): AdminFeed {
  const feed = adminFeeds.get(socket);
  if (!feed) throw new Error("not a socket from connectAdmin");
  return feed;
}
