// The schedule a screen shows: the latest DisplaySnapshot from the hub, cached in localStorage
// so a screen that boots without the hub keeps advancing now/next on its own clock. Also the
// hub's remote controls: assign a view, identify, reload, and reload once on a new build.
import { computed, signal } from "@preact/signals";
import type { EffectiveSchedule, View } from "../../shared/model.js";
import type { DisplaySnapshot, HelloReply, ScreenHello } from "../../shared/protocol.js";
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
  appVersion: string;
  reload: () => void;
  deviceNow?: () => number;
}

function readCached(storage: KeyValueStore): DisplaySnapshot | null {
  const text = storage.get(SNAPSHOT_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as DisplaySnapshot;
    return typeof parsed?.version === "number" && Array.isArray(parsed.sessions) ? parsed : null;
  } catch {
    return null; // a corrupt cache is as good as none; the hub will send a fresh snapshot
  }
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

export function createSchedule(socket: DisplaySocket, deps: ScheduleDeps) {
  const deviceNow = deps.deviceNow ?? (() => Date.now());
  const snapshot = signal<DisplaySnapshot | null>(readCached(deps.storage));
  const assignedView = signal<View | null>(deps.storage.get(VIEW_KEY) || null);
  /** What this screen shows: the URL's view, unless the hub assigned another. */
  const view = computed<View | null>(() => assignedView.value ?? deps.urlView);
  const identify = signal<{ name: string; pairingCode: string; until: number } | null>(null);
  const effective = computed(() => (snapshot.value ? effectiveOf(snapshot.value) : null));

  function assign(next: View | null): void {
    assignedView.value = next;
    deps.storage.set(VIEW_KEY, next ?? "");
  }

  function apply(next: DisplaySnapshot): void {
    const known = deps.storage.get(APP_VERSION_KEY);
    if (next.appVersion) deps.storage.set(APP_VERSION_KEY, next.appVersion);
    if (needsReload(known, next.appVersion)) {
      deps.reload();
      return;
    }
    if (next.view !== null && next.view !== view.value) assign(next.view);
    snapshot.value = next;
    deps.storage.set(SNAPSHOT_KEY, JSON.stringify(next));
  }

  function hello(fresh: boolean): void {
    const payload: ScreenHello = {
      screenId: deps.screenId,
      view: view.value,
      version: fresh ? null : (snapshot.value?.version ?? null),
      appVersion: deps.appVersion,
    };
    socket.timeout(HELLO_TIMEOUT_MS).emit("screen:hello", payload, (err: Error | null, reply: HelloReply) => {
      if (err) return; // the next reconnect says hello again
      if (!reply.ok) {
        console.warn("[roomcast:display] hello refused:", reply.error, reply.message);
        return;
      }
      if (reply.snapshot) apply(reply.snapshot);
    });
  }

  socket.on("connect", () => hello(false));
  socket.on("schedule:changed", (next) => apply(next));
  socket.on("screen:assigned", ({ view: next }) => {
    // Switch at once; the hello fetches what the new view needs.
    assign(next);
    if (snapshot.value) snapshot.value = { ...snapshot.value, view: next };
    hello(true);
  });
  socket.on("screen:identify", ({ name, pairingCode }) => {
    identify.value = { name, pairingCode, until: deviceNow() + IDENTIFY_MS };
  });
  socket.on("screen:reload", () => deps.reload());

  return { snapshot, view, effective, identify, apply };
}

export type ScheduleStore = ReturnType<typeof createSchedule>;
