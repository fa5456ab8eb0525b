// The HTTP side of the hub (Express 5): health, sign-in, volunteer links, exports and the built
// pages. Built here, listened in roomcast.ts. Express 5 forwards async errors, so routes have no
// try/catch: one 404 handler and one error middleware answer for everything.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import { toRoomcastJson } from "../shared/formats/roomcast.js";
import type { Role } from "../shared/protocol.js";
import { type Auth, ORGANIZER, ORGANIZER_SESSION_MS, parseCookies, SESSION_COOKIE, VOLUNTEER_SESSION_MS } from "./auth.js";
import { effectiveToEvent, toIcs } from "./export.js";
import type { Hub } from "./hub.js";
import type { Log } from "./log.js";
import { createLoginLimiter } from "./rate-limit.js";
import { rootPath } from "./paths.js";

// The pages load only their own bundles and talk only to this hub: a schedule title or an
// announcement that slipped through as HTML still cannot run a script.
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** The display's service worker, served as written (see display/sw.js). */
export const SERVICE_WORKER_FILE = rootPath("display", "sw.js");

/** Largest JSON body accepted, bytes (imports bring their own limit on their router). */
export const MAX_JSON_BODY = "64kb";

export interface AppDeps {
  auth: Auth;
  hub: Hub;
  distDir: string;
  appVersion: string;
  realNow: () => number;
  log: Log;
  /** Routers mounted under /api before the JSON parser and the 404 handler, e.g. the import API. */
  extraRouters?: Router[];
}

const LoginSchema = z.object({ password: z.string().min(1).max(500) });
const PasswordChangeSchema = z.object({ current: z.string().min(1).max(500), next: z.string().min(12).max(500) });

const refuse = (res: Response, status: number, error: string, message: string) => res.status(status).json({ ok: false, error, message });

/** The signed-in role of a request, or null. */
export function requestRole(auth: Auth, req: Request): Role | null {
  return auth.roleFromCookie(req.headers.cookie);
}

/** Middleware for organizer-only routes (also for routers mounted through `extraRouters`). */
export function requireOrganizer(auth: Auth) {
  return (req: Request, res: Response, next: NextFunction) => {
    const role = requestRole(auth, req);
    if (!role) return void refuse(res, 401, "unauthorized", "sign in first");
    if (role.kind !== "organizer") return void refuse(res, 403, "forbidden", "only organizers may do this");
    next();
  };
}

