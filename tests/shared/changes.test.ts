// fold: every change kind besides delays — cancel, move, retime, edit, add, room status,
// announcements, undo, clock — and changes that no longer apply.
import { describe, expect, it } from "vitest";
import type { EffectiveSchedule } from "../../shared/model.js";
import { formatTime } from "../../shared/time.js";
import { fold, MOVED_OUT_SUFFIX, sessionKeyOf } from "../../shared/timeline.js";
import { ChangeLog, local } from "./support/builders.js";
import { LA, planetNixMorning } from "./support/planet-nix.js";

const at = (hhmm: string) => local(`2025-03-06 ${hhmm}`, LA);

function inRoom(effective: EffectiveSchedule, roomId: string): string[] {
  return effective.sessions.filter((s) => s.roomId === roomId).map((s) => `${formatTime(s.start, LA)} ${s.key} ${s.status}`);
}

function only(effective: EffectiveSchedule, key: string, roomId?: string) {
  const found = effective.sessions.filter((s) => s.key === key && (roomId === undefined || s.roomId === roomId));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("cancel and restore", () => {
  it("keeps a cancelled session visible as cancelled, and restore brings it back", () => {
    const log = new ChangeLog();
    log.add({ kind: "cancel", sessionKey: "faster" });
    expect(only(fold(planetNixMorning(), log.changes), "faster").status).toBe("cancelled");
    log.add({ kind: "restore", sessionKey: "faster" });
    const restored = only(fold(planetNixMorning(), log.changes), "faster");
    expect(restored.status).toBe("scheduled");
    expect(restored.changeIds).toEqual(["c1", "c2"]);
  });

  it("lets a cancelled slot absorb the delay of the talk before it", () => {
    const log = new ChangeLog();
    log.add({ kind: "cancel", sessionKey: "faster" });
    log.add({ kind: "delay", sessionKey: "docker", minutes: 20 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(only(effective, "faster").start).toBe(at("11:30"));
    expect(only(effective, "lunch").start).toBe(at("12:00"));
  });
});

describe("move", () => {
  it("runs the session in the new room and leaves a moved-to marker in the old room for its slot", () => {
    const log = new ChangeLog();
    log.add({ kind: "cancel", sessionKey: "lfs" });
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-2" });
    const effective = fold(planetNixMorning(), log.changes);
    const moved = only(effective, "faster");
    expect(moved).toMatchObject({ roomId: "room-2", status: "moved-in", movedFrom: "room-1", movedTo: null, start: at("11:30") });
    const marker = only(effective, `faster${MOVED_OUT_SUFFIX}`);
    expect(marker).toMatchObject({ roomId: "room-1", status: "moved-out", movedTo: "room-2", start: at("11:30"), end: at("12:00") });
    expect(sessionKeyOf(marker.key)).toBe("faster");
    expect(inRoom(effective, "room-2")).toContain("11:30 faster moved-in");
  });

  it("pushes the new room's later talk when the moved session needs its time", () => {
    const log = new ChangeLog();
    log.add({ kind: "move", sessionKey: "docker", roomId: "room-2" });
    log.add({ kind: "delay", sessionKey: "secrets", minutes: -60 });
    const effective = fold(planetNixMorning(), log.changes);
    // "secrets" waits for the speed dating, then the moved talk is pushed after it, then lfs.
    expect(inRoom(effective, "room-2").slice(2)).toEqual(["11:00 secrets scheduled", "11:30 docker moved-in", "12:00 lfs scheduled"]);
  });

  it("leaves no marker once the session is moved back", () => {
    const log = new ChangeLog();
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-2" });
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-1" });
    const effective = fold(planetNixMorning(), log.changes);
    expect(effective.sessions.filter((s) => s.key.startsWith("faster"))).toHaveLength(1);
    expect(only(effective, "faster").status).toBe("scheduled");
  });

  it("applies a change aimed at the marker to the moved session", () => {
    const log = new ChangeLog();
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-2" });
    log.add({ kind: "cancel", sessionKey: `faster${MOVED_OUT_SUFFIX}` });
    expect(only(fold(planetNixMorning(), log.changes), "faster").status).toBe("cancelled");
  });
});

describe("retime, edit and add", () => {
  it("gives a retimed session its explicit times, even earlier than planned", () => {
    const log = new ChangeLog();
    log.add({ kind: "retime", sessionKey: "wild", start: at("13:00"), end: at("13:45") });
    const wild = only(fold(planetNixMorning(), log.changes), "wild");
    expect([wild.start, wild.end, wild.plannedStart]).toEqual([at("13:00"), at("13:45"), at("13:30")]);
  });

  it("edits titles and speakers and derives no placeholder for an edited title", () => {
    const log = new ChangeLog();
    log.add({ kind: "edit", sessionKey: "secrets", fields: { title: "Generating secrets with NixOS", speakers: ["Lassulus", "Kenji Berthold"] } });
    const s = only(fold(planetNixMorning(), log.changes), "secrets");
    expect(s).toMatchObject({ title: "Generating secrets with NixOS", displayTitle: "Generating secrets with NixOS", untitled: false });
    expect(s.speakers).toEqual(["Lassulus", "Kenji Berthold"]);
  });

  it("adds an ad-hoc session with status added, keyed by the change when no key is given", () => {
    const log = new ChangeLog();
    log.add({ kind: "add", session: { roomId: "room-2", title: "Nix BoF", start: at("12:00"), end: at("12:45") } });
    const added = only(fold(planetNixMorning(), log.changes), "c1");
    expect(added).toMatchObject({ roomId: "room-2", status: "added", plannedStart: at("12:00"), changeIds: ["c1"] });
  });

  it("accepts later changes aimed at an added session", () => {
    const log = new ChangeLog();
    log.add({ kind: "add", session: { key: "bof", roomId: "room-2", title: "Nix BoF", start: at("12:00"), end: at("12:45") } });
    log.add({ kind: "delay", sessionKey: "bof", minutes: 5 });
    expect(only(fold(planetNixMorning(), log.changes), "bof").start).toBe(at("12:05"));
  });
});

describe("room status, announcements and the clock", () => {
  it("marks a room full and every other room open", () => {
    const log = new ChangeLog();
    log.add({ kind: "room-status", roomId: "room-1", status: "full" });
    expect(fold(planetNixMorning(), log.changes).roomStatus).toEqual({ "room-1": "full", "room-2": "open" });
  });

  it("keeps announcements until withdrawn, and a re-announce with the same id replaces the text", () => {
    const log = new ChangeLog();
    log.add({ kind: "announce", announcementId: "a1", text: "Coffee in the lobby", end: at("11:00") });
    log.add({ kind: "announce", announcementId: "a1", text: "Coffee in the hall" });
    log.add({ kind: "announce", announcementId: "a2", text: "Fire drill", level: "emergency" });
    let effective = fold(planetNixMorning(), log.changes);
    expect(effective.announcements.map((a) => [a.id, a.text, a.changeId])).toEqual([
      ["a1", "Coffee in the hall", "c2"],
      ["a2", "Fire drill", "c3"],
    ]);
    log.add({ kind: "withdraw", announcementId: "a2" });
    effective = fold(planetNixMorning(), log.changes);
    expect(effective.announcements.map((a) => a.id)).toEqual(["a1"]);
  });

  it("sets the rehearsal clock anchored at the hub's real time of the change, and clears it", () => {
    const log = new ChangeLog();
    log.add({ kind: "clock", set: { virtual: at("09:25"), rate: 60 } }, at("09:00"), 1_000_000);
    expect(fold(planetNixMorning(), log.changes).clock).toEqual({ anchorVirtual: at("09:25"), anchorReal: 1_000_000, rate: 60 });
    log.add({ kind: "clock", set: null });
    expect(fold(planetNixMorning(), log.changes).clock).toBeNull();
  });
});

describe("undo", () => {
  it("removes one change's effect and leaves the others", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    log.add({ kind: "delay", sessionKey: "docker", minutes: 5 });
    log.add({ kind: "undo", changeId: "c1" });
    const docker = only(fold(planetNixMorning(), log.changes), "docker");
    expect(docker.start).toBe(at("11:05"));
    expect(docker.changeIds).toEqual(["c2"]);
  });

  it("re-applies a change when its undo is undone", () => {
    const log = new ChangeLog();
    log.add({ kind: "cancel", sessionKey: "faster" });
    log.add({ kind: "undo", changeId: "c1" });
    expect(only(fold(planetNixMorning(), log.changes), "faster").status).toBe("scheduled");
    log.add({ kind: "undo", changeId: "c2" });
    expect(only(fold(planetNixMorning(), log.changes), "faster").status).toBe("cancelled");
  });

  it("restores the previous clock when a clock change is undone", () => {
    const log = new ChangeLog();
    log.add({ kind: "clock", set: { virtual: at("09:25"), rate: 1 } }, 0, 5);
    log.add({ kind: "clock", set: { virtual: at("15:00"), rate: 10 } }, 0, 9);
    log.add({ kind: "undo", changeId: "c2" });
    expect(fold(planetNixMorning(), log.changes).clock).toEqual({ anchorVirtual: at("09:25"), anchorReal: 5, rate: 1 });
  });
});

describe("changes that no longer apply", () => {
  it("reports them as orphaned with a reason instead of failing", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "gone-after-reimport", minutes: 10 });
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-99" });
    log.add({ kind: "room-status", roomId: "room-99", status: "full" });
    log.add({ kind: "withdraw", announcementId: "never" });
    log.add({ kind: "undo", changeId: "c404" });
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(effective.orphaned.map((o) => o.changeId)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(effective.orphaned[0]!.reason).toContain("gone-after-reimport");
    expect(only(effective, "docker").start).toBe(at("11:10"));
  });

  it("folds changes by sequence number whatever order they arrive in", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    log.add({ kind: "undo", changeId: "c1" });
    expect(fold(planetNixMorning(), [...log.changes].reverse())).toEqual(fold(planetNixMorning(), log.changes));
  });
});

describe("a malformed stored change", () => {
  it("is reported as orphaned instead of stopping the fold", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const broken = { kind: "edit", sessionKey: "faster", id: "old", seq: 2, at: 0, realAt: 0, author: "organizer" } as unknown as (typeof log.changes)[number];
    const effective = fold(planetNixMorning(), [...log.changes, broken]);
    expect(effective.orphaned.map((o) => o.changeId)).toEqual(["old"]);
    expect(only(effective, "docker").start).toBe(at("11:10"));
  });
});
