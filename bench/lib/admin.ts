// An organizer for benchmarks: logs in over HTTP and applies changes over a real
// socket.io-client /admin connection, exactly as the admin page does.
import { io, type Socket } from "socket.io-client";
import type { ChangeInputRaw } from "../../shared/model.js";
import {
  ADMIN_NAMESPACE,
  type AdminClientToServer,
  type AdminServerToClient,
  type AdminState,
  type Result,
} from "../../shared/protocol.js";

export type AdminSocket = Socket<AdminServerToClient, AdminClientToServer>;

export async function login(baseUrl: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error("login set no cookie");
  return cookie.split(";")[0] ?? "";
}

export interface BenchAdmin {
  socket: AdminSocket;
  state: AdminState;
  apply(change: ChangeInputRaw, timeoutMs?: number): Promise<Result<{ version: number; changeId: string }>>;
  close(): void;
}

export async function connectAdmin(baseUrl: string, cookie: string): Promise<BenchAdmin> {
  const socket: AdminSocket = io(`${baseUrl}${ADMIN_NAMESPACE}`, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    forceNew: true,
    reconnection: false,
  });
  let state = await new Promise<AdminState>((resolve, reject) => {
    // Generous: right after a restart the admin queues behind thousands of screen handshakes.
    const timer = setTimeout(() => reject(new Error("no admin:state within 30 s")), 30_000);
    socket.once("admin:state", (s) => {
      clearTimeout(timer);
      resolve(s);
    });
    socket.once("connect_error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  socket.on("admin:state", (s) => {
    state = s;
  });
  return {
    socket,
    get state() {
      return state;
    },
    apply(change, timeoutMs = 10_000) {
      return socket.timeout(timeoutMs).emitWithAck("change:apply", change);
    },
    close() {
      socket.close();
    },
  };
}

/** A change every view receives: an announcement to all screens, text varied per round. */
export function announceToAll(round: number): ChangeInputRaw {
  return { kind: "announce", announcementId: "bench-announcement", text: `Benchmark round ${round}`, level: "info", target: { kind: "all" } };
}
