// The admin page's one socket: socket.io-client on /admin, typed with the shared event maps
// (reversed: the client listens to what the hub emits). It authenticates with the session cookie.
import { io, type Socket } from "socket.io-client";
import { ADMIN_NAMESPACE, type AdminClientToServer, type AdminServerToClient } from "../shared/protocol.js";

export type AdminSocket = Socket<AdminServerToClient, AdminClientToServer>;

export function createAdminSocket(): AdminSocket {
  // Connected only once signed in; the cookie set by /api/login or /v/<token> goes along in the
  // WebSocket handshake. WebSocket only, like the screens: every phone browser has it, and a
  // volunteer's flaky Wi-Fi reconnects without the polling handshake.
  return io(ADMIN_NAMESPACE, { autoConnect: false, withCredentials: true, transports: ["websocket"] });
}
