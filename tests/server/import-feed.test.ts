// Following a schedule URL, against a local HTTP server on 127.0.0.1: ETag and
// If-Modified-Since, changes applied, the last good schedule kept on failures.
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSchedule } from "../../shared/formats/index.js";
import { createFeed } from "../../server/import/feed.js";
import { memoryHub } from "./import-support.js";

const XML = readFileSync(resolve(import.meta.dirname, "../fixtures/formats/pretalx-quirks.xml"), "utf8");
const NOW = Date.parse("2026-10-02T08:00:00Z");

// What the upstream server answers; tests change it between polls.
const upstream = { body: XML, etag: '"v1"', lastModified: "Fri, 02 Oct 2026 07:00:00 GMT", status: 200 };
const requests: IncomingHttpHeaders[] = [];
let server: Server;
let url = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.headers);
    if (upstream.status !== 200) return void res.writeHead(upstream.status).end("upstream trouble");
    if (req.headers["if-none-match"] === upstream.etag) return void res.writeHead(304).end();
    res.writeHead(200, { "content-type": "application/xml", etag: upstream.etag, "last-modified": upstream.lastModified }).end(upstream.body);
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schedule.xml`;
});

afterAll(() => {
  server.close();
});

describe("following a schedule URL", () => {
  const hub = memoryHub();
  const feed = createFeed({ ...hub.deps, realNow: () => NOW, parse: async (input) => importSchedule(input) });
  afterAll(() => feed.stop());

  it("imports the schedule at once when told to follow a URL", async () => {
    const status = await feed.follow(url, { intervalMs: 60 * 60_000 });
    expect(status).toMatchObject({ url, lastSuccessAt: NOW, lastError: null, lastAppliedVersion: 2, etag: '"v1"' });
    expect(hub.replaced.map((r) => r.source)).toEqual([{ kind: "url", name: url }]);
  });

  it("sends If-None-Match and If-Modified-Since, and a 304 changes nothing", async () => {
    const status = await feed.pollNow();
    expect(requests.at(-1)).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": upstream.lastModified });
    expect(status.lastSuccess).toBe("not modified (304)");
    expect(hub.replaced).toHaveLength(1);
  });

  it("applies an updated schedule", async () => {
    upstream.body = XML.replace("<title>Community CTF</title>", "<title>Community CTF (moved)</title>");
    upstream.etag = '"v2"';
    const status = await feed.pollNow();
    expect(status.lastAppliedVersion).toBe(3);
    expect(hub.event!.sessions.map((s) => s.title)).toContain("Community CTF (moved)");
  });

  it("sends nothing to screens when a new ETag brings the same schedule", async () => {
    upstream.etag = '"v2b"';
    const status = await feed.pollNow();
    expect(status.lastSuccess).toBe("unchanged");
    expect(hub.replaced).toHaveLength(2);
  });

  it("keeps the last good schedule when the new file cannot be parsed, and says why", async () => {
    upstream.body = "<schedule><day date='2026-10-02'><room name='x'>";
    upstream.etag = '"broken"';
    const status = await feed.pollNow();
    expect(status.lastError).toMatch(/could not be imported \(xml\).*not well-formed.*last good schedule stays/);
    expect(status.lastErrorAt).toBe(NOW);
    expect(hub.event!.sessions.map((s) => s.title)).toContain("Community CTF (moved)");
    expect(status.etag).toBe('"v2b"');
  });

  it("keeps the last good schedule when the server fails or is gone", async () => {
    upstream.status = 503;
    expect((await feed.pollNow()).lastError).toMatch(/HTTP 503/);
    upstream.status = 200;
    const gone = createFeed({ ...hub.deps, realNow: () => NOW, parse: async (input) => importSchedule(input) });
    const status = await gone.follow("http://127.0.0.1:9/nothing-listens-here", { intervalMs: 60 * 60_000 });
    gone.stop();
    expect(status.lastError).toMatch(/fetching .* failed/);
    expect(hub.replaced).toHaveLength(2);
  });
});

describe("a followed URL across restarts", () => {
  it("is remembered in the settings and resumed by a new feed, until stopped", async () => {
    Object.assign(upstream, { status: 200, body: XML, etag: '"v3"' });
    const saved = new Map<string, string>();
    const settings = { get: (k: string) => saved.get(k) ?? null, set: (k: string, v: string) => void saved.set(k, v) };
    const hub = memoryHub();
    const first = createFeed({ ...hub.deps, realNow: () => NOW, settings, parse: async (input) => importSchedule(input) });
    await first.follow(url, { intervalMs: 10 * 60_000, zone: "Europe/Berlin" });
    first.stop();
    expect(saved.get("import.feed")).toBe("");
    await first.follow(url, { intervalMs: 10 * 60_000, zone: "Europe/Berlin" });
    const second = createFeed({ ...hub.deps, realNow: () => NOW, settings, parse: async (input) => importSchedule(input) });
    const status = await second.resume();
    second.stop();
    first.stop();
    expect(status).toMatchObject({ url, intervalMs: 600_000, zone: "Europe/Berlin", lastError: null });
    expect(createFeed({ ...hub.deps, realNow: () => NOW, settings }).resume()).toBeNull();
  });

  it("is kept in the settings when the hub shuts down (close), unlike stop", async () => {
    Object.assign(upstream, { status: 200, body: XML, etag: '"v4"' });
    const saved = new Map<string, string>();
    const settings = { get: (k: string) => saved.get(k) ?? null, set: (k: string, v: string) => void saved.set(k, v) };
    const hub = memoryHub();
    const feed = createFeed({ ...hub.deps, realNow: () => NOW, settings, parse: async (input) => importSchedule(input) });
    await feed.follow(url, { intervalMs: 10 * 60_000 });
    await feed.close();
    expect(JSON.parse(saved.get("import.feed") ?? "null")).toMatchObject({ url, intervalMs: 600_000 });
  });
});
