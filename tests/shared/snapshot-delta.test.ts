// Deltas between two snapshots' contents: patching the first with the delta gives the second,
// sessions in the second's order, and a screen holding anything else than the base refuses it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDelta, contentHash, contentOf, diff, patchSnapshot } from "../../shared/snapshot-delta.js";

const ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
const session = fc.record({
  key: fc.constantFrom(...ids),
  title: fc.constantFrom("Nix flakes", "Docker Was Too Slow", "Lunch", ""),
  start: fc.integer({ min: 0, max: 5 }),
  roomId: fc.constantFrom("room-1", "room-2"),
  cancelled: fc.boolean(),
  movedTo: fc.option(fc.constantFrom("room-1", "room-2"), { nil: undefined }),
});
const sessions = fc.uniqueArray(session, { selector: (s) => s.key, maxLength: ids.length });
const content = fc.record(
  {
    event: fc.record({ name: fc.constantFrom("Planet Nix", "NixCon"), timeZone: fc.constantFrom("America/Los_Angeles", "Europe/Berlin") }),
    rooms: fc.array(fc.record({ id: fc.constantFrom("room-1", "room-2"), name: fc.string({ maxLength: 3 }) }), { maxLength: 2 }),
    sessions,
    roomStatus: fc.dictionary(fc.constantFrom("room-1", "room-2"), fc.constantFrom("open", "full", "closed")),
    announcements: fc.array(fc.record({ id: fc.string({ maxLength: 2 }), text: fc.string({ maxLength: 5 }) }), { maxLength: 2 }),
    clock: fc.option(fc.record({ startAt: fc.integer(), speed: fc.constantFrom(1, 60) }), { nil: null }),
  },
  { requiredKeys: ["sessions"] },
);
// A next content often close to the previous one: the case deltas are for.
const pair = content.chain((prev) =>
  fc.oneof(
    content.map((next) => [prev, next] as const),
    fc.record({ drop: fc.integer({ min: 0, max: 8 }), extra: sessions, status: fc.boolean() }).map(({ drop, extra, status }) => {
      const kept = (prev.sessions as { key: string }[]).filter((_, i) => i !== drop);
      const keptIds = new Set(kept.map((s) => s.key));
      const next = { ...prev, sessions: [...kept, ...extra.filter((s) => !keptIds.has(s.key))].reverse(), ...(status ? { roomStatus: { "room-1": "full" } } : {}) };
      return [prev, next] as const;
    }),
  ),
);

describe("a snapshot delta", () => {
  it("patches the previous content into exactly the next one, sessions in the next one's order", () => {
    fc.assert(
      fc.property(pair, ([prev, next]) => {
        const patched = applyDelta(prev, diff(prev, next));
        expect(patched).toEqual(next);
        expect(JSON.stringify(contentOf(patched))).toBe(JSON.stringify(contentOf(next)));
      }),
      { numRuns: 500 },
    );
  });

  it("carries only the sessions that changed or appeared, and the ids that disappeared", () => {
    const a = { key: "a", title: "Opening" };
    const b = { key: "b", title: "Flakes" };
    const c = { key: "c", title: "Lunch" };
    const delta = diff({ sessions: [a, b, c], roomStatus: {} }, { sessions: [a, { ...b, title: "Flakes (moved)" }, { key: "d", title: "New" }], roomStatus: {} });
    expect(delta).toEqual({ set: {}, unset: [], sessions: { upsert: [{ key: "b", title: "Flakes (moved)" }, { key: "d", title: "New" }], remove: ["c"] } });
  });

  it("is empty between equal contents", () => {
    expect(diff({ sessions: [{ key: "a" }], clock: null }, { sessions: [{ key: "a" }], clock: null })).toEqual({ set: {}, unset: [] });
  });

  it("replaces sessions whole when their ids are not unique", () => {
    const next = { sessions: [{ key: "a", n: 1 }, { key: "a", n: 2 }] };
    expect(applyDelta({ sessions: [{ key: "a", n: 0 }] }, diff({ sessions: [{ key: "a", n: 0 }] }, next))).toEqual(next);
  });
});

describe("patching a held snapshot", () => {
  const held = { version: 7, appVersion: "b1", view: "room:room-1", pairingCode: "", screenName: null, event: { name: "Planet Nix" }, rooms: [], sessions: [{ key: "a" }], roomStatus: {}, announcements: [], clock: null };
  const next = { ...held, version: 8, roomStatus: { "room-1": "full" } };
  const head = { version: 8, appVersion: "b1", view: "room:room-1", pairingCode: "K7Q2", screenName: "Door 1" };
  const delta = { baseVersion: 7, baseHash: contentHash(JSON.stringify(contentOf(held))), head, content: diff(contentOf(held), contentOf(next)) };

  it("gives the next snapshot with the reply's head when the screen holds the base", () => {
    expect(patchSnapshot(held, delta)).toEqual({ ...next, ...head });
  });

  it("refuses another version, or the same version with other content", () => {
    expect(patchSnapshot({ ...held, version: 6 }, delta)).toBeNull();
    expect(patchSnapshot({ ...held, announcements: [{ id: "x" }] }, delta)).toBeNull();
  });
});
