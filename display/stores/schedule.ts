// The schedule a screen shows: the latest DisplaySnapshot from the hub, cached in localStorage
// so a screen that boots without the hub keeps advancing now/next on its own clock. Also the
// hub's remote controls: assign a view, identify, reload, and reload once on a new build.
import { computed, signal } from "@preact/signals";
import type { EffectiveSchedule, View } from "../../shared/model.js";
import type { DisplaySnapshot, HelloReply, ScreenHello } from "../../shared/protocol.js";
import { contentHash, contentOf, patchSnapshot } from "../../shared/snapshot-delta.js";
import type { DisplaySocket } from "./clock.js";
import type { KeyValueStore } from "./storage.js";

const SNAPSHOT_KEY = "roomcast.snapshot";
const VIEW_KEY = "roomcast.view";
const APP_VERSION_KEY = "roomcast.appVersion";
export const HELLO_TIMEOUT_MS = 5_000;
/** How long "identify" flashes the screen's name, device ms. */
export const IDENTIFY_MS = 15_000;

export interface ScheduleDeps {
  storage: KeyValueStore;
  screenId: string;
  /** The view named by the URL (/display/room/<id>, /display/lobby); null for /display. */
  urlView: View | null;
  reload: () => void;
  deviceNow?: () => number;
}

/**
 * The cached snapshot, if it was made for the view this screen boots with: another view's
 * snapshot may not even carry this screen's room, and would draw the wrong room until the hub
 * answers.
 */
function readCached(storage: KeyValueStore, view: View | null): DisplaySnapshot | null {
  const text = storage.get(SNAPSHOT_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as DisplaySnapshot;
    if (typeof parsed?.version !== "number" || !Array.isArray(parsed.sessions)) return null;
    return (parsed.view ?? null) === view ? parsed : null;
  } catch {
    return null; // a corrupt cache is as good as none; the hub will send a fresh snapshot
  }
}

/**
 * How an organizer's assignment is remembered under VIEW_KEY. A screen whose URL names a view
 * stores "<urlView> <view>", since the hub's assignment lasts only while the screen keeps that
 * URL (server/screens.ts resolveView); a space, because views never contain whitespace while
 * room ids may contain "|". A screen without a URL view stores the bare view, as older builds
 * did for every screen; "" is no assignment.
 */
export function encodeAssignment(urlView: View | null, view: View | null): string {
  if (view === null) return "";
  return urlView === null ? view : `${urlView} ${view}`;
}

/** The assignment a screen booting on `urlView` starts from (null: the URL's own view). */
export function assignmentAtBoot(stored: string | null, urlView: View | null): View | null {
  if (!stored) return null;
  const space = stored.indexOf(" ");
  // A bare view was given to a screen without a URL view; a URL names its own view instead.
  if (space < 0) return urlView === null ? stored : null;
  const over = stored.slice(0, space);
  const view = stored.slice(space + 1);
  return over === urlView && view !== "" ? view : null;
}

/** The effective schedule a snapshot stands for, ready for whatIsOn. */
export function effectiveOf(snapshot: DisplaySnapshot): EffectiveSchedule {
  return {
    event: snapshot.event,
    rooms: snapshot.rooms,
    sessions: snapshot.sessions,
    roomStatus: snapshot.roomStatus,
    announcements: snapshot.announcements,
    clock: snapshot.clock,
    orphaned: [],
  };
}

/**
 * Whether a snapshot's build differs from the one this screen last ran, so it must reload
 * (once: the reloaded page records the new build before it could ask again).
 */
export function needsReload(known: string | null, incoming: string): boolean {
  return incoming !== "" && known !== null && known !== incoming;
}

/**
 * Merges a snapshot into what the screen holds. Broadcasts carry no per-screen fields (pairing
 * code, name): the screen keeps those from its hello and from screen:assigned.
 */
export function mergeSnapshot(previous: DisplaySnapshot | null, next: DisplaySnapshot): DisplaySnapshot {
  if (!previous) return next;
  return {
    ...next,
    pairingCode: next.pairingCode || previous.pairingCode,
    screenName: next.screenName ?? previous.screenName,
  };
}

