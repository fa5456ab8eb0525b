// The screen registry: unique pairing codes, bookkeeping written in batches, and a bound on how
// many screens it remembers that never forgets one an organizer named or assigned.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createScreenRegistry, MAX_SCREENS } from "../../server/screens.js";
import { openStore, type ScreenRow, type Store } from "../../server/store.js";

let dir = "";
let store: Store | null = null;
function freshStore(): Store {
  dir = mkdtempSync(join(tmpdir(), "roomcast-screens-"));
  store = openStore(dir);
  return store;
}
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the screen registry", () => {
  it("gives every new screen its own pairing code and remembers it across restarts once flushed", () => {
    let now = 1_000;
    const s = freshStore();
    const registry = createScreenRegistry(s, () => now++);
    const codes = new Set<string>();
    for (let i = 0; i < 500; i++) codes.add(registry.connect(`screen-${i}-abcdefgh`, `sock-${i}`, "")?.pairingCode ?? "");
    expect(codes.size).toBe(500);
    expect(s.listScreens()).toHaveLength(0); // nothing written per hello
    registry.flush();
    const again = createScreenRegistry(s, () => now);
    expect(again.get("screen-7-abcdefgh")?.pairingCode).toBe(registry.get("screen-7-abcdefgh")?.pairingCode);
  });

  it("is online while any of its connections is, and one screen's connections never touch another's", () => {
    const s = freshStore();
    const registry = createScreenRegistry(s, () => 1_000);
    registry.connect("door-a-abcdefgh", "sock-1", "");
    registry.connect("door-a-abcdefgh", "sock-2", ""); // a second tab, or a reconnect before the old socket closed
    registry.connect("door-b-abcdefgh", "sock-3", "");
    registry.disconnect("door-b-abcdefgh", "sock-3");
    const online = () => Object.fromEntries(registry.list().map((e) => [e.screenId, e.online]));
    expect(online()).toEqual({ "door-a-abcdefgh": true, "door-b-abcdefgh": false });
    registry.disconnect("door-a-abcdefgh", "sock-1");
    expect(online()["door-a-abcdefgh"]).toBe(true);
    registry.disconnect("door-a-abcdefgh", "sock-2");
    registry.disconnect("door-a-abcdefgh", "sock-2"); // twice is harmless
    expect(online()).toEqual({ "door-a-abcdefgh": false, "door-b-abcdefgh": false });
    // Offline screens, remembered or new, stay offline while another connects.
    registry.flush();
    const again = createScreenRegistry(s, () => 2_000);
    again.connect("door-c-abcdefgh", "sock-4", "");
    const after = Object.fromEntries(again.list().map((e) => [e.screenId, e.online]));
    expect(after).toEqual({ "door-a-abcdefgh": false, "door-b-abcdefgh": false, "door-c-abcdefgh": true });
  });

  it("keeps only connected screens in memory once bookkeeping is written; an offline screen is still listed, edited and recognised", () => {
    let now = 1_000;
    const s = freshStore();
    const registry = createScreenRegistry(s, () => now++);
    const door = registry.connect("door-a-abcdefgh", "sock-1", "build-1");
    registry.connect("door-b-abcdefgh", "sock-2", "build-1");
    registry.disconnect("door-a-abcdefgh", "sock-1");
    expect(registry.inMemory).toBe(2); // offline, but not written yet
    registry.flush();
    expect(registry.inMemory).toBe(1);
    expect(s.getScreen("door-a-abcdefgh")?.pairingCode).toBe(door?.pairingCode);

    // An organizer names and assigns it while it is offline: written at once, still not in memory.
    expect(registry.update("door-a-abcdefgh", { name: "Main hall door", view: "room:room-1" })?.name).toBe("Main hall door");
    expect(registry.inMemory).toBe(1);
    expect(registry.get("door-a-abcdefgh")).toMatchObject({ name: "Main hall door", view: "room:room-1", pairingCode: door?.pairingCode });
    expect(registry.list().map((e) => [e.screenId, e.online, e.name])).toEqual([
      ["door-a-abcdefgh", false, "Main hall door"],
      ["door-b-abcdefgh", true, null],
    ]);

    // It comes back as itself.
    const back = registry.connect("door-a-abcdefgh", "sock-3", "build-2");
    expect(back).toMatchObject({ pairingCode: door?.pairingCode, name: "Main hall door", view: "room:room-1", appVersion: "build-2" });
    expect(registry.list().find((e) => e.screenId === "door-a-abcdefgh")?.online).toBe(true);

    // Forgetting an offline screen removes its row; it would come back as a new screen.
    registry.disconnect("door-a-abcdefgh", "sock-3");
    registry.flush();
    expect(registry.forget("door-a-abcdefgh")).not.toBeNull();
    expect(registry.get("door-a-abcdefgh")).toBeUndefined();
    expect(s.getScreen("door-a-abcdefgh")).toBeNull();
    expect(registry.forget("door-a-abcdefgh")).toBeNull();
  });

  it("reads the screens online when the hub stopped in one query at start; those that come back need no query of their own, the rest leave memory with the next flush", () => {
    let now = 1_000_000;
    const s = freshStore();
    const before = createScreenRegistry(s, () => now);
    for (const id of ["door-a-abcdefgh", "door-b-abcdefgh", "lobby-abcdefgh", "old-door-abcdefgh"]) before.connect(id, `sock-${id}`, "build-1");
    before.update("door-b-abcdefgh", { name: "Hall B" });
    before.flush();
    // The old door was last seen 10 minutes before the others: it was not online at the stop.
    s.saveScreens([{ ...(s.getScreen("old-door-abcdefgh") as ScreenRow), lastSeen: now - 10 * 60_000 }]);
    now += 60 * 60_000; // the hub was down an hour: what counts is when each was seen against the others

    const after = createScreenRegistry(s, () => now);
    expect(after.expectReturning()).toBe(3);
    expect(after.inMemory).toBe(3);
    const reads = vi.spyOn(s, "getScreen");
    const back = after.connect("door-b-abcdefgh", "sock-2", "build-2");
    expect(back).toMatchObject({ name: "Hall B", pairingCode: before.get("door-b-abcdefgh")?.pairingCode, appVersion: "build-2" });
    expect(reads).not.toHaveBeenCalled();
    expect(after.connect("old-door-abcdefgh", "sock-9", "build-2")?.pairingCode).toBe(before.get("old-door-abcdefgh")?.pairingCode);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(after.list().filter((e) => e.online).map((e) => e.screenId).sort()).toEqual(["door-b-abcdefgh", "old-door-abcdefgh"]);

    after.flush();
    expect(after.inMemory).toBe(2); // the two that did not come back are rows only again
    expect(after.get("door-a-abcdefgh")?.pairingCode).toBe(before.get("door-a-abcdefgh")?.pairingCode);
    expect(after.list()).toHaveLength(4);
  });

  it("lists from memory alone while memory holds every remembered screen, and from the database once one is a row only", () => {
    let now = 1_000;
    const s = freshStore();
    const registry = createScreenRegistry(s, () => now++);
    registry.connect("door-a-abcdefgh", "sock-1", "build-1");
    registry.connect("door-b-abcdefgh", "sock-2", "build-1");
    registry.flush();
    const reads = vi.spyOn(s, "listScreens");
    expect(registry.list().map((e) => e.screenId).sort()).toEqual(["door-a-abcdefgh", "door-b-abcdefgh"]);
    expect(reads).not.toHaveBeenCalled();

    registry.disconnect("door-a-abcdefgh", "sock-1");
    registry.flush(); // door A is a row only now
    expect(registry.list().map((e) => [e.screenId, e.online])).toEqual([
      ["door-a-abcdefgh", false],
      ["door-b-abcdefgh", true],
    ]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it(`forgets the longest-unseen idle screens in one batch when ${MAX_SCREENS} are remembered, never a named or assigned one`, () => {
    let now = 1_000;
    const s = freshStore();
    const registry = createScreenRegistry(s, () => now++);
    registry.connect("oldest-assigned-1", "sock-a", "");
    registry.disconnect("oldest-assigned-1", "sock-a");
    registry.update("oldest-assigned-1", { view: "room:room-1" });
    registry.connect("oldest-online-abcdefgh", "sock-b", ""); // unnamed, unassigned, but connected
    for (let i = 2; i < MAX_SCREENS; i++) {
      registry.connect(`idle-${i}-abcdefgh`, `sock-${i}`, "");
      registry.disconnect(`idle-${i}-abcdefgh`, `sock-${i}`);
    }
    registry.flush();
    expect(registry.list()).toHaveLength(MAX_SCREENS);

    expect(registry.connect("newcomer-abcdefgh", "sock-new", "")).not.toBeNull();
    const left = registry.list();
    expect(left).toHaveLength(MAX_SCREENS - MAX_SCREENS / 10 + 1);
    expect(registry.get("oldest-assigned-1")).toBeDefined();
    expect(registry.get("oldest-online-abcdefgh")?.sockets.size).toBe(1);
    expect(registry.get("idle-2-abcdefgh")).toBeUndefined();
    expect(registry.get(`idle-${MAX_SCREENS - 1}-abcdefgh`)).toBeDefined();
    expect(s.listScreens()).toHaveLength(MAX_SCREENS - MAX_SCREENS / 10); // the newcomer is not written yet

    // A hub started on a full database counts its rows: the first new screen makes room again.
    registry.flush();
    const rows = s.listScreens().length;
    for (let i = 0; rows + i < MAX_SCREENS; i++) s.saveScreens([{ id: `filler-${i}-abcdefgh`, pairingCode: `f${i}`, name: null, view: null, firstSeen: 1, lastSeen: 1, clockOffsetMs: null, appVersion: null, shownView: null, urlView: null, assignedOverUrl: null }]);
    const restarted = createScreenRegistry(s, () => now++);
    expect(restarted.connect("after-restart-abcdefgh", "sock-r", "")).not.toBeNull();
    expect(s.listScreens().length).toBe(MAX_SCREENS - MAX_SCREENS / 10);
  });

  it("keeps screens it could not write in memory and dirty, and writes them next time", () => {
    const s = freshStore();
    const registry = createScreenRegistry(s, () => 1_000);
    const door = registry.connect("door-a-abcdefgh", "sock-1", "");
    registry.disconnect("door-a-abcdefgh", "sock-1");
    const save = s.saveScreens;
    s.saveScreens = () => {
      throw new Error("disk full");
    };
    expect(() => registry.flush()).toThrow("disk full");
    expect(registry.inMemory).toBe(1);
    s.saveScreens = save;
    registry.flush();
    expect(registry.inMemory).toBe(0);
    expect(s.getScreen("door-a-abcdefgh")?.pairingCode).toBe(door?.pairingCode);
  });
});
