// Concurrency: two organizers and ten volunteers applying changes at the same time converge on
// one effective schedule: every admin socket and every screen ends on the same version with
// the same sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeInputRaw, EffectiveSession } from "../../shared/model.js";
import type { AdminState, DisplaySnapshot, Result } from "../../shared/protocol.js";
import { type AdminClient, adminFeed, connectAdmin, loginCookie, startHub, type TestHub } from "../browser/harness.js";
import { type ConnectedDisplay, connectDisplay, eventually, volunteerCookie } from "./support.js";

const ORGANIZERS = 2;
const VOLUNTEERS = 10;
const ROUNDS = 5;

interface Actor {
  name: string;
  socket: AdminClient;
  latest: AdminState;
  rooms: string[] | null;
}

/** What a screen and an admin page must agree on, per session. */
const project = (s: EffectiveSession) => ({ key: s.key, roomId: s.roomId, start: s.start, end: s.end, status: s.status, title: s.displayTitle });

describe("two organizers and ten volunteers acting at once", () => {
  let hub: TestHub;
  const actors: Actor[] = [];
  const screens: ConnectedDisplay[] = [];

  async function join(name: string, cookie: string, rooms: string[] | null): Promise<Actor> {
    const { socket, state } = await connectAdmin(hub.url, cookie);
    const actor: Actor = { name, socket, latest: state, rooms };
    adminFeed(socket).on("state", (s: AdminState) => {
      actor.latest = s;
    });
    return actor;
  }

  beforeAll(async () => {
    hub = await startHub();
    for (let i = 0; i < ORGANIZERS; i++) actors.push(await join(`organizer ${i}`, await loginCookie(hub.url), null));
    const organizer = actors[0] as Actor;
    for (let i = 0; i < VOLUNTEERS; i++) {
      const roomIds = [i % 2 === 0 ? "room-1" : "room-2"];
      const made = await organizer.socket.timeout(3000).emitWithAck("volunteer:create", { label: `Volunteer ${i}`, roomIds });
      if (!made.ok || !made.link.url) throw new Error("volunteer:create failed");
      actors.push(await join(`volunteer ${i}`, await volunteerCookie(hub.url, made.link.url), roomIds));
    }
    for (const view of ["room:room-1", "room:room-2", "lobby"]) {
      for (let i = 0; i < 3; i++) screens.push(await connectDisplay(hub.url, `conc-${view.replace(/\W/g, "")}-${i}xx`, view));
    }
  });

  afterAll(async () => {
    for (const a of actors) a.socket.close();
    for (const s of screens) s.socket.close();
    await hub?.dispose();
  });

  /** Two changes an actor makes in one round, within their rights. */
  function changesOf(actor: Actor, round: number, sessions: EffectiveSession[]): ChangeInputRaw[] {
    const inRooms = sessions.filter((s) => s.status === "scheduled" && (!actor.rooms || actor.rooms.includes(s.roomId)));
    const pick = (n: number) => inRooms[(round * 7 + n) % inRooms.length]?.key ?? "";
    if (!actor.rooms) {
      return [
        round % 2 === 0 ? { kind: "cancel", sessionKey: pick(1) } : { kind: "restore", sessionKey: pick(3) },
        { kind: "edit", sessionKey: pick(2), fields: { title: `${actor.name} retitled in round ${round}` } },
      ];
    }
    const room = actor.rooms[0] as string;
    return [
      { kind: "delay", sessionKey: pick(actor.name.length + round), minutes: 1 + (round % 3) },
      round % 2 === 0 ? { kind: "room-status", roomId: room, status: "full" } : { kind: "started", sessionKey: pick(4) },
    ];
  }

  it(`converges on one version and one schedule on all ${ORGANIZERS + VOLUNTEERS} admin sockets and 9 screens after ${ROUNDS} rounds`, async () => {
    const results: Result<{ version: number }>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const sessions = (actors[0] as Actor).latest.sessions;
      // Everyone at once: no actor waits for another.
      const sent = actors.flatMap((a) => changesOf(a, round, sessions).map((c) => a.socket.timeout(5000).emitWithAck("change:apply", c)));
      results.push(...(await Promise.all(sent)));
    }
    const accepted = results.filter((r): r is Extract<typeof r, { ok: true }> => r.ok);
    expect(accepted.length).toBeGreaterThan(ROUNDS * (ORGANIZERS + VOLUNTEERS));
    for (const r of results) if (!r.ok) expect(r.error).not.toBe("internal");
    // Versions are handed out once each: no two acknowledged changes share one.
    expect(new Set(accepted.map((r) => r.version)).size).toBe(accepted.length);

    // A last change every view shows, so every screen must end on the final version.
    const last = await (actors[0] as Actor).socket
      .timeout(5000)
      .emitWithAck("change:apply", { kind: "announce", announcementId: "final", text: "All done", target: { kind: "all" } });
    if (!last.ok) throw new Error(`final change refused: ${last.error}`);
    const final = last.version;
    expect(final).toBeGreaterThan(Math.max(...accepted.map((r) => r.version)));

    await eventually("every admin socket on the final version", () => actors.every((a) => a.latest.version === final));
    await eventually("every screen on the final version", () => screens.every((s) => s.latest().version === final));

    const truth = (actors[0] as Actor).latest;
    const expected = truth.sessions.map(project);
    for (const a of actors) {
      expect(a.latest.sessions.map(project), a.name).toEqual(expected);
      expect(a.latest.roomStatus, a.name).toEqual(truth.roomStatus);
    }
    for (const s of screens) {
      const snapshot: DisplaySnapshot = s.latest();
      const rooms = snapshot.view?.startsWith("room:") ? [snapshot.view.slice(5)] : ["room-1", "room-2"];
      expect(snapshot.sessions.map(project), snapshot.view ?? "").toEqual(expected.filter((p) => rooms.includes(p.roomId)));
      expect(snapshot.announcements.map((a) => a.id)).toContain("final");
    }
  });
});
