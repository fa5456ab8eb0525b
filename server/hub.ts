// The socket.io hub: one schedule, two namespaces. Screens (/display) are anonymous and
// read-only; admins (/admin) are signed in by cookie. On every change the hub builds each view's
// snapshot once and sends it (or what changed in it) to that view's socket.io room, and only to
// views whose content changed.
import type { Server } from "socket.io";
import { ADMIN_CONTENT_FIELDS, MAX_ADMIN_LOG_ENTRIES, ADMIN_NAMESPACE, DISPLAY_NAMESPACE } from "../shared/protocol.js";
import type { AdminPatch, AdminState, DisplaySnapshot, Role, ScreenInfo, SnapshotPatch, VolunteerLinkInfo } from "../shared/protocol.js";
import { diff } from "../shared/snapshot-delta.js";
import { conferenceDayEnd, conferenceDayOf } from "../shared/zoned.js";
import { admitGradually, coalesceUpgradeWrites } from "./admission.js";
import { connectionIds } from "./connection-ids.js";
import { attachAdmin } from "./hub-admin.js";
import type { AdminNamespace, DisplayNamespace, HubContext, HubDeps } from "./hub-context.js";
import { attachDisplay } from "./hub-display.js";
import type { Event } from "../shared/model.js";
import type { ImportReport } from "../shared/formats/types.js";
import { createSchedule } from "./schedule.js";
import { isDisposableSource } from "./seed.js";
import { createScreenRegistry, SCREEN_FLUSH_INTERVAL_MS, type ScreenEntry } from "./screens.js";
import type { Store, VolunteerLinkRow } from "./store.js";
import { contentJson, sameSession, type ViewContent, viewContent, viewOfRoom, viewRoom } from "./views.js";
import { createViewDeltas, type DayTurn } from "./view-deltas.js";
import { createPacedBroadcast } from "./paced-broadcast.js";
import { PreEncoded, preEncodedJson, withFields } from "./wire.js";

/** Coalesces screen list updates to organizers to at most one per interval, ms. */
export const SCREENS_NOTIFY_INTERVAL_MS = 1_000;
/**
 * The most of the hub's time the organizer's screen list may take while screens keep changing.
 * With thousands of screens a list costs tens of milliseconds (it reads every remembered screen);
 * after a restart, while they all reconnect, the list is sent less often instead of slowing them.
 */
export const SCREENS_LIST_MAX_SHARE = 0.05;

/** How long screen list updates are coalesced, given what building the list took last time. */
export function screensNotifyDelay(listCostMs: number): number {
  return Math.max(SCREENS_NOTIFY_INTERVAL_MS, Math.round(listCostMs / SCREENS_LIST_MAX_SHARE));
}
/** The longest the hub waits before checking again whether the conference day turned, ms. */
export const DAY_WATCH_MAX_MS = 60 * 60_000;
/** The setting naming the conference day the current version's content was built on. */
const CONTENT_DAY_SETTING = "content_day";
/** The setting naming the last version a day turn made, and an instant of the day before it. */
const DAY_TURN_SETTING = "day_turn";
/** How often ended sessions (expired, revoked) are swept and their sockets disconnected, ms. */
export const LINK_SWEEP_INTERVAL_MS = 15_000;

export type Hub = ReturnType<typeof createHub>;

interface CachedContent {
  version: number;
  since: number;
  content: ViewContent;
  json: string;
}

