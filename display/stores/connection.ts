// The link to the hub: socket.io to /display with exponential backoff and jitter (socket.io's
// own reconnection: delay doubles from RECONNECT_MIN_MS to RECONNECT_MAX_MS, ±50 % random), an
// "offline since 14:02" marker after a minute without the hub, and a heartbeat so organizers see
// each screen's build, view, clock offset and last sync.
import { computed, effect, type ReadonlySignal, signal } from "@preact/signals";
import { io } from "socket.io-client";
import type { View } from "../../shared/model.js";
import { DISPLAY_NAMESPACE, SCREEN_ID_PATTERN } from "../../shared/views.js";
import type { ClockStore, DisplaySocket } from "./clock.js";
import type { KeyValueStore } from "./storage.js";

export const RECONNECT_MIN_MS = 1_000;
// A screen is back within about three seconds of the hub (or the Wi-Fi) returning, however long
// it was gone. Retrying that often costs nothing while the hub is down (the kernel refuses) and
// little when it is back: the hub admits a reconnect burst a few handshakes at a time
// (server/admission.ts).
export const RECONNECT_MAX_MS = 3_000;
export const RECONNECT_JITTER = 0.5;
/** Silence after which the screen admits it is offline. */
export const OFFLINE_MARKER_AFTER_MS = 60_000;
export const HEARTBEAT_INTERVAL_MS = 30_000;
const SCREEN_ID_KEY = "roomcast.screenId";

export function openDisplaySocket(origin = ""): DisplaySocket {
  return io(`${origin}${DISPLAY_NAMESPACE}`, {
    // WebSocket only: every screen browser has it, and it skips the polling handshake on each
    // of the many reconnects a venue's Wi-Fi causes.
    transports: ["websocket"],
    reconnectionDelay: RECONNECT_MIN_MS,
    reconnectionDelayMax: RECONNECT_MAX_MS,
    randomizationFactor: RECONNECT_JITTER,
  });
}

/** This screen's id: generated once, kept across reboots. */
export function screenIdFrom(storage: KeyValueStore, random: () => string = randomId): string {
  const known = storage.get(SCREEN_ID_KEY);
  if (known && SCREEN_ID_PATTERN.test(known)) return known;
  const id = random();
  storage.set(SCREEN_ID_KEY, id);
  return id;
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** True when the marker should show: offline for at least OFFLINE_MARKER_AFTER_MS of real time. */
export function showOffline(offlineSinceReal: number | null, nowReal: number): boolean {
  return offlineSinceReal !== null && nowReal - offlineSinceReal >= OFFLINE_MARKER_AFTER_MS;
}

export interface ConnectionDeps {
  clock: ClockStore;
  view: ReadonlySignal<View | null>;
  /** The hub build this page runs, as the hub named it. */
  appVersion: () => string;
}

export function createConnection(socket: DisplaySocket, deps: ConnectionDeps) {
  const { clock } = deps;
  const connected = signal(socket.connected);
  /** Hub real time (device time + offset) when the hub was last lost; set at boot too. */
  const offlineSinceReal = signal<number | null>(socket.connected ? null : clock.hubReal.peek());
  /** Hub time (rehearsal clock applied) when the hub was lost, for the marker's text. */
  const offlineSince = signal<number | null>(socket.connected ? null : clock.now.peek());
  const offline = computed(() => showOffline(offlineSinceReal.value, clock.hubReal.value));

  socket.on("connect", () => {
    connected.value = true;
    offlineSinceReal.value = null;
    offlineSince.value = null;
  });
  socket.on("disconnect", () => {
    connected.value = false;
    offlineSinceReal.value = clock.hubReal.peek();
    offlineSince.value = clock.now.peek();
  });

  // peek(): the heartbeat reports these values but must not fire whenever they change.
  function beat(): void {
    if (!socket.connected) return;
    socket.emit("screen:heartbeat", {
      appVersion: deps.appVersion(),
      view: deps.view.peek(),
      clockOffsetMs: clock.offsetMs.peek(),
      clockRttMs: clock.rttMs.peek(),
      lastSyncAt: clock.lastSyncAt.peek(),
    });
  }

  // Driven by the clock's one timer rather than a timer of our own.
  const slot = computed(() => Math.floor(clock.tickedAt.value / HEARTBEAT_INTERVAL_MS));
  // Also right after every clock sync, so organizers see a fresh offset at once.
  const stop = effect(() => {
    void slot.value;
    void clock.lastSyncAt.value;
    if (connected.value) beat();
  });

  return { connected, offline, offlineSince, beat, stop };
}

export type ConnectionStore = ReturnType<typeof createConnection>;
