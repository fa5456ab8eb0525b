import { describe, expect, it } from "vitest";
import type { DisplaySocket } from "../../display/stores/clock.js";
import { createSchedule, needsReload } from "../../display/stores/schedule.js";
import { memoryStorage } from "../../display/stores/storage.js";
import type { DisplaySnapshot, HelloReply, ScreenHello } from "../../shared/protocol.js";

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
  appVersion: "0.1.0",
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
    fire("screen:assigned", { view: "lobby", screenName: "Hall" });
    expect(store.view.value).toBe("lobby");
    expect(hellos.at(-1)).toMatchObject({ view: "lobby", version: null });
    expect(createSchedule(fakeSocket(() => ({ ok: true, version: 3, snapshot: null })).socket, deps(storage, null)).view.value).toBe("lobby");
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
