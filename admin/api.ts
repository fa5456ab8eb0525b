// HTTP calls of the admin page: login, logout, who am I. The hub sets and clears the httpOnly
// session cookie; the page never sees it.
import { offsetFromDateHeader } from "./derive/clock.js";

export type LoginOutcome = { ok: true } | { ok: false; message: string };

export async function login(password: string): Promise<LoginOutcome> {
  let res: Response;
  try {
    res = await fetch("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password }),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, message: "The hub cannot be reached. Check the network and try again." };
  }
  if (res.ok) return { ok: true };
  if (res.status === 429) {
    const wait = Number(res.headers.get("retry-after"));
    const when = Number.isFinite(wait) && wait > 0 ? `in ${Math.ceil(wait)} s` : "in a minute";
    return { ok: false, message: `Too many attempts. Try again ${when}.` };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, message: "Wrong password." };
  return { ok: false, message: `Login failed (HTTP ${res.status}).` };
}

export async function logout(): Promise<void> {
  await fetch("/api/logout", { method: "POST", credentials: "same-origin" }).catch(() => undefined);
}

/** Whether the cookie still signs us in, and the hub's clock offset from its Date header. */
export async function me(): Promise<{ signedIn: boolean; offsetMs: number }> {
  const sentAt = Date.now();
  try {
    const res = await fetch("/api/me", { credentials: "same-origin", cache: "no-store" });
    return { signedIn: res.ok, offsetMs: offsetFromDateHeader(res.headers.get("date"), sentAt, Date.now()) };
  } catch {
    return { signedIn: false, offsetMs: 0 };
  }
}
