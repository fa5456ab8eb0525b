// From one fold to the next, a session no change touched is the very same object, so what the
// hub caches per session (its JSON, its screen copy) survives a change; a touched one never is.
import { describe, expect, it } from "vitest";
import { fold } from "../../shared/timeline.js";
import { carryOverSessions } from "../../server/schedule.js";
import { viewContent } from "../../server/views.js";
import { ChangeLog } from "../shared/support/builders.js";
import { planetNixMorning } from "../shared/support/planet-nix.js";

const event = planetNixMorning();
const byKeyRoom = (sessions: { key: string; roomId: string }[]) => new Map(sessions.map((s) => [`${s.key}@${s.roomId}`, s]));

describe("carrying sessions over from fold to fold", () => {
  it("keeps untouched sessions' objects and replaces exactly the ones a delay shifted", () => {
    const log = new ChangeLog();
    const first = carryOverSessions(null, fold(event, log.changes));
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const second = carryOverSessions(first, fold(event, log.changes));
    const before = byKeyRoom(first.sessions);
    const kept = second.sessions.filter((s) => before.get(`${s.key}@${s.roomId}`) === s).map((s) => s.key);
    const replaced = second.sessions.filter((s) => before.get(`${s.key}@${s.roomId}`) !== s).map((s) => s.key);
    // The delay pushes docker and what follows it in Room 1 (lunch absorbs it); Room 2 is untouched.
    expect(replaced).toContain("docker");
    expect(kept).toEqual(expect.arrayContaining(["opening", "fireside", "fun-way", "secrets", "lfs"]));
    expect(kept).not.toContain("docker");
    // Exactly the same data as a fold from scratch.
    expect(JSON.stringify(second)).toBe(JSON.stringify(fold(event, log.changes)));
  });

  it("keeps a moved session and its marker in the old room across a change elsewhere", () => {
    const log = new ChangeLog();
    const first = carryOverSessions(null, fold(event, log.changes));
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-2" });
    const moved = carryOverSessions(first, fold(event, log.changes));
    log.add({ kind: "delay", sessionKey: "opening", minutes: 5 });
    const later = carryOverSessions(moved, fold(event, log.changes));
    expect(JSON.stringify(later)).toBe(JSON.stringify(fold(event, log.changes)));
    const faster = later.sessions.filter((s) => s.key.startsWith("faster"));
    expect(faster.map((s) => [s.roomId, s.status]).sort()).toEqual([["room-1", "moved-out"], ["room-2", "moved-in"]]);
    for (const s of faster) expect(moved.sessions).toContain(s);
  });

  it("gives a door screen the same session copies after a change in another room", () => {
    const log = new ChangeLog();
    const first = carryOverSessions(null, fold(event, log.changes));
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const second = carryOverSessions(first, fold(event, log.changes));
    const at = event.sessions[0]?.start ?? 0;
    const a = viewContent(first, "room:room-2", at).sessions;
    const b = viewContent(second, "room:room-2", at).sessions;
    expect(b).toHaveLength(a.length);
    b.forEach((s, i) => expect(s).toBe(a[i]));
    expect(viewContent(second, "room:room-1", at).sessions.find((s) => s.key === "docker")).not.toBe(
      viewContent(first, "room:room-1", at).sessions.find((s) => s.key === "docker"),
    );
  });
});
