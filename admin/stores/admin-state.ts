// The hub's picture of the event (AdminState), kept live: the hub sends it on connect and after
// every change; screen lists come more often on their own.
import { computed, signal } from "@preact/signals";
import type { AdminState } from "../../shared/protocol.js";
import type { AdminSocket } from "../socket.js";

export function createAdminState(socket: AdminSocket) {
  const state = signal<AdminState | null>(null);
  const connected = signal(socket.connected);
  /** Real time (device) of the last disconnect; null while connected. */
  const lostAt = signal<number | null>(null);

  socket.on("admin:state", (next) => {
    state.value = next;
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
