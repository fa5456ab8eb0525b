// What the namespace handlers share with the hub: types, the context, and the one wrapper that
// turns an unexpected exception into an `internal` answer with the details in the log.
import type { Admission } from "./admission.js";
import type { Namespace } from "socket.io";
import type {
  AdminClientToServer,
  AdminServerToClient,
  AdminState,
  DisplayClientToServer,
  DisplayServerToClient,
  DisplaySnapshot,
  Failure,
  Result,
  Role,
  VolunteerLinkInfo,
} from "../shared/protocol.js";
import type { Auth } from "./auth.js";
import type { Log } from "./log.js";
import type { Schedule } from "./schedule.js";
import type { ScreenEntry, ScreenRegistry } from "./screens.js";
import type { Store, VolunteerLinkRow } from "./store.js";
import type { ViewDeltas } from "./view-deltas.js";
import type { ViewContent } from "./views.js";

export interface DisplaySocketData {
  screenId?: string;
  /** The view the screen's URL names (null: /display); an assignment made over it wins (see resolveView). */
  urlView?: string | null;
  view?: string | null;
}
export interface AdminSocketData {
  role: Role;
  /** The login session the socket was opened with; checked again before every command. */
  sessionHash: string;
}
export type DisplayNamespace = Namespace<DisplayClientToServer, DisplayServerToClient, Record<string, never>, DisplaySocketData>;
export type AdminNamespace = Namespace<AdminClientToServer, AdminServerToClient, Record<string, never>, AdminSocketData>;

export interface HubDeps {
  store: Store;
  auth: Auth;
  /** Real time, UTC ms (tests pass a fixed clock). */
  realNow: () => number;
  /** The build screens should run (hash of dist/display/index.html). */
  appVersion: string;
  log: Log;
  /** Bytes of schedule broadcasts written per turn of the event loop (server/paced-broadcast.ts). */
  broadcastBytesPerTurn?: number;
}

export interface HubContext extends HubDeps {
  schedule: Schedule;
  screens: ScreenRegistry;
  display: DisplayNamespace;
  admin: AdminNamespace;
  /** The view's content at the current version, and `since`: the oldest version with the same content. */
  contentFor(view: string | null): { content: ViewContent; json: string; since: number };
  /** Deltas from a view's previous content, for screens that hold it (see server/view-deltas.ts). */
  deltas: ViewDeltas;
  snapshotFor(view: string | null, screen: ScreenEntry | null): DisplaySnapshot;
  /** snapshotFor's snapshot pre-serialised for sending (see server/wire.ts); not for reading. */
  encodedSnapshotFor(view: string | null, screen: ScreenEntry | null): DisplaySnapshot;
  /** For sending: an organizer's `screens` is the pre-serialised list (see server/wire.ts). */
  adminState(role: Role): AdminState;
  publish(): void;
  /** Writes the broadcasts still waiting; call before sending a screen anything else. */
  flushDisplays(): void;
  publishAdmins(only?: "organizers"): void;
  screensChanged(): void;
  linkInfo(link: VolunteerLinkRow): VolunteerLinkInfo;
  /** Admission control of new connections (null when socket.io has no HTTP server of its own). */
  admission: Admission | null;
}

export const INTERNAL: Failure = { ok: false, error: "internal", message: "something went wrong on the hub; it has been logged" };

export const fail = (error: Failure["error"], message: string, extra: Partial<Failure> = {}): Failure => ({ ok: false, error, message, ...extra });

type Ack<T extends object> = (result: Result<T>) => void;

/**
 * Wraps a command handler: a missing ack becomes a no-op (crafted messages may omit it), and an
 * exception is logged with its details and answered with `internal`, never with its message.
 */
export function command<P, T extends object, S = unknown>(
  log: Log,
  name: string,
  handler: (this: S, payload: P, ack: Ack<T>) => void,
): (this: S, payload: P, ack?: unknown) => void {
  // A plain function, so a handler shared by many sockets gets its socket as `this`.
  return function (this: S, payload, ack) {
    const reply: Ack<T> = typeof ack === "function" ? (ack as Ack<T>) : () => undefined;
    try {
      handler.call(this, payload, reply);
    } catch (err) {
      log.error(`${name} failed`, err);
      reply(INTERNAL);
    }
  };
}