export function createHub(io: Server, deps: HubDeps) {
  const { store, realNow, appVersion, log } = deps;
  const schedule = createSchedule(store, realNow);
  const screens = createScreenRegistry(store, realNow);
  screens.expectReturning();
  // engine.io's ids are 20 characters (15 bytes, a counter among them); 72 random bits are as
  // unguessable for a connection id, and the 8 characters saved count in every screen's resync.
  io.engine.generateId = connectionIds();
  const admission = io.httpServer ? admitGradually(io.httpServer) : null;
  if (io.httpServer) coalesceUpgradeWrites(io.httpServer);
  const display = io.of(DISPLAY_NAMESPACE) as unknown as DisplayNamespace;
  // Schedule broadcasts to screens; anything else sent to a screen goes after flushDisplays().
  const broadcasts = createPacedBroadcast({ bytesPerTurn: deps.broadcastBytesPerTurn });
  const flushDisplays = () => broadcasts.flush();
  const admin = io.of(ADMIN_NAMESPACE) as unknown as AdminNamespace;

  // One build per view and version; thousands of screens of one view share it. For a view with
  // screens, its entry is also what those screens hold (hello and publish both go through it).
  // `since`: the oldest version whose content for this view is the same, so a screen holding
  // any version from `since` on is current even if it missed broadcasts that did not concern it.
  const contentCache = new Map<string, CachedContent>();
  function contentFor(view: string | null, previous?: CachedContent): CachedContent {
    const key = viewRoom(view);
    const cached = contentCache.get(key);
    if (cached && cached.version === schedule.version) return cached;
    const content = viewContent(schedule.effective, view, schedule.now());
    const json = contentJson(content);
    const since = previous?.json === json ? previous.since : schedule.version;
    const built = { version: schedule.version, since, content, json };
    contentCache.set(key, built);
    return built;
  }

  const deltas = createViewDeltas(schedule, (view) => contentFor(view), () => {
    const turn = store.getSetting(DAY_TURN_SETTING);
    return turn === null ? null : (JSON.parse(turn) as DayTurn);
  });

  function snapshotFor(view: string | null, screen: ScreenEntry | null): DisplaySnapshot {
    return {
      version: schedule.version,
      appVersion,
      view,
      pairingCode: screen?.pairingCode ?? "",
      screenName: screen?.name ?? null,
      ...contentFor(view).content,
    };
  }

  /**
   * The same snapshot as snapshotFor, serialised by splicing the view's cached JSON behind the
   * per-screen fields: the encoder (server/wire.ts) sends it without walking or stringifying
   * the schedule again. Typed as a snapshot for the socket.io event maps.
   */
  function encodedSnapshotFor(view: string | null, screen: ScreenEntry | null): DisplaySnapshot {
    const { content, json } = contentFor(view);
    const head = { version: schedule.version, appVersion, view, pairingCode: screen?.pairingCode ?? "", screenName: screen?.name ?? null };
    return new PreEncoded(withFields(head, json), () => ({ ...head, ...content })) as unknown as DisplaySnapshot;
  }

  /** The broadcast patch from `before` (what the view's screens hold) to the view's current content, or null. */
  function encodedPatchFor(view: string, before: CachedContent): SnapshotPatch | null {
    const delta = deltas.deltaFor(view, before.since);
    if (delta === null) return null;
    const head = { version: schedule.version, appVersion, view, pairingCode: "", screenName: null };
    return preEncodedJson(withFields({ head }, delta));
  }

  /** Sends every populated view whose content changed its new snapshot; unchanged views get nothing. */
  function publishDisplays(): void {
    const previous = new Map(contentCache);
    contentCache.clear();
    for (const [room, members] of display.adapter.rooms) {
      const view = viewOfRoom(room);
      if (view === undefined) continue;
      const before = previous.get(room);
      const current = contentFor(view, before);
      if (before?.json === current.json) continue;
      if (before) deltas.replaced(view, before, current);
      if (view === null) {
        // Unassigned screens each show their own pairing code: few of them, sent one by one.
        // None has a broadcast waiting: a screen leaves its view only after flushDisplays().
        for (const id of members) {
          const socket = display.sockets.get(id);
          const screen = socket?.data.screenId ? screens.get(socket.data.screenId) : undefined;
          socket?.emit("schedule:changed", encodedSnapshotFor(null, screen ?? null));
        }
      } else {
        // Per-screen fields are empty in a broadcast: screens keep theirs from hello / screen:assigned.
        // Every screen of the view holds `before` (from its hello or the last broadcast), so what
        // changed since is enough, built once for all of them; the whole snapshot when the
        // view is new here or the patch would not be smaller.
        const patch = before ? encodedPatchFor(view, before) : null;
        const sockets = [...members].map((id) => display.sockets.get(id)).filter((socket) => socket !== undefined);
        if (patch) broadcasts.send(sockets, DISPLAY_NAMESPACE, "schedule:patched", patch);
        else broadcasts.send(sockets, DISPLAY_NAMESPACE, "schedule:changed", encodedSnapshotFor(view, null));
      }
    }
  }

  function linkInfo(link: VolunteerLinkRow): VolunteerLinkInfo {
    return { id: link.id, label: link.label, roomIds: link.roomIds, expiresAt: link.expiresAt, revoked: link.revoked, createdAt: link.createdAt };
  }

  // The shared admin picture as of the last change published to admins: the next change is sent
  // as what changed since (one patch, encoded once, for every admin) instead of every admin's
  // whole state. Admins connected since hold the whole state of their version; one that holds
  // another asks again (admin:resync).
  interface AdminPicture {
    version: number;
    content: Record<string, unknown>;
    /** How many changes the log held, and the last one's id (to tell an append from a reset). */
    logged: number;
    lastChangeId: string | null;
    /** The imported schedule it was folded from: after an import admins get the whole state. */
    stored: unknown;
  }
  let adminPicture: AdminPicture | null = null;

  function currentAdminPicture(): AdminPicture {
    const e = schedule.effective as unknown as Record<string, unknown>;
    const content = Object.fromEntries(ADMIN_CONTENT_FIELDS.map((f) => [f, e[f]]));
    const changes = schedule.changes;
    return { version: schedule.version, content, logged: changes.length, lastChangeId: changes.at(-1)?.change.id ?? null, stored: schedule.stored };
  }

  function adminState(role: Role): AdminState {
    // The first admin to get a whole state fixes the picture the next change is a patch against.
    adminPicture ??= currentAdminPicture();
    const e = schedule.effective;
    const organizer = role.kind === "organizer";
    return {
      version: schedule.version,
      appVersion,
      role,
      event: e.event,
      rooms: e.rooms,
      sessions: e.sessions,
      roomStatus: e.roomStatus,
      announcements: e.announcements,
      clock: e.clock,
      orphaned: e.orphaned,
      changes: schedule.changes.slice(-MAX_ADMIN_LOG_ENTRIES).map((c) => c.change),
      screens: organizer ? encodedScreenList() : [],
      volunteerLinks: organizer ? store.listLinks().map(linkInfo) : [],
    };
  }

  // The screen list, serialised once per registry revision and shared by every organizer's
  // state and screens:changed in the same turn: with thousands of screens it is most of that
  // state (90 ms to sort and encode 5,000). It is not kept beyond the turn: an organizer
  // connects now and then, and a megabyte of JSON per 5,000 screens would sit in the hub's heap.
  let screenList: { revision: number; encoded: ScreenInfo[] } | null = null;
  /** What building the list took last time: screens:changed is spaced by it. */
  let screenListCostMs = 0;
  function encodedScreenList(): ScreenInfo[] {
    if (screenList?.revision !== screens.revision) {
      // Only the JSON is kept (thousands of list objects would stay alive with it otherwise).
      const started = performance.now();
      const json = JSON.stringify(screens.list());
      if (!screenList) setImmediate(() => (screenList = null));
      screenList = { revision: screens.revision, encoded: preEncodedJson(json) };
      screenListCostMs = performance.now() - started;
    }
    return screenList.encoded;
  }

  function publishAdmins(only?: "organizers"): void {
    for (const socket of admin.sockets.values()) {
      if (only && socket.data.role.kind !== "organizer") continue;
      socket.emit("admin:state", adminState(socket.data.role));
    }
  }

  /**
   * The patch from `before` to `now`, or null after an import (a new schedule is all new: the
   * whole state is as small, and diffing it would only cost time) or when the log was reset or
   * grew past what a patch carries.
   */
  function encodedAdminPatch(before: AdminPicture, now: AdminPicture): AdminPatch | null {
    if (before.stored !== now.stored) return null;
    const changes = schedule.changes;
    const appendedOnly = before.logged <= now.logged && (before.logged === 0 ? before.lastChangeId === null : changes[before.logged - 1]?.change.id === before.lastChangeId);
    if (!appendedOnly || now.logged - before.logged > MAX_ADMIN_LOG_ENTRIES) return null;
    const appended = changes.slice(before.logged).map((c) => c.change);
    return preEncodedJson(JSON.stringify({ baseVersion: before.version, version: now.version, appended, content: diff(before.content, now.content, sameSession) }));
  }

  /** After a change or import: every admin learns what changed. */
  function publishAdminChange(): void {
    const before = adminPicture;
    const now = currentAdminPicture();
    adminPicture = now;
    if (admin.sockets.size === 0) return;
    const patch = before ? encodedAdminPatch(before, now) : null;
    for (const socket of admin.sockets.values()) {
      if (patch) socket.emit("admin:patched", patch);
      else socket.emit("admin:state", adminState(socket.data.role));
    }
  }

  let syncPending = false;
  let closed = false;
  /** After any change or import: screens first (they are the point), then admins, then the disk. */
  function publish(): void {
    if (closed) return;
    publishDisplays();
    publishAdminChange();
    noteContentDay();
    watchDayTurn();
    if (syncPending) return;
    syncPending = true;
    setImmediate(() => {
      if (!syncPending) return; // closed meanwhile; close() synced already
      syncPending = false;
      store.syncToDisk();
    });
  }

  // What a lobby carries depends on the conference day (server/views.ts lobbyDays), and a full
  // room's door names talks with space today. When the day turns the version moves on with no
  // change, so those views are rebuilt and their screens told; the day is kept in the store so a
  // hub restarted on a later day does the same before any screen is back.
  const dayOfNow = (): string => {
    const { timeZone, dayChangeHour } = schedule.effective.event;
    return conferenceDayOf(timeZone, dayChangeHour)(schedule.now());
  };
  let contentDay = store.getSetting(CONTENT_DAY_SETTING);
  if (contentDay !== null && contentDay !== dayOfNow()) turnDay(contentDay);
  noteContentDay();

  /** A new version for a new day; remembers which, and an instant of the day before, for view-deltas. */
  function turnDay(from: string): void {
    const { timeZone, dayChangeHour } = schedule.effective.event;
    const version = schedule.turnDay();
    // The last instant of the day turned from (none when that day was unreadable: now, less a moment).
    const before = from ? conferenceDayEnd(from, timeZone, dayChangeHour) - 1 : schedule.now() - 1;
    store.setSetting(DAY_TURN_SETTING, JSON.stringify({ version, before }));
  }

  function noteContentDay(): void {
    const day = dayOfNow();
    if (day === contentDay) return;
    contentDay = day;
    store.setSetting(CONTENT_DAY_SETTING, day);
  }

  let dayTimer: NodeJS.Timeout | null = null;
  /** What the armed timer was computed from: a change that moves neither leaves it as it is. */
  let armedFor = "";
  /** Arms a timer for the next day change in hub time (the rehearsal clock's rate included). */
  function watchDayTurn(): void {
    const { event, clock } = schedule.effective;
    const basis = JSON.stringify([contentDay, clock, event.timeZone, event.dayChangeHour]);
    if (dayTimer && basis === armedFor) return;
    if (dayTimer) clearTimeout(dayTimer);
    dayTimer = null;
    armedFor = basis;
    const rate = clock?.rate ?? 1;
    // No day to turn from (an unreadable time zone gives none): nothing to watch.
    if (closed || rate <= 0 || !contentDay) return;
    const next = conferenceDayEnd(contentDay, event.timeZone, event.dayChangeHour);
    const wait = Math.min(DAY_WATCH_MAX_MS, Math.max(0, (next - schedule.now()) / rate));
    dayTimer = setTimeout(() => {
      dayTimer = null;
      if (closed) return;
      if (dayOfNow() === contentDay) return watchDayTurn();
      turnDay(contentDay as string);
      publish();
    }, wait + 25);
    dayTimer.unref();
  }
  watchDayTurn();

  let screensTimer: NodeJS.Timeout | null = null;
  function screensChanged(): void {
    if (screensTimer) return;
    screensTimer = setTimeout(() => {
      screensTimer = null;
      // Nobody to tell: an organizer who signs in gets the whole list with their state.
      if (!admin.adapter.rooms.get("organizers")?.size) return;
      admin.to("organizers").emit("screens:changed", encodedScreenList());
    }, screensNotifyDelay(screenListCostMs));
    screensTimer.unref();
  }

  const ctx: HubContext = { ...deps, schedule, screens, display, admin, contentFor, deltas, snapshotFor, encodedSnapshotFor, adminState, publish, flushDisplays, publishAdmins, screensChanged, linkInfo, admission };
  attachDisplay(display, ctx);
  attachAdmin(admin, ctx);

  const flushTimer = setInterval(() => screens.flush(), SCREEN_FLUSH_INTERVAL_MS);
  flushTimer.unref();
  /** Disconnects admin sockets whose session ended (logout, expiry, revoked link). */
  function dropEndedSessions(): void {
    for (const socket of admin.sockets.values()) {
      if (!deps.auth.roleOfSession(socket.data.sessionHash)) socket.disconnect(true);
    }
  }
  const sweepTimer = setInterval(dropEndedSessions, LINK_SWEEP_INTERVAL_MS);
  sweepTimer.unref();

  return {
    schedule,
    screens,
    /** Connections admitted so far and waiting (null when socket.io has no HTTP server of its own). */
    admission,
    /** Hub time (rehearsal clock when set), UTC ms. */
    now: () => schedule.now(),
    publish,
    dropEndedSessions,
    /**
     * Applies an imported schedule (one transaction) and tells every screen whose view changed.
     * Replacing demo data drops the demo's changes, its rehearsal clock included.
     */
    importEvent(event: Event, source: string, report: ImportReport): number {
      const version = schedule.replaceEvent(event, source, report, { clearChanges: isDisposableSource(schedule.stored.source) });
      // Committed: the organizer's upload is answered first, then every screen and admin is told.
      // A whole new schedule is megabytes to send (every view changes), and the answer should
      // not wait behind them.
      setImmediate(publish);
      return version;
    },
    /** Re-reads the store after an import committed elsewhere and tells every screen and admin. */
    reload(): void {
      schedule.reload();
      publish();
    },
    /** Stops timers and writes pending screen bookkeeping; the caller closes sockets and store. */
    close(): void {
      closed = true;
      flushDisplays();
      clearInterval(flushTimer);
      clearInterval(sweepTimer);
      if (screensTimer) clearTimeout(screensTimer);
      if (dayTimer) clearTimeout(dayTimer);
      screens.flush();
      syncPending = false;
      store.syncToDisk();
    },
    log,
  };
}
