// A followed schedule URL survives a hub restart: the running hub remembers it in its settings and
// resumes it at start. The schedule is served by a local HTTP server on 127.0.0.1.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRoomcastJson } from "../../shared/formats/roomcast.js";
import { loadDemo } from "../../server/demo/index.js";
import { loginCookie, startPinnedHub, type TestHub } from "./helpers.js";

const BODY = JSON.stringify(toRoomcastJson({ ...loadDemo("planet-nix-2025"), id: "fed-conf", title: "Fed Conference" }));
let requests = 0;
let server: Server;
let url = "";
let dataDir = "";

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { "content-type": "application/json", etag: '"fed-1"' }).end(BODY);
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schedule.json`;
  dataDir = mkdtempSync(join(tmpdir(), "roomcast-feed-restart-"));
});

afterAll(() => {
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function feedStatus(hub: TestHub): Promise<{ url: string | null; intervalMs: number | null; lastError: string | null; lastSuccessAt: number | null }> {
  const cookie = await loginCookie(hub.url);
  const res = await fetch(`${hub.url}/api/import/feed`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { feed: never }).feed;
}

describe("a hub following a schedule URL", () => {
  it("follows it again after a restart on the same data directory, and polls it at once", async () => {
    const first = await startPinnedHub({ dataDir });
    try {
      const cookie = await loginCookie(first.url);
      const res = await fetch(`${first.url}/api/import/feed`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ url, intervalMinutes: 10 }),
      });
      expect(res.status).toBe(200);
      expect(first.hub.schedule.stored.event.title).toBe("Fed Conference");
    } finally {
      await first.close();
    }
    const before = requests;

    const second = await startPinnedHub({ dataDir });
    try {
      expect(await feedStatus(second)).toMatchObject({ url, intervalMs: 600_000 });
      // The resumed feed polls in the background right after the hub listens.
      await expect.poll(() => requests, { timeout: 5000 }).toBeGreaterThan(before);
      await expect.poll(async () => (await feedStatus(second)).lastSuccessAt, { timeout: 5000 }).not.toBeNull();
      expect((await feedStatus(second)).lastError).toBeNull();
    } finally {
      await second.close();
    }
  });

  it("is not followed after a restart once an organizer stopped following it", async () => {
    const first = await startPinnedHub({ dataDir });
    try {
      const cookie = await loginCookie(first.url);
      expect((await fetch(`${first.url}/api/import/feed`, { method: "DELETE", headers: { cookie } })).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startPinnedHub({ dataDir });
    try {
      expect((await feedStatus(second)).url).toBeNull();
    } finally {
      await second.close();
    }
  });
});
