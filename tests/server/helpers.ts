// Hub test helpers: a real hub on port 0 with a temporary data directory and a pinned clock,
// and real socket.io clients for screens and admins.
import { EventEmitter } from "node:events";
import { afterAll, beforeAll } from "vitest";
import { io, type Socket } from "socket.io-client";
import type { ChangeInputRaw } from "../../shared/model.js";
import type { ChangePreview, DisplayClientToServer, DisplayServerToClient, DisplaySnapshot, HelloReply, Result, SnapshotPatch } from "../../shared/protocol.js";
import { patchSnapshot } from "../../shared/snapshot-delta.js";
import { mergeSnapshot } from "../../display/stores/schedule.js";
import { DISPLAY_NAMESPACE } from "../../shared/protocol.js";
import { type AdminClient, connectAdmin, loginCookie, startHub, type TestHub } from "../browser/harness.js";

export { adminFeed, connectAdmin, loginCookie, TEST_PASSWORD, type AdminClient, type TestHub } from "../browser/harness.js";

/** 2025-03-06 11:15 in Pasadena: Room 1 is in "Docker Was Too Slow…" (11:00–11:30). */
export const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
/** The hub's real time in these tests: fixed, so the rehearsal clock stands still at its start. */
export const REAL_NOW = Date.parse("2026-11-20T12:00:00Z");

export const KEY_1100 = "pn25-0306-room-1-1100";
export const KEY_1130 = "pn25-0306-room-1-1130";
export const KEY_ROOM2_1100 = "pn25-0306-room-2-1100";

/** A Planet Nix hub whose hub clock reads 2025-03-06 11:15 America/Los_Angeles, standing still. */
export function startPinnedHub(options: Parameters<typeof startHub>[0] = {}): Promise<TestHub> {
  return startHub({ clockStart: AT_1115, realNow: () => REAL_NOW, distDir: "/nonexistent-dist", ...options });
}

export async function organizer(hub: TestHub): Promise<{ socket: AdminClient; cookie: string }> {
  const cookie = await loginCookie(hub.url);
  const { socket } = await connectAdmin(hub.url, cookie);
  return { socket, cookie };
}

export type DisplayClient = Socket<DisplayServerToClient, DisplayClientToServer>;

let screenCounter = 0;
export function newScreenId(): string {
  screenCounter += 1;
  return `screen-test-${process.pid}-${screenCounter}`;
}

export function connectDisplay(hub: TestHub): DisplayClient {
  return io(`${hub.url}${DISPLAY_NAMESPACE}`, { transports: ["websocket"], forceNew: true });
}

export function hello(socket: DisplayClient, payload: Record<string, unknown>): Promise<HelloReply> {
  return socket.timeout(5000).emitWithAck("screen:hello", payload as never);
}

/**
 * What a screen holds after each broadcast, as the display does it: a `schedule:changed`
 * snapshot merged in, a `schedule:patched` patch applied to what it holds. Emits "snapshot"
 * with the result of each (use with collect / nextEvent). A patch that does not fit what the
 * screen holds is a hub bug here: it is kept in `misfits` and emitted as "misfit".
 */
export class ScreenFeed extends EventEmitter {
  latest: DisplaySnapshot;
  readonly misfits: SnapshotPatch[] = [];
  constructor(socket: DisplayClient, initial: DisplaySnapshot) {
    super();
    this.latest = initial;
    socket.on("schedule:changed", (next) => this.hold(mergeSnapshot(this.latest, next)));
    socket.on("schedule:patched", (patch) => {
      const patched = patchSnapshot(this.latest, patch);
      if (patched) this.hold(mergeSnapshot(this.latest, patched));
      else {
        this.misfits.push(patch);
        this.emit("misfit", patch);
      }
    });
  }
  private hold(next: DisplaySnapshot): void {
    this.latest = next;
    this.emit("snapshot", next);
  }
}

/** A screen showing `view`, with the snapshot its hello returned and what it holds after each broadcast. */
export async function screenOn(hub: TestHub, view: string | null): Promise<{ socket: DisplayClient; snapshot: DisplaySnapshot; screenId: string; feed: ScreenFeed }> {
  const socket = connectDisplay(hub);
  const screenId = newScreenId();
  const reply = await hello(socket, { screenId, view, version: null, appVersion: hub.appVersion });
  if (!reply.ok || !reply.snapshot) throw new Error(`hello failed: ${JSON.stringify(reply)}`);
  return { socket, snapshot: reply.snapshot, screenId, feed: new ScreenFeed(socket, reply.snapshot) };
}

/** Everything a socket receives for `event`, in order. */
export function collect<T>(socket: { on(event: string, fn: (payload: T) => void): unknown }, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload) => seen.push(payload));
  return seen;
}

export function nextEvent<T>(socket: { once(event: string, fn: (payload: T) => void): unknown }, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** change:apply with the ack typed (socket.io's timeout() typing loses it). */
export function applyChange(socket: AdminClient, change: ChangeInputRaw): Promise<Result<{ version: number; changeId: string }>> {
  return socket.timeout(5000).emitWithAck("change:apply", change);
}

export function previewChange(socket: AdminClient, change: ChangeInputRaw): Promise<Result<{ preview: ChangePreview }>> {
  return socket.timeout(5000).emitWithAck("change:preview", change);
}

/** A pinned hub and one organizer socket for a describe block; sockets pushed on `sockets` close with it. */
export function useOrganizerHub(): { hub: TestHub; admin: AdminClient; sockets: DisplayClient[] } {
  const fx = { hub: undefined as unknown as TestHub, admin: undefined as unknown as AdminClient, sockets: [] as DisplayClient[] };
  beforeAll(async () => {
    fx.hub = await startPinnedHub();
    fx.admin = (await organizer(fx.hub)).socket;
  });
  afterAll(async () => {
    for (const s of fx.sockets.splice(0)) s.disconnect();
    fx.admin?.disconnect();
    await fx.hub?.dispose();
  });
  return fx;
}
