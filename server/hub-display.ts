// /display: anonymous and read-only. A screen says hello (and gets its snapshot, null when it
// is already current, or a delta when it holds its view's previous content), syncs its clock,
// and sends heartbeats. There is no handler that changes the schedule here, so a screen cannot
// change anything.
import type { IncomingMessage } from "node:http";
import type { Socket as NetSocket } from "node:net";
import { type DisplaySnapshot, HeartbeatSchema, ScreenHelloSchema, type SnapshotDelta, toIssues } from "../shared/protocol.js";
import { command, type DisplayNamespace, fail, type HubContext } from "./hub-context.js";
import { resolveView } from "./screens.js";
import { viewRoom } from "./views.js";
import { preEncodedJson, withFields } from "./wire.js";

type DisplaySocket = Parameters<Parameters<DisplayNamespace["on"]>[1]>[0];

/**
 * What socket.io keeps as `socket.handshake` for every screen, shared: screens need nothing
 * from it after connecting (admin sockets build their own from the connection's request).
 */
const SCREEN_HANDSHAKE = Object.freeze({ headers: {}, time: "", address: "", xdomain: false, secure: false, issued: 0, url: "", query: {}, auth: {} });

const NO_HEADERS = Object.freeze({});
const TLS = Object.freeze({ encrypted: true });
const PLAIN = Object.freeze({ encrypted: false });

export function attachDisplay(nsp: DisplayNamespace, ctx: HubContext): void {
  const log = ctx.log.child("display");
  /** Each new screen's TCP connection until its first hello (the request holding it is released). */
  const handshakes = new WeakMap<DisplaySocket, NetSocket>();

  // Listeners are created once per hub and read their socket from `this` (socket.io calls them
  // on the socket): thousands of screens then share four functions instead of holding four
  // closures each.
  const onHello = command<unknown, { version: number; snapshot: DisplaySnapshot | null; delta?: SnapshotDelta }>(log, "screen:hello", function (this: DisplaySocket, raw, ack) {
    const socket = this;
    // The first hello ends this connection's handshake: admission control may let the next in.
    const connection = handshakes.get(socket);
    if (connection) {
      handshakes.delete(socket);
      ctx.admission?.settled(connection);
    }
    const parsed = ScreenHelloSchema.safeParse(raw);
    if (!parsed.success) return ack(fail("invalid-payload", "hello does not match its schema", { issues: toIssues(parsed.error) }));
    const hello = parsed.data;
    // A socket that said hello before may still have a broadcast waiting (server/paced-broadcast):
    // it goes first, then this reply. A new socket was in no broadcast yet.
    if (socket.data.view !== undefined) ctx.flushDisplays();
    const previous = socket.data.screenId;
    if (previous && previous !== hello.screenId) ctx.screens.disconnect(previous, socket.id);
    const screen = ctx.screens.connect(hello.screenId, socket.id, hello.appVersion);
    if (!screen) return ack(fail("rate-limited", "this hub already knows too many screens; forget some on the admin page"));

    const view = resolveView(screen, hello.view);
    const sameView = screen.shownView === view;
    if (socket.data.view !== undefined) socket.leave(viewRoom(socket.data.view));
    socket.data = { screenId: hello.screenId, urlView: hello.view, view };
    ctx.screens.shows(hello.screenId, view, hello.view);
    socket.join(viewRoom(view));

    // A screen showing its URL's view, which showed that view last time, runs this build and
    // holds a version since which its view has not changed, needs nothing. One shown by
    // assignment always gets its snapshot (its name or assignment may have changed meanwhile;
    // a URL screen assigned another view learns it only from the snapshot's view).
    const { since } = ctx.contentFor(view);
    const version = ctx.schedule.version;
    const held = hello.view !== null && view === hello.view && sameView && hello.appVersion === ctx.appVersion ? hello.version : null;
    const current = held !== null && held >= since && held <= version;
    if (current) ack({ ok: true, version, snapshot: null });
    else {
      // A screen holding its view's previous content gets what changed, not the whole snapshot.
      const delta = held === null ? null : ctx.deltas.deltaFor(view, held);
      if (delta === null) ack({ ok: true, version, snapshot: ctx.encodedSnapshotFor(view, screen) });
      else {
        const head = { version, appVersion: ctx.appVersion, view, pairingCode: screen.pairingCode, screenName: screen.name };
        ack({ ok: true, version, snapshot: null, delta: preEncodedJson<SnapshotDelta>(withFields({ baseVersion: held, head }, delta)) });
      }
    }
    ctx.screensChanged();
  });

  function onClockSync(_sentAt: unknown, ack?: unknown): void {
    // Answer first, think later: every microsecond here is clock error on the screen.
    if (typeof ack === "function") ack({ hubReal: ctx.realNow() });
  }

  function onHeartbeat(this: DisplaySocket, raw: unknown): void {
    const parsed = HeartbeatSchema.safeParse(raw);
    const screenId = this.data.screenId;
    if (!parsed.success || !screenId) return;
    ctx.screens.heartbeat(screenId, parsed.data);
    ctx.screensChanged();
  }

  function onDisconnect(this: DisplaySocket): void {
    const screenId = this.data.screenId;
    if (!screenId) return;
    ctx.screens.disconnect(screenId, this.id);
    ctx.screensChanged();
  }

  nsp.on("connection", (socket) => {
    // Screens need nothing from their first HTTP request; releasing it saves kilobytes per screen
    // (socket.io's documented memory advice). What a later namespace on the same connection
    // reads for its handshake (headers, url, query, TLS) stays.
    // Of the headers, only the cookie is ever read again (the admin handshake's login session).
    const conn = socket.conn as unknown as { request: (IncomingMessage & { _query?: unknown }) | null };
    const req = conn.request;
    if (req?.socket) {
      handshakes.set(socket, req.socket);
      const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
      const cookie = req.headers.cookie;
      conn.request = { headers: cookie === undefined ? NO_HEADERS : { cookie }, url: req.url, _query: req._query, connection: encrypted ? TLS : PLAIN } as never;
    }
    (socket as unknown as { handshake: unknown }).handshake = SCREEN_HANDSHAKE;
    socket.on("screen:hello", onHello);
    socket.on("clock:sync", onClockSync);
    socket.on("screen:heartbeat", onHeartbeat);
    socket.on("disconnect", onDisconnect);
  });
}
