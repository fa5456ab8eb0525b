// Helpers for the reliability suite: display sockets, volunteer sign-in and polling.
import { io, type Socket } from "socket.io-client";
import {
  DISPLAY_NAMESPACE,
  type DisplayClientToServer,
  type DisplayServerToClient,
  type DisplaySnapshot,
  type HelloReply,
} from "../../shared/protocol.js";
import { collect, ScreenFeed } from "../server/helpers.js";

export type DisplayClient = Socket<DisplayServerToClient, DisplayClientToServer>;

export interface ConnectedDisplay {
  socket: DisplayClient;
  /** The latest snapshot: from hello, then after every schedule:changed or schedule:patched. */
  latest(): DisplaySnapshot;
  /** The snapshot after every broadcast received, oldest first. */
  changes: DisplaySnapshot[];
}

/** A screen on /display that has said hello with a fixed view and holds its snapshot. */
export async function connectDisplay(baseUrl: string, screenId: string, view: string | null): Promise<ConnectedDisplay> {
  const socket: DisplayClient = io(`${baseUrl}${DISPLAY_NAMESPACE}`, { transports: ["websocket"], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const reply: HelloReply = await socket.timeout(5000).emitWithAck("screen:hello", { screenId, view, version: null, appVersion: "" });
  if (!reply.ok || !reply.snapshot) throw new Error(`hello refused: ${JSON.stringify(reply)}`);
  const feed = new ScreenFeed(socket, reply.snapshot);
  const changes = collect<DisplaySnapshot>(feed, "snapshot");
  feed.on("misfit", (patch) => {
    throw new Error(`screen ${screenId} got a patch that does not fit what it holds: ${JSON.stringify(patch).slice(0, 200)}`);
  });
  return { socket, latest: () => feed.latest, changes };
}

/** Opens a volunteer link (/v/<token>) and returns the session cookie it sets. */
export async function volunteerCookie(baseUrl: string, linkPath: string): Promise<string> {
  const res = await fetch(`${baseUrl}${linkPath}`, { redirect: "manual" });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`volunteer link ${linkPath} set no cookie (status ${res.status})`);
  return cookie.split(";")[0] ?? "";
}

/** Polls until the predicate holds; throws with the label after the timeout. */
export async function eventually(label: string, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One clock:sync round trip: proof that a socket is still served. */
export async function clockSync(socket: DisplayClient): Promise<number> {
  const reply = await socket.timeout(3000).emitWithAck("clock:sync", Date.now());
  return reply.hubReal;
}
