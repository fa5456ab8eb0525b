// Signed in or not. Signing in (by password, or already by a volunteer link's cookie) connects
// the socket; a refused socket handshake signs out.
import { signal } from "@preact/signals";
import * as api from "../api.js";
import type { AdminSocket } from "../socket.js";

export type AuthStatus = "checking" | "signed-out" | "signed-in";

export function createAuth(socket: AdminSocket) {
  const status = signal<AuthStatus>("checking");
  const error = signal<string | null>(null);
  const busy = signal(false);
  /** Hub real time minus device time, ms, estimated at sign-in. */
  const offsetMs = signal(0);

  const signedIn = () => {
    status.value = "signed-in";
    error.value = null;
    socket.connect();
  };

  socket.on("connect_error", (err) => {
    // The hub refuses the handshake without a valid session (revoked or expired link).
    if (/unauthori[sz]ed|forbidden|session/i.test(err.message)) {
      socket.disconnect();
      status.value = "signed-out";
      error.value = "Your sign-in is no longer valid. Sign in again.";
    }
  });

  // The hub closes the socket itself when a volunteer link is revoked or expires (socket.io does
  // not reconnect then): ask whether the cookie still signs us in, and reconnect or sign out.
  socket.on("disconnect", (reason) => {
    if (reason !== "io server disconnect") return;
    void api.me().then((result) => {
      if (result.signedIn) socket.connect();
      else {
        status.value = "signed-out";
        error.value = "This sign-in was revoked or has expired. Ask an organizer for a new link.";
      }
    });
  });

  return {
    status,
    error,
    busy,
    offsetMs,
    async check() {
      const result = await api.me();
      offsetMs.value = result.offsetMs;
      if (result.signedIn) signedIn();
      else status.value = "signed-out";
    },
    async login(password: string) {
      busy.value = true;
      error.value = null;
      const outcome = await api.login(password);
      busy.value = false;
      if (outcome.ok) {
        const result = await api.me();
        offsetMs.value = result.offsetMs;
        signedIn();
      } else {
        error.value = outcome.message;
      }
    },
    async logout() {
      socket.disconnect();
      await api.logout();
      status.value = "signed-out";
    },
  };
}
export type Auth = ReturnType<typeof createAuth>;
