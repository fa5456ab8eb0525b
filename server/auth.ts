// Credentials and sign-in: the organizer password (scrypt), login sessions behind an httpOnly
// cookie, and volunteer links. Every secret is random and stored only as a hash, so a copy of
// the database cannot be replayed as a cookie or a link.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import type { Role } from "../shared/protocol.js";
import type { Store, VolunteerLinkRow } from "./store.js";

export const SESSION_COOKIE = "roomcast_session";
export const ORGANIZER = "organizer";
/** How long an organizer stays signed in, ms. */
export const ORGANIZER_SESSION_MS = 14 * 24 * 3600_000;
/** How long a volunteer stays signed in after opening a link (never past the link's expiry), ms. */
export const VOLUNTEER_SESSION_MS = 7 * 24 * 3600_000;

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;
// No 0/O, 1/l/I, 2/Z, 5/S, 8/B: passwords are read off a terminal and typed on a phone.
const PASSWORD_ALPHABET = "abcdefghjkmnpqrtuvwxy34679";

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N, r, p, maxmem: 128 * N * r * 2 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** "scrypt$N$r$p$salt$hash" with base64url salt and hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Constant-time comparison against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A readable random password, e.g. "kx7pq-3mhtw-ad9re-yc4nu" (about 94 bits). */
export function generatePassword(): string {
  const group = () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

/** 256-bit random token for cookies; links use 128 bits (shorter URLs to share). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Parses a Cookie header; later duplicates do not override the first. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      out[name] = part.slice(eq + 1).trim();
    }
  }
  return out;
}

export type PasswordStatus = "generated" | "from-environment" | "reset" | "stored";

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(store: Store, now: () => number) {
  const linkUsable = (link: VolunteerLinkRow | null): link is VolunteerLinkRow =>
    link !== null && !link.revoked && (link.expiresAt === null || link.expiresAt > now());

  /** The hash naming the session behind a Cookie header (whether or not it is still valid). */
  function sessionHashOf(cookieHeader: string | undefined): string | null {
    const token = parseCookies(cookieHeader)[SESSION_COOKIE];
    return token ? hashToken(token) : null;
  }

  /** The role of a session right now, or null (unknown, logged out, expired, revoked link). */
  function roleOfSession(tokenHash: string | null): Role | null {
    const session = tokenHash ? store.getSession(tokenHash) : null;
    if (!session || session.expiresAt <= now()) return null;
    if (session.role === "organizer") return { kind: "organizer", name: ORGANIZER };
    const link = session.linkId ? store.getLink(session.linkId) : null;
    if (!linkUsable(link)) return null;
    return { kind: "volunteer", name: link.label, linkId: link.id, roomIds: link.roomIds };
  }

  return {
    /**
     * Makes sure an organizer password exists. The environment's password wins and replaces the
     * stored hash; otherwise one is generated at first start (or on reset) and returned once.
     */
    async ensurePassword(fromEnvironment: string | null, reset = false): Promise<{ password: string | null; status: PasswordStatus }> {
      const stored = store.getCredential(ORGANIZER);
      if (fromEnvironment) {
        if (!stored || !(await verifyPassword(fromEnvironment, stored))) {
          store.setCredential(ORGANIZER, await hashPassword(fromEnvironment), now());
          if (stored) store.deleteOrganizerSessions();
        }
        return { password: fromEnvironment, status: "from-environment" };
      }
      if (stored && !reset) return { password: null, status: "stored" };
      const password = generatePassword();
      store.setCredential(ORGANIZER, await hashPassword(password), now());
      store.deleteOrganizerSessions();
      return { password, status: stored ? "reset" : "generated" };
    },

    async checkPassword(password: string): Promise<boolean> {
      const stored = store.getCredential(ORGANIZER);
      return stored !== null && (await verifyPassword(password, stored));
    },

    /**
     * Sets a new organizer password and signs out every other organizer session: whoever knew
     * the old one (a lost phone, a former team member) is out at once. `keepSessionHash` is the
     * session that made the change, which stays signed in.
     */
    async changePassword(password: string, keepSessionHash: string | null): Promise<void> {
      const hash = await hashPassword(password);
      store.setCredential(ORGANIZER, hash, now());
      if (keepSessionHash) store.deleteOrganizerSessionsExcept(keepSessionHash);
      else store.deleteOrganizerSessions();
    },

    /** Opens a login session and returns the cookie token (only its hash is stored). */
    openSession(role: "organizer" | "volunteer", linkId: string | null, expiresAt: number): string {
      const token = newToken();
      store.insertSession({ tokenHash: hashToken(token), role, linkId, createdAt: now(), expiresAt });
      return token;
    },

    closeSession(token: string): void {
      store.deleteSession(hashToken(token));
    },

    sessionHashOf,
    roleOfSession,

    /** The role behind a Cookie header, or null. */
    roleFromCookie(cookieHeader: string | undefined): Role | null {
      return roleOfSession(sessionHashOf(cookieHeader));
    },

    linkFromToken(token: string): VolunteerLinkRow | null {
      const link = store.findLinkByToken(hashToken(token));
      return linkUsable(link) ? link : null;
    },

    createLink(label: string, roomIds: string[], expiresAt: number | null): { link: VolunteerLinkRow; token: string } {
      const token = newToken(16);
      const link: VolunteerLinkRow = {
        id: `vl-${newToken(6)}`,
        tokenHash: hashToken(token),
        label,
        roomIds,
        expiresAt,
        revoked: false,
        createdAt: now(),
      };
      store.insertLink(link);
      return { link, token };
    },
  };
}
