import { describe, expect, it } from "vitest";
import type { DisplaySocket } from "../../display/stores/clock.js";
import { assignmentAtBoot, createSchedule, encodeAssignment, needsReload } from "../../display/stores/schedule.js";
import { memoryStorage } from "../../display/stores/storage.js";
import type { DisplaySnapshot, HelloReply, ScreenHello } from "../../shared/protocol.js";
import { contentHash, contentOf, diff } from "../../shared/snapshot-delta.js";

/** Just enough of a socket.io client: records hellos, lets the test fire hub events. */
function fakeSocket(reply: (hello: ScreenHello) => HelloReply) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const hellos: ScreenHello[] = [];
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, fn);
      return socket;
    },
    timeout() {
      return {
        emit(_event: string, hello: ScreenHello, ack: (err: Error | null, r: HelloReply) => void) {
          hellos.push(hello);
          ack(null, reply(hello));
        },
      };
    },
  };
  return { socket: socket as unknown as DisplaySocket, hellos, fire: (event: string, ...args: unknown[]) => handlers.get(event)?.(...args) };
}

function snapshot(over: Partial<DisplaySnapshot> = {}): DisplaySnapshot {
  return {
    version: 3,
    appVersion: "build-1",
    view: "room:room-1",
    pairingCode: "K7Q2",
    screenName: null,
    event: { id: "planet-nix-2025", title: "Planet Nix 2025", timeZone: "America/Los_Angeles", dayChangeHour: 4, defaultSessionMinutes: 30, venue: null, url: null },
    rooms: [{ id: "room-1", name: "Room 1", order: 1 }],
    sessions: [],
    roomStatus: {},
    announcements: [],
    clock: null,
    ...over,
  };
}

const deps = (storage: ReturnType<typeof memoryStorage>, urlView: string | null, reloads: string[] = []) => ({
  storage,
  screenId: "screen-test-0001",
  urlView,
  reload: () => void reloads.push("reload"),
});

describe("the schedule store", () => {
  it("boots from the cached snapshot and tells the hub which version it holds", () => {
    const storage = memoryStorage({ "roomcast.snapshot": JSON.stringify(snapshot({ version: 7 })) });
    const { socket, hellos, fire } = fakeSocket(() => ({ ok: true, version: 7, snapshot: null }));
    const store = createSchedule(socket, deps(storage, "room:room-1"));
    expect(store.snapshot.value?.version).toBe(7);
    fire("connect");
    expect(hellos[0]).toMatchObject({ screenId: "screen-test-0001", view: "room:room-1", version: 7 });
    expect(store.snapshot.value?.version).toBe(7);
  });

  it("caches every snapshot the hub sends", () => {
    const storage = memoryStorage();
    const { socket, fire } = fakeSocket(() => ({ ok: true, version: 3, snapshot: snapshot() }));
    createSchedule(socket, deps(storage, "room:room-1"));
    fire("connect");
    fire("schedule:changed", snapshot({ version: 4 }));
    expect(JSON.parse(storage.get("roomcast.snapshot") ?? "{}").version).toBe(4);
  });

  it("switches an unassigned screen to its view the moment it is assigned, and remembers it", () => {
    const storage = memoryStorage();
    const { socket, hellos, fire } = fakeSocket((h) => ({ ok: true, version: 3, snapshot: snapshot({ view: h.view }) }));
    const store = createSchedule(socket, deps(storage, null));
    fire("connect");
    expect(store.view.value).toBeNull();
    expect(store.snapshot.value?.pairingCode).toBe("K7Q2");
    fire("screen:assigned", { view: "lobby", screenName: "Hall" });
    expect(store.view.value).toBe("lobby");
    fire("schedule:changed", snapshot({ view: "lobby" })); // the hub follows with the view's snapshot
    // After a reboot the screen still knows its view, and does not claim it as a URL view.
    const rebooted = fakeSocket(() => ({ ok: true, version: 3, snapshot: null }));
    const again = createSchedule(rebooted.socket, deps(storage, null));
    expect(again.view.value).toBe("lobby");
    rebooted.fire("connect");
    expect(rebooted.hellos[0]).toMatchObject({ view: null, version: 3 });
    expect(hellos).toHaveLength(1);
  });

  it("keeps its pairing code and name when a broadcast snapshot carries none", () => {
    const storage = memoryStorage();
    const { socket, fire } = fakeSocket(() => ({ ok: true, version: 3, snapshot: snapshot({ screenName: "Door 1" }) }));
    const store = createSchedule(socket, deps(storage, "room:room-1"));
    fire("connect");
    fire("schedule:changed", snapshot({ version: 4, pairingCode: "", screenName: null }));
    expect(store.snapshot.value).toMatchObject({ version: 4, pairingCode: "K7Q2", screenName: "Door 1" });
  });

  it("tells the hub the build it runs, so a current screen gets no snapshot", () => {
    const storage = memoryStorage({ "roomcast.appVersion": "build-1" });
    const { socket, hellos, fire } = fakeSocket(() => ({ ok: true, version: 3, snapshot: null }));
    createSchedule(socket, deps(storage, "room:room-1"));
    fire("connect");
    expect(hellos[0]?.appVersion).toBe("build-1");
  });

  it("reloads once when the hub runs a new build", () => {
    const storage = memoryStorage({ "roomcast.appVersion": "build-1" });
    const reloads: string[] = [];
    const { socket, fire } = fakeSocket(() => ({ ok: true, version: 3, snapshot: snapshot({ appVersion: "build-2" }) }));
    createSchedule(socket, deps(storage, "room:room-1", reloads));
    fire("connect");
    expect(reloads).toHaveLength(1);
    // The reloaded page sees build-2 as known and stays.
    createSchedule(socket, deps(storage, "room:room-1", reloads));
    fire("connect");
    expect(reloads).toHaveLength(1);
    expect(needsReload(null, "build-1")).toBe(false);
  });
});