export function createApp(deps: AppDeps): express.Express {
  const { auth, hub, distDir, realNow, log } = deps;
  const startedAt = realNow();
  const limiter = createLoginLimiter(realNow);
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.set({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "SAMEORIGIN" });
    next();
  });

  const setSession = (req: Request, res: Response, token: string, maxAge: number) =>
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/", maxAge });

  app.get("/healthz", (_req, res) => {
    const { schedule } = hub;
    res.json({ ok: true, version: schedule.version, eventId: schedule.stored.event.id, appVersion: deps.appVersion, uptimeSeconds: Math.round((realNow() - startedAt) / 1000) });
  });

  const api = express.Router();
  // Mounted before the JSON parser: imports read their own (much larger) raw bodies.
  for (const router of deps.extraRouters ?? []) api.use(router);
  api.use(express.json({ limit: MAX_JSON_BODY }));

  api.post("/login", async (req, res) => {
    const parsed = LoginSchema.safeParse(req.body);
    if (!parsed.success) return void refuse(res, 400, "invalid-payload", "send {\"password\": \"…\"}");
    const client = req.ip ?? "unknown";
    const wait = limiter.begin(client);
    if (wait !== null) {
      const seconds = Math.ceil(wait / 1000);
      res.set("Retry-After", String(seconds));
      return void refuse(res, 429, "rate-limited", `Too many attempts. Try again in ${seconds} s.`);
    }
    let ok = false;
    try {
      ok = await auth.checkPassword(parsed.data.password);
    } finally {
      limiter.finish(client, ok); // an exception counts as a failure and still releases the client
    }
    if (!ok) return void refuse(res, 401, "unauthorized", "Wrong password.");
    setSession(req, res, auth.openSession("organizer", null, realNow() + ORGANIZER_SESSION_MS), ORGANIZER_SESSION_MS);
    const role: Role = { kind: "organizer", name: ORGANIZER };
    res.json({ ok: true, role });
  });

  api.post("/logout", (req, res) => {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token) auth.closeSession(token);
    hub.dropEndedSessions(); // the page signed out here stops being live at once
    res.clearCookie(SESSION_COOKIE, { path: "/" });
    res.json({ ok: true });
  });

  api.get("/me", (req, res) => {
    const role = requestRole(auth, req);
    if (!role) return void refuse(res, 401, "unauthorized", "not signed in");
    res.json({ ok: true, role });
  });

  api.post("/password", requireOrganizer(auth), async (req, res) => {
    const parsed = PasswordChangeSchema.safeParse(req.body);
    if (!parsed.success) return void refuse(res, 400, "invalid-payload", "the new password needs at least 12 characters");
    if (!(await auth.checkPassword(parsed.data.current))) return void refuse(res, 403, "forbidden", "The current password is wrong.");
    await auth.changePassword(parsed.data.next, auth.sessionHashOf(req.headers.cookie));
    hub.dropEndedSessions(); // the other organizers' pages stop being live at once
    res.json({ ok: true });
  });

  api.get("/export.json", requireOrganizer(auth), (_req, res) => {
    const effective = hub.schedule.effective;
    res.attachment(`${effective.event.id}.roomcast.json`).json(toRoomcastJson(effectiveToEvent(effective)));
  });

  api.get("/export.ics", requireOrganizer(auth), (_req, res) => {
    const effective = hub.schedule.effective;
    res.attachment(`${effective.event.id}.ics`).type("text/calendar; charset=utf-8").send(toIcs(effective, realNow()));
  });

  app.use("/api", api);

  // Volunteer links: the token signs in once, then lives only as a session cookie.
  app.get("/v/:token", (req, res) => {
    const link = auth.linkFromToken(String(req.params.token));
    if (!link) {
      res.status(410).type("text/plain").send("This volunteer link is not valid any more. Ask an organizer for a new one.\n");
      return;
    }
    const expiresAt = Math.min(realNow() + VOLUNTEER_SESSION_MS, link.expiresAt ?? Number.MAX_SAFE_INTEGER);
    setSession(req, res, auth.openSession("volunteer", link.id, expiresAt), expiresAt - realNow());
    res.redirect(302, `/admin/#/room/${encodeURIComponent(link.roomIds[0] ?? "")}`);
  });

  // The built pages. Assets carry content hashes, so they are cached for good; the HTML never is.
  app.use("/assets", express.static(join(distDir, "assets"), { immutable: true, maxAge: "365d", index: false }));
  const page = (file: string) => (_req: Request, res: Response) => {
    const path = resolve(distDir, file); // sendFile needs an absolute path; distDir may be relative
    if (!existsSync(path)) return void res.status(503).type("text/plain").send("The pages are not built yet: run npm run build.\n");
    res.set({ "Cache-Control": "no-cache", "Content-Security-Policy": PAGE_CSP }).sendFile(path);
  };
  // The screens' service worker: a plain file beside the display sources (not built, so its URL
  // and scope stay put across builds). Its scope, /display, lies outside /display/sw.js's own
  // folder (/display/), hence Service-Worker-Allowed.
  app.get("/display/sw.js", (_req, res) => {
    res
      .set({ "Cache-Control": "no-cache", "Service-Worker-Allowed": "/display", "Content-Security-Policy": PAGE_CSP })
      .type("text/javascript; charset=utf-8")
      .sendFile(SERVICE_WORKER_FILE);
  });
  app.get("/display{/*rest}", page("display/index.html"));
  app.get("/admin{/*rest}", page("admin/index.html"));
  app.get("/", (_req, res) => res.redirect(302, "/admin/"));

  app.use((req, res) => {
    if (req.path.startsWith("/api/")) return void refuse(res, 404, "not-found", `no ${req.method} ${req.path}`);
    res.status(404).type("text/plain").send("Not found.\n");
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") return void refuse(res, 413, "too-large", `the body is larger than ${MAX_JSON_BODY}`);
    if (type === "entity.parse.failed") return void refuse(res, 400, "invalid-payload", "the body is not valid JSON");
    log.error(`${req.method} ${req.path} failed`, err);
    if (res.headersSent) return;
    refuse(res, 500, "internal", "something went wrong on the hub; it has been logged");
  });

  return app;
}
