// The import API the admin page uses (and `curl`):
//   POST /api/import?zone=&name=&kind=file|text&dryRun=1   body: the raw file (any content type)
//     → 200 { ok, applied, version, report, diff }  or 422 { ok: false, error, message, format, errors }
//   GET  /api/import/feed                                  → the URL feed's status
//   POST /api/import/feed { url, intervalMinutes, zone? }  → follow a URL (polls at once)
//   DELETE /api/import/feed                                → stop following
// Send files as application/octet-stream or text/plain: a JSON content type is parsed by the
// API's small JSON body limit first (a parsed body is accepted too, re-serialised).
import express, { type Request, type RequestHandler, type Response } from "express";
import { z } from "zod";
import type { Change, Event } from "../../shared/model.js";
import type { ImportReport } from "../../shared/formats/types.js";
import { type ImportDeps, type ImportSourceKind, runImport } from "./apply.js";
import type { Feed } from "./feed.js";

/** Largest schedule file accepted over HTTP. */
export const MAX_IMPORT_BODY = "40mb";

export interface ImportRouterDeps {
  getEvent(): Event | null;
  getChanges(): Change[];
  replaceEvent(event: Event, source: { kind: ImportSourceKind; name: string }, report: ImportReport): Promise<{ version: number }>;
  requireOrganizer: RequestHandler;
  /** The URL follower; the feed endpoints answer 404 without one. */
  feed?: Feed;
  parse?: ImportDeps["parse"];
}

const Query = z.object({
  zone: z.string().max(100).optional(),
  name: z.string().max(300).optional(),
  kind: z.enum(["file", "text", "url"]).optional(),
  dryRun: z.enum(["1", "0", "true", "false"]).optional(),
});

const FeedBody = z.object({
  url: z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), { message: "only http(s) URLs" }),
  intervalMinutes: z.number().min(0.5).max(24 * 60).default(5),
  zone: z.string().max(100).nullable().optional(),
});

function bodyText(req: Request): string | null {
  const body: unknown = req.body;
  if (Buffer.isBuffer(body)) return new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
  if (typeof body === "string") return body;
  if (body !== null && typeof body === "object" && Object.keys(body).length > 0) return JSON.stringify(body);
  return null;
}

const refuse = (res: Response, status: number, error: string, message: string, extra: object = {}) => res.status(status).json({ ok: false, error, message, ...extra });

export function createImportRouter(deps: ImportRouterDeps): express.Router {
  const router = express.Router();
  const importDeps: ImportDeps = { getEvent: deps.getEvent, getChanges: deps.getChanges, replaceEvent: deps.replaceEvent, ...(deps.parse ? { parse: deps.parse } : {}) };

  router.post("/import", deps.requireOrganizer, express.raw({ type: () => true, limit: MAX_IMPORT_BODY }), async (req, res) => {
    const query = Query.safeParse(req.query);
    if (!query.success) return void refuse(res, 400, "invalid-payload", "query: zone, name, kind (file|text), dryRun (1|0)");
    const text = bodyText(req);
    if (text === null || text.trim() === "") return void refuse(res, 400, "invalid-payload", "send the schedule file as the request body");
    const { zone, name, kind, dryRun } = query.data;
    const outcome = await runImport(
      importDeps,
      { text, ...(name ? { fileName: name } : {}), ...(zone ? { zone } : {}) },
      { kind: kind ?? "file", name: name ?? "upload" },
      { dryRun: dryRun === "1" || dryRun === "true" },
    );
    if (!outcome.ok) {
      const first = outcome.errors[0];
      return void refuse(res, 422, "invalid-payload", first ? `${first.path}: ${first.message}` : "not a schedule", { format: outcome.format, errors: outcome.errors });
    }
    res.json({ ok: true, applied: outcome.applied, version: outcome.version, report: outcome.report, diff: outcome.diff });
  });

  router.get("/import/feed", deps.requireOrganizer, (_req, res) => {
    if (!deps.feed) return void refuse(res, 404, "not-found", "this hub does not follow schedule URLs");
    res.json({ ok: true, feed: deps.feed.status() });
  });

  router.post("/import/feed", deps.requireOrganizer, express.json({ limit: "8kb" }), async (req, res) => {
    if (!deps.feed) return void refuse(res, 404, "not-found", "this hub does not follow schedule URLs");
    const parsed = FeedBody.safeParse(req.body);
    if (!parsed.success) return void refuse(res, 400, "invalid-payload", "send {\"url\": \"https://…/schedule.xml\", \"intervalMinutes\": 5, \"zone\": \"Europe/Brussels\"}");
    const status = await deps.feed.follow(parsed.data.url, { intervalMs: parsed.data.intervalMinutes * 60_000, zone: parsed.data.zone ?? null });
    res.json({ ok: true, feed: status });
  });

  router.delete("/import/feed", deps.requireOrganizer, (_req, res) => {
    if (!deps.feed) return void refuse(res, 404, "not-found", "this hub does not follow schedule URLs");
    deps.feed.stop();
    res.json({ ok: true, feed: deps.feed.status() });
  });

  return router;
}