describe("a screen whose URL view an organizer reassigned", () => {
  const LOBBY = snapshot({ view: "lobby", rooms: [{ id: "room-1", name: "Room 1", order: 1 }, { id: "room-2", name: "Room 2", order: 2 }] });

  it("boots into the assigned view and its cached snapshot on the same URL, without flashing the URL's room", () => {
    const storage = memoryStorage();
    const { socket, fire } = fakeSocket(() => ({ ok: true, version: 3, snapshot: snapshot() }));
    createSchedule(socket, deps(storage, "room:room-1"));
    fire("connect");
    fire("screen:assigned", { view: "lobby", screenName: "Hall" });
    fire("schedule:changed", { ...LOBBY, version: 4 });
    expect(storage.get("roomcast.view")).toBe("room:room-1 lobby");

    const rebooted = fakeSocket(() => ({ ok: true, version: 4, snapshot: null }));
    const again = createSchedule(rebooted.socket, deps(storage, "room:room-1"));
    expect(again.view.value).toBe("lobby");
    expect(again.snapshot.value).toMatchObject({ view: "lobby", version: 4 });
    rebooted.fire("connect");
    // The hello still names only the URL's view: the hub decides whether the assignment stands.
    expect(rebooted.hellos[0]).toMatchObject({ view: "room:room-1", version: 4 });
  });

  it("starts from a URL typed in later, without the other view's cached snapshot", () => {
    const storage = memoryStorage({ "roomcast.view": "room:room-1 lobby", "roomcast.snapshot": JSON.stringify({ ...LOBBY, version: 4 }) });
    const { socket, hellos, fire } = fakeSocket(() => ({ ok: true, version: 5, snapshot: snapshot({ view: "room:room-2", version: 5 }) }));
    const store = createSchedule(socket, deps(storage, "room:room-2"));
    expect(store.view.value).toBe("room:room-2");
    expect(store.snapshot.value).toBeNull();
    fire("connect");
    expect(hellos[0]).toMatchObject({ view: "room:room-2", version: null });
    expect(store.snapshot.value?.view).toBe("room:room-2");
    // Back on its own URL's view, the old assignment is forgotten.
    expect(storage.get("roomcast.view")).toBe("");
  });

  it("reads what older builds stored: a bare view belongs to a screen without a URL view", () => {
    expect(assignmentAtBoot("lobby", null)).toBe("lobby");
    expect(assignmentAtBoot("lobby", "room:room-1")).toBeNull();
    expect(assignmentAtBoot("", null)).toBeNull();
    expect(assignmentAtBoot(null, "room:room-1")).toBeNull();
    expect(assignmentAtBoot("room:room-1 room:a|b", "room:room-1")).toBe("room:a|b");
    expect(encodeAssignment("room:room-1", "lobby:room-1,room-2")).toBe("room:room-1 lobby:room-1,room-2");
    expect(encodeAssignment(null, "lobby")).toBe("lobby");
    expect(encodeAssignment("room:room-1", null)).toBe("");
  });
});

