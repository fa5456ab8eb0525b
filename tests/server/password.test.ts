// The organizer password: generated at first start and shown once, stored only as a scrypt
// hash, replaced by ROOMCAST_ADMIN_PASSWORD, changeable from the admin page.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ORGANIZER } from "../../server/auth.js";
import { banner } from "../../server/main.js";
import { type AdminClient, applyChange, connectAdmin, loginCookie, startPinnedHub, TEST_PASSWORD } from "./helpers.js";

const dataDir = mkdtempSync(join(tmpdir(), "roomcast-password-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function status(res: Promise<Response>): Promise<number> {
  return (await res).status;
}

describe("the organizer password", () => {
  let generated = "";

  it("is generated at first start, printed once in the banner, and stored only as a scrypt hash", async () => {
    const hub = await startPinnedHub({ dataDir, adminPassword: null });
    try {
      expect(hub.passwordStatus).toBe("generated");
      generated = hub.adminPassword;
      expect(generated).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
      const text = banner(hub);
      expect(text).toContain(`Organizer password: ${generated}`);
      expect(text).toContain(`${hub.url}/display/room/room-1`);
      expect(text).toContain(`${hub.url}/display/lobby`);
      const hash = hub.store.getCredential(ORGANIZER) ?? "";
      expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(hash).not.toContain(generated);
      await loginCookie(hub.url, generated);
    } finally {
      await hub.close();
    }
  });

  it("is not shown again on later starts; the banner says how to reset it", async () => {
    const hub = await startPinnedHub({ dataDir, adminPassword: null });
    try {
      expect(hub.passwordStatus).toBe("stored");
      expect(hub.adminPassword).toBe("");
      expect(banner(hub)).toMatch(/set earlier \(reset it with --reset-password, or set ROOMCAST_ADMIN_PASSWORD\)/);
      await loginCookie(hub.url, generated);
    } finally {
      await hub.close();
    }
  });

  it("is replaced by ROOMCAST_ADMIN_PASSWORD, and the old one stops working", async () => {
    const hub = await startPinnedHub({ dataDir, adminPassword: "from the environment" });
    try {
      expect(hub.passwordStatus).toBe("from-environment");
      expect(banner(hub)).not.toContain("from the environment");
      await loginCookie(hub.url, "from the environment");
      expect(await status(fetch(`${hub.url}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password: generated }) }))).toBe(401);
    } finally {
      await hub.close();
    }
  });

  it("can be changed from the page with the current one", async () => {
    const hub = await startPinnedHub({ dataDir, adminPassword: null });
    try {
      const cookie = await loginCookie(hub.url, "from the environment");
      const change = (current: string, next: string) =>
        fetch(`${hub.url}/api/password`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ current, next }) });
      expect(await status(change("wrong", "a brand new passphrase"))).toBe(403);
      expect(await status(change("from the environment", "short"))).toBe(400);
      expect(await status(change("from the environment", "a brand new passphrase"))).toBe(200);
      await loginCookie(hub.url, "a brand new passphrase");
    } finally {
      await hub.close();
    }
  });
});

describe("changing the organizer password", () => {
  it("signs every other organizer out and disconnects their pages, while the one who changed it stays", async () => {
    const hub = await startPinnedHub();
    const sockets: AdminClient[] = [];
    try {
      const mine = await loginCookie(hub.url);
      const theirs = await loginCookie(hub.url);
      const myPage = (await connectAdmin(hub.url, mine)).socket;
      const theirPage = (await connectAdmin(hub.url, theirs)).socket;
      sockets.push(myPage, theirPage);
      const theirDisconnect = new Promise<string>((resolve) => theirPage.once("disconnect", resolve));
      const me = (cookie: string) => status(fetch(`${hub.url}/api/me`, { headers: { cookie } }));
      expect(await me(theirs)).toBe(200);

      const changed = await fetch(`${hub.url}/api/password`, {
        method: "POST",
        headers: { cookie: mine, "content-type": "application/json" },
        body: JSON.stringify({ current: TEST_PASSWORD, next: "a brand new passphrase" }),
      });
      expect(changed.status).toBe(200);

      expect(await theirDisconnect).toBe("io server disconnect");
      expect(await me(theirs)).toBe(401);
      expect(await me(mine)).toBe(200);
      expect(myPage.connected).toBe(true);
      expect((await applyChange(myPage, { kind: "room-status", roomId: "room-1", status: "full" })).ok).toBe(true);
    } finally {
      for (const s of sockets) s.disconnect();
      await hub.dispose();
    }
  });
});
