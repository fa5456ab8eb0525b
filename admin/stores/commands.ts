// Every command the admin page sends, as promises of the hub's Result. A missing answer becomes
// a Failure after ACK_TIMEOUT_MS, so every action answers within seconds or says why not.
import type { ChangeInputRaw } from "../../shared/model.js";
import type { ChangePreview, ErrorCode, Failure, Result, VolunteerLinkInfo } from "../../shared/protocol.js";
import type { View } from "../../shared/model.js";
import type { AdminSocket } from "../socket.js";

export const ACK_TIMEOUT_MS = 5000;

const ERROR_TEXT: Record<ErrorCode, string> = {
  "invalid-payload": "The hub refused the input",
  unauthorized: "Not signed in any more",
  forbidden: "Not allowed for this sign-in",
  "not-found": "Not found",
  conflict: "Someone else changed this first",
  "too-large": "Too large",
  "rate-limited": "Too many requests, wait a moment",
  internal: "The hub had a problem",
};

/** One line a person can act on: "Not allowed for this sign-in: room-2 is not yours". */
export function failureText(f: Failure): string {
  const base = ERROR_TEXT[f.error] ?? f.error;
  const detail = f.issues?.length ? f.issues.map((i) => `${i.path}: ${i.message}`).join("; ") : f.message;
  return detail && detail !== base ? `${base}: ${detail}` : base;
}

export function createCommands(socket: AdminSocket) {
  async function send<T extends object>(call: (s: AdminSocket) => Promise<Result<T>>): Promise<Result<T>> {
    if (!socket.connected) return { ok: false, error: "internal", message: "not connected to the hub" };
    try {
      return await call(socket);
    } catch {
      return { ok: false, error: "internal", message: `no answer within ${ACK_TIMEOUT_MS / 1000} s` };
    }
  }
  const timed = (s: AdminSocket) => s.timeout(ACK_TIMEOUT_MS);

  return {
    apply: (change: ChangeInputRaw) =>
      send<{ version: number; changeId: string }>((s) => timed(s).emitWithAck("change:apply", change)),
    preview: (change: ChangeInputRaw) =>
      send<{ preview: ChangePreview }>((s) => timed(s).emitWithAck("change:preview", change)),
    assignScreen: (screenId: string, view: View | null) =>
      send((s) => timed(s).emitWithAck("screen:assign", { screenId, view })),
    renameScreen: (screenId: string, name: string) => send((s) => timed(s).emitWithAck("screen:rename", { screenId, name })),
    identifyScreen: (screenId: string) => send((s) => timed(s).emitWithAck("screen:identify", { screenId })),
    reloadScreen: (screenId: string) => send((s) => timed(s).emitWithAck("screen:reload", { screenId })),
    forgetScreen: (screenId: string) => send((s) => timed(s).emitWithAck("screen:forget", { screenId })),
    createVolunteerLink: (label: string, roomIds: string[], expiresAt: number | null) =>
      send<{ link: VolunteerLinkInfo }>((s) => timed(s).emitWithAck("volunteer:create", { label, roomIds, expiresAt })),
    revokeVolunteerLink: (id: string) => send((s) => timed(s).emitWithAck("volunteer:revoke", { id })),
  };
}
export type Commands = ReturnType<typeof createCommands>;