describe("the schedule store given a delta", () => {
  const session = (key: string, title: string) => ({ key, title }) as unknown as DisplaySnapshot["sessions"][number];
  const held = snapshot({ version: 7, sessions: [session("a", "Opening"), session("b", "Flakes")] });
  const next = snapshot({ version: 8, sessions: [session("a", "Opening"), session("b", "Flakes (10 min late)")], roomStatus: { "room-1": "full" } });
  const head = { version: 8, appVersion: "build-1", view: "room:room-1", pairingCode: "K7Q2", screenName: "Door 1" };
  const delta = { baseVersion: 7, baseHash: contentHash(JSON.stringify(contentOf(held))), head, content: diff(contentOf(held), contentOf(next)) };

  it("patches its cached snapshot into the hub's current one, and caches that", () => {
    const storage = memoryStorage({ "roomcast.snapshot": JSON.stringify(held), "roomcast.appVersion": "build-1" });
    const { socket, hellos, fire } = fakeSocket(() => ({ ok: true, version: 8, snapshot: null, delta }));
    const store = createSchedule(socket, deps(storage, "room:room-1"));
    fire("connect");
    expect(hellos).toHaveLength(1);
    expect(store.snapshot.value).toEqual({ ...next, screenName: "Door 1" });
    expect(JSON.parse(storage.get("roomcast.snapshot") ?? "{}")).toEqual({ ...next, screenName: "Door 1" });
  });

  it("asks for the whole snapshot when it does not hold the delta's base", () => {
    const other = snapshot({ version: 7, sessions: [session("a", "Opening (cached elsewhere)")] });
    const storage = memoryStorage({ "roomcast.snapshot": JSON.stringify(other), "roomcast.appVersion": "build-1" });
    const { socket, hellos, fire } = fakeSocket((h) => (h.version === null ? { ok: true, version: 8, snapshot: next } : { ok: true, version: 8, snapshot: null, delta }));
    const store = createSchedule(socket, deps(storage, "room:room-1"));
    fire("connect");
    expect(hellos.map((h) => h.version)).toEqual([7, null]);
    expect(store.snapshot.value).toEqual(next);
  });
});

describe("the schedule store given a broadcast patch", () => {
  const session = (key: string, title: string) => ({ key, title }) as unknown as DisplaySnapshot["sessions"][number];
  const held = snapshot({ version: 7, sessions: [session("a", "Opening"), session("b", "Flakes")] });
  const next = snapshot({ version: 9, sessions: [session("a", "Opening"), session("b", "Flakes (10 min late)")], announcements: [] });
  // A broadcast's head carries no per-screen fields.
  const head = { version: 9, appVersion: "build-1", view: "room:room-1", pairingCode: "", screenName: null };
  const patch = { head, baseHash: contentHash(JSON.stringify(contentOf(held))), content: diff(contentOf(held), contentOf(next)) };

  function connected(reply: (hello: ScreenHello) => HelloReply = () => ({ ok: true, version: 7, snapshot: held })) {
    const storage = memoryStorage({ "roomcast.appVersion": "build-1" });
    const fake = fakeSocket(reply);
    const store = createSchedule(fake.socket, deps(storage, "room:room-1"));
    fake.fire("connect");
    return { ...fake, store, storage };
  }

  it("applies what changed to what it holds, keeps its pairing code, and caches the result", () => {
    const { store, storage, fire, hellos } = connected();
    fire("schedule:patched", patch);
    expect(store.snapshot.value).toEqual(next);
    expect(JSON.parse(storage.get("roomcast.snapshot") ?? "{}")).toEqual(next);
    expect(hellos).toHaveLength(1);
  });

  it("applies a chain of patches, each against the content the previous one left", () => {
    const { store, fire } = connected();
    fire("schedule:patched", patch);
    const after = snapshot({ version: 10, sessions: [session("b", "Flakes (10 min late)")], announcements: [] });
    fire("schedule:patched", { head: { ...head, version: 10 }, baseHash: contentHash(JSON.stringify(contentOf(next))), content: diff(contentOf(next), contentOf(after)) });
    expect(store.snapshot.value).toEqual(after);
  });

  it("asks for the whole snapshot when it does not hold the patch's base (it missed a broadcast)", () => {
    const other = snapshot({ version: 8, sessions: [session("a", "Opening (cached elsewhere)")] });
    let answered = 0;
    const { store, fire, hellos } = connected(() => (answered++ === 0 ? { ok: true, version: 8, snapshot: other } : { ok: true, version: 9, snapshot: next }));
    fire("schedule:patched", patch);
    expect(hellos.map((h) => h.version)).toEqual([null, null]);
    expect(store.snapshot.value).toEqual(next);
  });

  it("ignores a patch it is already past (a hello reply overtook it)", () => {
    const { store, fire, hellos } = connected(() => ({ ok: true, version: 9, snapshot: next }));
    fire("schedule:patched", patch);
    expect(hellos).toHaveLength(1);
    expect(store.snapshot.value).toEqual(next);
  });
});
