// A screen holding its view's previous content resyncs by delta: what changed, under 4 kB,
// patching exactly into the snapshot the hub would send whole. Anything older gets the whole
// snapshot. Hub real time fixed at 2026-11-20 12:00 UTC, Planet Nix at 11:15 on 6 March 2025.
import { describe, expect, it } from "vitest";
import type { DisplaySnapshot, HelloReply } from "../../shared/protocol.js";
import { patchSnapshot } from "../../shared/snapshot-delta.js";
import { applyChange, connectDisplay, type DisplayClient, hello, KEY_1130, newScreenId, organizer, startPinnedHub, useOrganizerHub } from "./helpers.js";

const MAX_DELTA_BYTES = 4096;

function snapshotOf(reply: HelloReply): DisplaySnapshot {
  if (!reply.ok || !reply.snapshot) throw new Error(`expected a whole snapshot: ${JSON.stringify(reply)}`);
  return reply.snapshot;
}

describe("a screen one version behind on /display", () => {
  const fx = useOrganizerHub();

  function display(): DisplayClient {
    const socket = connectDisplay(fx.hub);
    fx.sockets.push(socket);
    return socket;
  }

  it("gets a delta under 4 kB that patches its snapshot into the current one", async () => {
    const screenId = newScreenId();
    const held = snapshotOf(await hello(display(), { screenId, view: "room:room-1", version: null, appVersion: fx.hub.appVersion }));
    expect((await applyChange(fx.admin, { kind: "delay", sessionKey: KEY_1130, minutes: 10 })).ok).toBe(true);

    const reply = await hello(display(), { screenId, view: "room:room-1", version: held.version, appVersion: fx.hub.appVersion });
    if (!reply.ok || !reply.delta) throw new Error(`expected a delta: ${JSON.stringify(reply)}`);
    expect(reply.snapshot).toBeNull();
    expect(JSON.stringify(reply.delta).length).toBeLessThan(MAX_DELTA_BYTES);
    expect(reply.delta.content.sessions?.upsert.length).toBeGreaterThan(0);

    const whole = snapshotOf(await hello(display(), { screenId, view: "room:room-1", version: null, appVersion: fx.hub.appVersion }));
    expect(whole.version).toBe(held.version + 1);
    expect(patchSnapshot(held, reply.delta)).toEqual(whole);
    expect(JSON.stringify(reply.delta).length).toBeLessThan(JSON.stringify(whole).length / 4);
  });

  it("gets the whole snapshot when it holds an older version than the previous one", async () => {
    const screenId = newScreenId();
    const held = snapshotOf(await hello(display(), { screenId, view: "room:room-1", version: null, appVersion: fx.hub.appVersion }));
    expect((await applyChange(fx.admin, { kind: "room-status", roomId: "room-1", status: "full" })).ok).toBe(true);
    expect((await applyChange(fx.admin, { kind: "room-status", roomId: "room-1", status: "open" })).ok).toBe(true);
    const reply = await hello(display(), { screenId, view: "room:room-1", version: held.version - 5, appVersion: fx.hub.appVersion });
    expect(snapshotOf(reply).version).toBe(held.version + 2);
    expect(reply.ok && reply.delta).toBeFalsy();
  });
});

describe("a screen one version behind when the hub restarts", () => {
  it("gets a delta from the restarted hub, which rebuilds the previous content from its changes", async () => {
    const first = await startPinnedHub();
    const { socket: admin } = await organizer(first);
    const screenId = newScreenId();
    const before = connectDisplay(first);
    const held = snapshotOf(await hello(before, { screenId, view: "room:room-1", version: null, appVersion: first.appVersion }));
    expect((await applyChange(admin, { kind: "delay", sessionKey: KEY_1130, minutes: 5 })).ok).toBe(true);
    admin.disconnect();
    before.disconnect();
    await first.close();

    // No demo and no clock start: a real event's hub restarts without a change of its own.
    const second = await startPinnedHub({ dataDir: first.dataDir, demo: null, clockStart: null });
    const [resyncing, fresh] = [connectDisplay(second), connectDisplay(second)];
    try {
      const reply = await hello(resyncing, { screenId, view: "room:room-1", version: held.version, appVersion: second.appVersion });
      if (!reply.ok || !reply.delta) throw new Error(`expected a delta: ${JSON.stringify(reply)}`);
      const whole = snapshotOf(await hello(fresh, { screenId, view: "room:room-1", version: null, appVersion: second.appVersion }));
      expect(patchSnapshot(held, reply.delta)).toEqual(whole);
    } finally {
      resyncing.disconnect();
      fresh.disconnect();
      await second.dispose();
    }
  });
});