export function createSchedule(socket: DisplaySocket, deps: ScheduleDeps) {
  const deviceNow = deps.deviceNow ?? (() => Date.now());
  // A URL fixes the view; an organizer's assignment over that URL (remembered across reboots)
  // overrides it, so a reassigned screen boots straight into its assigned view and its cache.
  const assignedView = signal<View | null>(assignmentAtBoot(deps.storage.get(VIEW_KEY), deps.urlView));
  const snapshot = signal<DisplaySnapshot | null>(readCached(deps.storage, assignedView.peek() ?? deps.urlView));
  /** What this screen shows: the hub's assignment, else the URL's view. */
  const view = computed<View | null>(() => assignedView.value ?? deps.urlView);
  const identify = signal<{ name: string; pairingCode: string; until: number } | null>(null);
  const effective = computed(() => (snapshot.value ? effectiveOf(snapshot.value) : null));

  function assign(next: View | null): void {
    const differs = next === deps.urlView ? null : next;
    // Also when nothing changes on screen: an assignment stored over another URL is forgotten.
    const stored = encodeAssignment(deps.urlView, differs);
    if (deps.storage.get(VIEW_KEY) !== stored) deps.storage.set(VIEW_KEY, stored);
    if (assignedView.peek() !== differs) assignedView.value = differs;
  }

  /** The hub build this page belongs to, as the hub named it; "" before the first snapshot. */
  function knownBuild(): string {
    return deps.storage.get(APP_VERSION_KEY) ?? "";
  }

  // The hash of the content this screen holds, computed once per snapshot (a lobby's content can
  // be hundreds of kilobytes of JSON, and every patch names its base by this hash).
  const hashes = new WeakMap<DisplaySnapshot, number>();
  function heldHash(held: DisplaySnapshot): number {
    let hash = hashes.get(held);
    if (hash === undefined) {
      hash = contentHash(JSON.stringify(contentOf(held)));
      hashes.set(held, hash);
    }
    return hash;
  }

  function apply(incoming: DisplaySnapshot): void {
    const known = deps.storage.get(APP_VERSION_KEY);
    if (incoming.appVersion) deps.storage.set(APP_VERSION_KEY, incoming.appVersion);
    if (needsReload(known, incoming.appVersion)) {
      deps.reload();
      return;
    }
    assign(incoming.view);
    const next = mergeSnapshot(snapshot.peek(), incoming);
    snapshot.value = next;
    deps.storage.set(SNAPSHOT_KEY, JSON.stringify(next));
  }

  /** `whole`: ask for the whole snapshot (a delta did not fit what this screen holds). */
  function hello(whole = false): void {
    const payload: ScreenHello = {
      screenId: deps.screenId,
      // Only the URL's view: an assignment made while this screen was away must win.
      view: deps.urlView,
      version: whole ? null : (snapshot.peek()?.version ?? null),
      appVersion: knownBuild(),
    };
    socket.timeout(HELLO_TIMEOUT_MS).emit("screen:hello", payload, (err: Error | null, reply: HelloReply) => {
      if (err) return; // the next reconnect says hello again
      if (!reply.ok) {
        console.warn("[roomcast:display] hello refused:", reply.error, reply.message);
        return;
      }
      if (reply.snapshot) apply({ ...reply.snapshot });
      else if (reply.delta) {
        const held = snapshot.peek();
        const patched = held ? patchSnapshot(held, reply.delta) : null;
        if (patched) apply(patched);
        else hello(true);
      }
    });
  }

  socket.on("connect", () => hello());
  socket.on("schedule:changed", (next) => apply(next));
  socket.on("schedule:patched", (patch) => {
    const held = snapshot.peek();
    // Held already at or past the patch's version (a hello reply overtook it): nothing to do.
    if (held && held.version >= patch.head.version) return;
    const patched = held ? patchSnapshot(held, patch, heldHash(held)) : null;
    if (patched) apply(patched);
    else hello(true);
  });
  socket.on("screen:assigned", ({ view: next, screenName }) => {
    // Switch at once; the hub sends the new view's snapshot right after.
    assign(next);
    const current = snapshot.peek();
    if (current) snapshot.value = { ...current, view: next, screenName };
  });
  socket.on("screen:identify", ({ name, pairingCode }) => {
    identify.value = { name, pairingCode, until: deviceNow() + IDENTIFY_MS };
  });
  socket.on("screen:reload", () => deps.reload());

  return { snapshot, view, effective, identify, apply, knownBuild };
}

export type ScheduleStore = ReturnType<typeof createSchedule>;
