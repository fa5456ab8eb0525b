// The hub's picture of the event (AdminState), kept live: the hub sends it on connect and after
// every change; screen lists come more often on their own.
import { computed, signal } from "@preact/signals";
import { ADMIN_CONTENT_FIELDS, type AdminPatch, type AdminState, MAX_ADMIN_LOG_ENTRIES } from "../../shared/protocol.js";
import { applyDelta } from "../../shared/snapshot-delta.js";
import type { AdminSocket } from "../socket.js";

/** The state `patch` turns `held` into, or null when `held` is not its base version. */
export function patchAdminState(held: AdminState | null, patch: AdminPatch): AdminState | null {
  if (!held || held.version !== patch.baseVersion) return null;
  const base: Record<string, unknown> = {};
  for (const f of ADMIN_CONTENT_FIELDS) base[f] = held[f];
  const content = applyDelta(base, patch.content) as Pick<AdminState, (typeof ADMIN_CONTENT_FIELDS)[number]>;
  const changes = patch.appended.length ? [...held.changes, ...patch.appended].slice(-MAX_ADMIN_LOG_ENTRIES) : held.changes;
  return { ...held, ...content, changes, version: patch.version };
}

export function createAdminState(socket: AdminSocket) {
  const state = signal<AdminState | null>(null);
  const connected = signal(socket.connected);
  /** Real time (device) of the last disconnect; null while connected. */
  const lostAt = signal<number | null>(null);

  socket.on("admin:state", (next) => {
    state.value = next;
  });
  socket.on("admin:patched", (patch) => {
    const next = patchAdminState(state.peek(), patch);
    if (next) state.value = next;
    else socket.emit("admin:resync");
  });
  socket.on("screens:changed", (screens) => {
    const current = state.peek();
    if (current) state.value = { ...current, screens };
  });
  socket.on("connect", () => {
    connected.value = true;
    lostAt.value = null;
  });
  socket.on("disconnect", () => {
    connected.value = false;
    lostAt.value = Date.now();
  });

  const role = computed(() => state.value?.role ?? null);
  const isOrganizer = computed(() => role.value?.kind === "organizer");
  const zone = computed(() => state.value?.event.timeZone ?? "UTC");
  /** Rooms this sign-in may act on: all for organizers, the link's rooms for volunteers. */
  const actionableRoomIds = computed<ReadonlySet<string>>(() => {
    const s = state.value;
    if (!s) return new Set();
    return new Set(s.role.kind === "organizer" ? s.rooms.map((r) => r.id) : s.role.roomIds);
  });

  return { state, connected, lostAt, role, isOrganizer, zone, actionableRoomIds };
}
export type AdminStateStore = ReturnType<typeof createAdminState>;
