// A view's content is serialised once per version with each session's JSON kept with the session,
// and the delta to the next version compares sessions by that JSON: both must agree with plain
// JSON.stringify.
import { describe, expect, it } from "vitest";
import { DEMOS, loadDemo } from "../../server/demo/index.js";
import { createViewDeltas } from "../../server/view-deltas.js";
import { contentJson, sameSession, sessionJson, viewContent } from "../../server/views.js";
import type { DemoId } from "../../server/demo/index.js";
import { fold } from "../../shared/timeline.js";
import { applyDelta, diff } from "../../shared/snapshot-delta.js";
import type { Change } from "../../shared/model.js";

const views = (roomIds: string[]) => [null, "lobby", `lobby:${roomIds.slice(0, 2).join(",")}`, ...roomIds.map((id) => `room:${id}`)];

describe("a view's serialised content", () => {
  it("is exactly JSON.stringify of the content, for every view of every demo event, with status, announcements and a clock", () => {
    for (const id of Object.keys(DEMOS) as DemoId[]) {
      const event = loadDemo(id);
      const first = event.sessions[0];
      const room = event.rooms[0]?.id ?? "";
      const changes = [
        { kind: "room-status", roomId: room, status: "full" },
        { kind: "announce", announcement: { id: "a1", text: 'Lunch "downstairs" \\ now', level: "info", target: { kind: "all" }, start: null, end: null } },
        { kind: "clock", set: { virtual: first?.start ?? 0, rate: 2 } },
        ...(first ? [{ kind: "delay", sessionKey: first.key, minutes: 5 }] : []),
      ].map((c, i) => ({ ...c, id: `c${i}`, seq: i + 1, at: 0, realAt: 0, author: "test" })) as unknown as Change[];
      const effective = fold(event, changes);
      expect(effective.orphaned, id).toEqual([]);
      expect([effective.announcements.length, effective.roomStatus[room], effective.clock?.rate]).toEqual([1, "full", 2]);
      for (const view of views(event.rooms.map((r) => r.id))) {
        const content = viewContent(effective, view, first?.start ?? 0);
        expect(contentJson(content), `${id} ${view}`).toBe(JSON.stringify(content));
        expect(content.sessions.map(sessionJson)).toEqual(content.sessions.map((s) => JSON.stringify(s)));
      }
    }
  });
});

describe("a delta built from the kept session JSON", () => {
  it("compares two sessions by their JSON, each serialised once", () => {
    const a = { key: "k", title: "Flakes" };
    expect(sameSession(a, { key: "k", title: "Flakes" })).toBe(true);
    expect(sameSession(a, { key: "k", title: "Flakes (10 min late)" })).toBe(false);
    expect(sessionJson(a)).toBe(sessionJson(a));
  });

  it("is the delta plain diff builds, and turns the old content into the new", () => {
    const event = loadDemo("planet-nix-2025");
    const key = event.sessions.find((s) => s.roomId === "room-1")?.key ?? "";
    const at = event.sessions[0]?.start ?? 0;
    const before = viewContent(fold(event, []), "lobby", at);
    const change = { kind: "delay", sessionKey: key, minutes: 10, id: "c1", seq: 1, at, realAt: at, author: "test" } as unknown as Change;
    const after = viewContent(fold(event, [change]), "lobby", at);
    const versioned = (content: typeof before, version: number) => ({ version, since: version, content, json: contentJson(content) });
    let current = versioned(before, 1);
    const schedule = { version: 2, changes: [{ change }], stored: { event }, now: () => at } as never;
    const deltas = createViewDeltas(schedule, () => current);
    const old = current;
    current = versioned(after, 2);
    deltas.replaced("lobby", old, current);
    const json = deltas.deltaFor("lobby", 1);
    expect(json).not.toBeNull();
    const built = JSON.parse(json ?? "{}") as { content: ReturnType<typeof diff> };
    expect(built.content).toEqual(JSON.parse(JSON.stringify(diff(before, after))));
    expect(built.content.sessions?.upsert.length).toBeGreaterThan(0);
    expect(applyDelta(JSON.parse(old.json), built.content)).toEqual(JSON.parse(current.json));
  });
});
