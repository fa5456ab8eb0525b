// POST /api/import: preview (dry run) then apply, refusals, organizer only — over real HTTP,
// with the parse running in the worker thread.
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportRouter } from "../../server/import/routes.js";
import { closeImportWorker } from "../../server/import/worker.js";
import { memoryHub } from "./import-support.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/formats");
const hub = memoryHub();
let server: Server;
let base = "";

beforeAll(async () => {
  const app = express();
  const api = express.Router();
  api.use(express.json({ limit: "64kb" }));
  api.use(
    createImportRouter({
      ...hub.deps,
      requireOrganizer: (req, res, next) => (req.headers["x-test-role"] === "organizer" ? next() : void res.status(401).json({ ok: false, error: "unauthorized", message: "sign in first" })),
    }),
  );
  app.use("/api", api);
  server = createServer(app).listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await closeImportWorker();
});

function post(query: string, body: string, type = "application/octet-stream", role = "organizer") {
  return fetch(`${base}/api/import${query}`, { method: "POST", headers: { "content-type": type, "x-test-role": role }, body });
}

describe("the import API", () => {
  const xml = readFileSync(resolve(FIXTURES, "pretalx-quirks.xml"), "utf8");

  it("previews a file without storing it: report and diff", async () => {
    const res = await post("?dryRun=1&name=pretalx-quirks.xml", xml);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, applied: false, version: null, report: { format: "frab-xml", sessions: 2, rooms: 2 } });
    expect(body.diff.added).toHaveLength(2);
    expect(hub.replaced).toHaveLength(0);
  });

  it("applies a file in one call and answers with the new version", async () => {
    const res = await post("?name=pretalx-quirks.xml", xml);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, applied: true, version: 2 });
    expect(hub.replaced[0]!.source).toEqual({ kind: "file", name: "pretalx-quirks.xml" });
    expect(hub.event?.title).toBe("Quirk Camp 2026");
  });

  it("shows an unchanged diff when the same file is previewed again", async () => {
    const body = await (await post("?dryRun=1", xml)).json();
    expect(body.diff.unchanged).toBe(true);
  });

  it("accepts a JSON schedule sent as application/json", async () => {
    const json = readFileSync(resolve(FIXTURES, "schedule2-cancelled.json"), "utf8");
    const body = await (await post("?dryRun=1", json, "application/json")).json();
    expect(body.report.format).toBe("c3voc-schedule2");
  });

  it("imports pasted text with the zone from the query", async () => {
    const text = "Thursday, March 6, 2025\nRoom 1\n09:15 - 09:30\nOpening\nAda Lovelace\n";
    const body = await (await post("?dryRun=1&kind=text&zone=America/Los_Angeles", text, "text/plain")).json();
    expect(body.ok).toBe(true);
    expect(body.report.format).toBe("text");
  });

  it("refuses what is not a schedule with 422 and the importer's errors, storing nothing", async () => {
    const before = hub.replaced.length;
    const res = await post("", "<rss><channel/></rss>");
    const body = await res.json();
    expect(res.status).toBe(422);
    expect(body).toMatchObject({ ok: false, error: "invalid-payload", format: "xml" });
    expect(body.errors[0].message).toMatch(/not a schedule/);
    expect(hub.replaced.length).toBe(before);
  });

  it("refuses anyone but an organizer", async () => {
    const res = await post("?dryRun=1", xml, "application/octet-stream", "volunteer");
    expect(res.status).toBe(401);
  });

  it("refuses an empty body", async () => {
    const res = await post("?dryRun=1", "");
    expect(res.status).toBe(400);
  });
});
