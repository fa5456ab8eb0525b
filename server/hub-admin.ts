// /admin: organizers and volunteers, signed in by the session cookie in the handshake.
// Commands follow one shape: parse → authorize → act (commit) → ack → broadcast.
import type { z } from "zod";
import {
  ScreenAssignSchema,
  ScreenCommandSchema,
  ScreenRenameSchema,
  toIssues,
  VolunteerLinkCreateSchema,
  VolunteerLinkRevokeSchema,
} from "../shared/protocol.js";
import type { ChangePreview, Failure, Role, VolunteerLinkInfo } from "../shared/protocol.js";
import { type AdminNamespace, command, fail, type HubContext } from "./hub-context.js";
import { affectedRooms, diffSessions } from "./preview.js";
import { assignment, resolveView } from "./screens.js";
import { viewContent, viewOfRoom, viewRoom } from "./views.js";

const UNAUTHORIZED: Failure = { ok: false, error: "unauthorized", message: "sign in again" };
const ORGANIZERS_ONLY: Failure = { ok: false, error: "forbidden", message: "only organizers may do this" };

export function attachAdmin(nsp: AdminNamespace, ctx: HubContext): void {
  const log = ctx.log.child("admin");

  nsp.use((socket, next) => {
    // The handshake's copy: display connections release the raw request to save memory.
    const sessionHash = ctx.auth.sessionHashOf(socket.handshake.headers.cookie);
    const role = ctx.auth.roleOfSession(sessionHash);
    if (!role || !sessionHash) return next(new Error("unauthorized"));
    socket.data.role = role;
    socket.data.sessionHash = sessionHash;
    next();
  });

  /** Payload parse with a wire-ready refusal. */
  function parse<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | Failure {
    const parsed = schema.safeParse(raw);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : fail("invalid-payload", "the payload does not match its schema", { issues: toIssues(parsed.error) });
  }

  nsp.on("connection", (socket) => {
    ctx.admission?.settled(socket.request.socket);
    const role = socket.data.role;
    socket.join(role.kind === "organizer" ? "organizers" : `link:${role.linkId}`);
    socket.emit("admin:state", ctx.adminState(role));

    /** The role right now: a logout, an expired session or a revoked link stops it at once. */
    function currentRole(): Role | null {
      const now = ctx.auth.roleOfSession(socket.data.sessionHash);
      if (!now) setImmediate(() => socket.disconnect(true));
      return now;
    }

    // A patch did not fit what this admin holds: the whole state again. Takes no payload.
    socket.on("admin:resync", () => {
      const who = currentRole();
      if (who) socket.emit("admin:state", ctx.adminState(who));
    });

    function organizerCommand<S extends z.ZodType>(
      name: Parameters<typeof socket.on>[0],
      schema: S,
      act: (payload: z.infer<S>) => Failure | null,
    ) {
      socket.on(
        name,
        command(log, name, (raw: unknown, ack) => {
          const who = currentRole();
          if (!who) return ack(UNAUTHORIZED);
          if (who.kind !== "organizer") return ack(ORGANIZERS_ONLY);
          const parsed = parse(schema, raw);
          if (!parsed.ok) return ack(parsed);
          const refusal = act(parsed.data);
          ack(refusal ?? { ok: true });
        }),
      );
    }

    socket.on(
      "change:apply",
      command(log, "change:apply", (raw: unknown, ack) => {
        const who = currentRole();
        if (!who) return ack(UNAUTHORIZED);
        const result = ctx.schedule.apply(raw, who);
        ack(result);
        if (result.ok) ctx.publish();
      }),
    );

    socket.on(
      "change:preview",
      command<unknown, { preview: ChangePreview }>(log, "change:preview", (raw, ack) => {
        const who = currentRole();
        if (!who) return ack(UNAUTHORIZED);
        const prepared = ctx.schedule.prepare(raw, who);
        if (!prepared.ok) return ack(prepared);
        const before = ctx.schedule.effective;
        const after = ctx.schedule.foldWith(prepared.input);
        const sessions = diffSessions(before, after);
        const at = ctx.schedule.now();
        let screens = 0;
        for (const [room, members] of ctx.display.adapter.rooms) {
          const view = viewOfRoom(room);
          if (view === undefined) continue;
          if (JSON.stringify(viewContent(before, view, at)) !== JSON.stringify(viewContent(after, view, at))) screens += members.size;
        }
        ack({ ok: true, preview: { sessions, roomIds: affectedRooms(before, after, sessions), screens } });
      }),
    );

    const screenSockets = (screenId: string) => {
      const entry = ctx.screens.get(screenId);
      return entry ? [...entry.sockets].flatMap((id) => ctx.display.sockets.get(id) ?? []) : [];
    };
    const noScreen = (screenId: string) => fail("not-found", `no screen "${screenId}"`);

    organizerCommand("screen:assign", ScreenAssignSchema, ({ screenId, view }) => {
      const known = ctx.screens.get(screenId);
      if (!known) return noScreen(screenId);
      // An assignment wins over the view the screen's URL names (see resolveView); known.urlView is
      // that of its latest hello, so an offline screen is assigned over the URL it had last.
      const entry = ctx.screens.update(screenId, assignment(view, known.urlView));
      if (!entry) return noScreen(screenId);
      // A broadcast of its old view still waiting must reach the screen before its new view does.
      ctx.flushDisplays();
      for (const s of screenSockets(screenId)) {
        const shown = resolveView(entry, s.data.urlView ?? null);
        if (s.data.view !== undefined) s.leave(viewRoom(s.data.view));
        s.data.view = shown;
        ctx.screens.shows(screenId, shown);
        s.join(viewRoom(shown));
        s.emit("screen:assigned", { view: shown, screenName: entry.name });
        s.emit("schedule:changed", ctx.snapshotFor(shown, entry));
      }
      ctx.screensChanged();
      return null;
    });

    organizerCommand("screen:rename", ScreenRenameSchema, ({ screenId, name }) => {
      const entry = ctx.screens.update(screenId, { name: name || null });
      if (!entry) return noScreen(screenId);
      ctx.flushDisplays();
      for (const s of screenSockets(screenId)) s.emit("screen:assigned", { view: s.data.view ?? null, screenName: entry.name });
      ctx.screensChanged();
      return null;
    });

    organizerCommand("screen:identify", ScreenCommandSchema, ({ screenId }) => {
      const entry = ctx.screens.get(screenId);
      if (!entry) return noScreen(screenId);
      for (const s of screenSockets(screenId)) s.emit("screen:identify", { name: entry.name ?? entry.pairingCode, pairingCode: entry.pairingCode });
      return null;
    });

    organizerCommand("screen:reload", ScreenCommandSchema, ({ screenId }) => {
      if (!ctx.screens.get(screenId)) return noScreen(screenId);
      for (const s of screenSockets(screenId)) s.emit("screen:reload");
      return null;
    });

    organizerCommand("screen:forget", ScreenCommandSchema, ({ screenId }) => {
      const sockets = screenSockets(screenId);
      if (!ctx.screens.forget(screenId)) return noScreen(screenId);
      // It may come back, as a new screen with a new pairing code.
      for (const s of sockets) s.disconnect(true);
      ctx.screensChanged();
      return null;
    });

    socket.on(
      "volunteer:create",
      command<unknown, { link: VolunteerLinkInfo }>(log, "volunteer:create", (raw, ack) => {
        const who = currentRole();
        if (!who) return ack(UNAUTHORIZED);
        if (who.kind !== "organizer") return ack(ORGANIZERS_ONLY);
        const parsed = parse(VolunteerLinkCreateSchema, raw);
        if (!parsed.ok) return ack(parsed);
        const { label, roomIds, expiresAt } = parsed.data;
        const known = new Set(ctx.schedule.effective.rooms.map((r) => r.id));
        const unknown = roomIds.find((id) => !known.has(id));
        if (unknown) return ack(fail("not-found", `no room "${unknown}"`));
        if (expiresAt !== null && expiresAt <= ctx.realNow()) return ack(fail("invalid-payload", "the expiry is in the past"));
        const { link, token } = ctx.auth.createLink(label, [...new Set(roomIds)], expiresAt);
        ack({ ok: true, link: { ...ctx.linkInfo(link), url: `/v/${token}` } });
        ctx.publishAdmins("organizers");
      }),
    );

    organizerCommand("volunteer:revoke", VolunteerLinkRevokeSchema, ({ id }) => {
      if (!ctx.store.getLink(id)) return fail("not-found", `no volunteer link "${id}"`);
      ctx.store.revokeLink(id);
      nsp.in(`link:${id}`).disconnectSockets(true);
      ctx.publishAdmins("organizers");
      return null;
    });
  });
}
