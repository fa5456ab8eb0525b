// The admin page's state follows the hub's patches: applied to the version it holds, anything
// else answered with admin:resync (and the whole state that follows).
import { describe, expect, it } from "vitest";
import { createAdminState, patchAdminState } from "../../../admin/stores/admin-state.js";
import type { AdminSocket } from "../../../admin/socket.js";
import { ADMIN_CONTENT_FIELDS, type AdminPatch, type AdminState, MAX_ADMIN_LOG_ENTRIES } from "../../../shared/protocol.js";
import { diff } from "../../../shared/snapshot-delta.js";
import { at, planetNixState, stamp } from "../support/state.js";

const T = at("2025-03-06T11:15:00-08:00");

function patchBetween(before: AdminState, after: AdminState): AdminPatch {
  const pick = (s: AdminState) => Object.fromEntries(ADMIN_CONTENT_FIELDS.map((f) => [f, s[f]]));
  return { baseVersion: before.version, version: after.version, appended: after.changes.slice(before.changes.length), content: diff(pick(before), pick(after)) };
}

function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const emitted: string[] = [];
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    emit(event: string) {
      emitted.push(event);
      return socket;
    },
  };
  return { socket: socket as unknown as AdminSocket, emitted, fire: (event: string, arg: unknown) => handlers.get(event)?.(arg) };
}

describe("the admin state store given a patch", () => {
  const delay = stamp({ kind: "delay", sessionKey: "pn25-0306-room-1-1100", minutes: 10 }, T);
  const full = stamp({ kind: "room-status", roomId: "room-2", status: "full" }, T);
  const v1 = planetNixState([delay]);
  const v2 = planetNixState([delay, full]);

  it("turns the state it holds into the hub's next one, log included", () => {
    expect(v2.version).toBe(v1.version + 1);
    expect(patchAdminState(v1, patchBetween(v1, v2))).toEqual(v2);
  });

  it("keeps the log to its last entries", () => {
    const long = { ...v1, changes: Array.from({ length: MAX_ADMIN_LOG_ENTRIES }, () => delay) };
    const next = patchAdminState(long, { ...patchBetween(v1, v2), baseVersion: long.version });
    expect(next?.changes).toHaveLength(MAX_ADMIN_LOG_ENTRIES);
    expect(next?.changes.at(-1)).toEqual(full);
  });

  it("applies a patch to the version it was made for, and asks for the whole state otherwise", () => {
    const { socket, emitted, fire } = fakeSocket();
    const store = createAdminState(socket);
    fire("admin:patched", patchBetween(v1, v2)); // nothing held yet
    expect(emitted).toEqual(["admin:resync"]);
    fire("admin:state", v1);
    fire("admin:patched", patchBetween(v1, v2));
    expect(store.state.value).toEqual(v2);
    fire("admin:patched", patchBetween(v1, v2)); // a version it no longer holds
    expect(emitted).toEqual(["admin:resync", "admin:resync"]);
    expect(store.state.value).toEqual(v2);
  });
});
