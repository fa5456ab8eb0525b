// fold: delays, absorb and shift-all, facts from the room (started, ended), pinned in Pasadena.
import { describe, expect, it } from "vitest";
import type { EffectiveSchedule, EffectiveSession } from "../../shared/model.js";
import { formatTime } from "../../shared/time.js";
import { fold } from "../../shared/timeline.js";
import { ChangeLog, local, makeEvent, slot } from "./support/builders.js";
import { LA, planetNixMorning } from "./support/planet-nix.js";

const at = (hhmm: string) => local(`2025-03-06 ${hhmm}`, LA);

function find(effective: EffectiveSchedule, key: string): EffectiveSession {
  const s = effective.sessions.find((x) => x.key === key);
  if (!s) throw new Error(`no session ${key}`);
  return s;
}

/** "11:40–12:10" in Pasadena time. */
function times(effective: EffectiveSchedule, key: string): string {
  const s = find(effective, key);
  return `${formatTime(s.start, LA)}–${formatTime(s.end, LA)}`;
}

describe("fold with no changes", () => {
  it("keeps every imported session at its planned times, planned and effective alike", () => {
    const effective = fold(planetNixMorning(), []);
    expect(effective.sessions).toHaveLength(12);
    for (const s of effective.sessions) {
      expect(s.start).toBe(s.plannedStart);
      expect(s.end).toBe(s.plannedEnd);
      expect(s.status).toBe("scheduled");
      expect(s.changeIds).toEqual([]);
    }
    expect(effective.orphaned).toEqual([]);
  });

  it("sorts sessions by room order, then start", () => {
    const keys = fold(planetNixMorning(), []).sessions.map((s) => s.key);
    expect(keys.slice(0, 3)).toEqual(["opening", "fireside", "pr-pipeline"]);
    expect(keys.slice(8)).toEqual(["fun-way", "speed-dating", "secrets", "lfs"]);
  });

  it("gives every session its conference day in the event zone", () => {
    expect(fold(planetNixMorning(), []).sessions.every((s) => s.day === "2025-03-06")).toBe(true);
  });
});

describe("a delay in absorb mode", () => {
  it("pushes the 11:30 talk to 11:40 and shrinks lunch to 12:10–13:30 when the 11:00 talk runs 10 minutes late", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 }, at("10:58"));
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:10–11:40");
    expect(times(effective, "faster")).toBe("11:40–12:10");
    expect(times(effective, "lunch")).toBe("12:10–13:30");
    expect(times(effective, "wild")).toBe("13:30–14:00");
    expect(find(effective, "faster").plannedStart).toBe(at("11:30"));
  });

  it("leaves sessions before the delayed one and other rooms alone", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "pr-pipeline")).toBe("10:00–10:30");
    expect(times(effective, "lfs")).toBe("11:30–12:00");
  });

  it("lets a gap absorb the delay so later talks move only as far as needed", () => {
    const event = makeEvent({
      zone: LA,
      rooms: [{ id: "r" }],
      sessions: [slot(LA, "2025-03-06", "a", "r", "10:00", "10:30"), slot(LA, "2025-03-06", "b", "r", "10:45", "11:15")],
    });
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "a", minutes: 25 });
    const effective = fold(event, log.changes);
    expect(times(effective, "a")).toBe("10:25–10:55");
    expect(times(effective, "b")).toBe("10:55–11:25");
  });

  it("shrinks a lunch down to nothing, then pushes it along with the talks after it", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 120 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "faster")).toBe("13:30–14:00");
    expect(times(effective, "lunch")).toBe("14:00–14:00");
    expect(times(effective, "wild")).toBe("14:00–14:30");
  });

  it("adds up successive delays, and a negative one pulls the session back", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    log.add({ kind: "delay", sessionKey: "docker", minutes: 5 });
    expect(times(fold(planetNixMorning(), log.changes), "docker")).toBe("11:15–11:45");
    log.add({ kind: "delay", sessionKey: "docker", minutes: -15 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:00–11:30");
    expect(times(effective, "faster")).toBe("11:30–12:00");
  });

  it("pulls a session back before its planned start into a free gap when asked", () => {
    const event = makeEvent({
      zone: LA,
      rooms: [{ id: "r" }],
      sessions: [slot(LA, "2025-03-06", "a", "r", "10:00", "10:30"), slot(LA, "2025-03-06", "b", "r", "11:00", "11:30")],
    });
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "b", minutes: -20 });
    expect(times(fold(event, log.changes), "b")).toBe("10:40–11:10");
  });

  it("never pulls a session back over the talk before it: it waits for it to end", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "faster", minutes: -20 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:00–11:30");
    expect(times(effective, "faster")).toBe("11:30–12:00");
  });

  it("cuts lunch short when the talk after it is pulled back into it", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "wild", minutes: -20 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "lunch")).toBe("12:00–13:10");
    expect(times(effective, "wild")).toBe("13:10–13:40");
  });

  it("shrinks a delayed lunch instead of pushing the afternoon", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "lunch", minutes: 10 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "lunch")).toBe("12:10–13:30");
    expect(times(effective, "wild")).toBe("13:30–14:00");
  });

  it("pulls later sessions back with a negative shift-all, as explicitly asked", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "lunch", minutes: -10, mode: "shift-all" });
    log.add({ kind: "delay", sessionKey: "faster", minutes: -10 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "faster")).toBe("11:30–12:00");
    expect(times(effective, "lunch")).toBe("12:00–13:20");
    expect(times(effective, "wild")).toBe("13:20–13:50");
  });

  it("records the delay among the changes that shaped the sessions it pushed", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const effective = fold(planetNixMorning(), log.changes);
    expect(find(effective, "faster").changeIds).toEqual(["c1"]);
    expect(find(effective, "wild").changeIds).toEqual([]);
  });
});

describe("a delay in shift-all mode", () => {
  it("moves every later session in the room that day by the same amount", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10, mode: "shift-all" });
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:10–11:40");
    expect(times(effective, "faster")).toBe("11:40–12:10");
    expect(times(effective, "lunch")).toBe("12:10–13:40");
    expect(times(effective, "wild")).toBe("13:40–14:10");
    expect(times(effective, "pr-pipeline")).toBe("10:00–10:30");
    expect(times(effective, "lfs")).toBe("11:30–12:00");
  });
});

describe("started and ended", () => {
  it("treats started as a delay of the time since the planned start", () => {
    const log = new ChangeLog();
    log.add({ kind: "started", sessionKey: "docker" }, at("11:07"));
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:07–11:37");
    expect(times(effective, "faster")).toBe("11:37–12:07");
  });

  it("replaces earlier delays of the same session with the fact", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 15 }, at("10:55"));
    log.add({ kind: "started", sessionKey: "docker" }, at("11:05"));
    expect(times(fold(planetNixMorning(), log.changes), "docker")).toBe("11:05–11:35");
  });

  it("ends a session when the room says so, and the next talk still waits for its planned time", () => {
    const log = new ChangeLog();
    log.add({ kind: "ended", sessionKey: "docker" }, at("11:20"));
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:00–11:20");
    expect(times(effective, "faster")).toBe("11:30–12:00");
  });

  it("lets a talk that ended early give back the time its delay had taken", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 }, at("10:58"));
    log.add({ kind: "ended", sessionKey: "docker" }, at("11:33"));
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:10–11:33");
    expect(times(effective, "faster")).toBe("11:33–12:03");
  });

  it("pushes the next talk when an overrunning talk ends late", () => {
    const log = new ChangeLog();
    log.add({ kind: "ended", sessionKey: "docker" }, at("11:36"));
    expect(times(fold(planetNixMorning(), log.changes), "faster")).toBe("11:36–12:06");
  });

  it("cuts short the talk before when the next one has started", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 }, at("10:58"));
    log.add({ kind: "started", sessionKey: "faster" }, at("11:35"));
    const effective = fold(planetNixMorning(), log.changes);
    expect(times(effective, "docker")).toBe("11:10–11:35");
    expect(times(effective, "faster")).toBe("11:35–12:05");
  });
  it("queues a talk that had not begun after the one that started in its place", () => {
    const event = makeEvent({
      zone: LA,
      rooms: [{ id: "r" }],
      sessions: [
        slot(LA, "2025-03-06", "a", "r", "10:00", "10:30"),
        slot(LA, "2025-03-06", "b", "r", "10:30", "11:00"),
        slot(LA, "2025-03-06", "c", "r", "11:00", "11:30"),
      ],
    });
    const log = new ChangeLog();
    log.add({ kind: "started", sessionKey: "c" }, at("10:20"));
    const effective = fold(event, log.changes);
    expect(times(effective, "a")).toBe("10:00–10:20");
    expect(times(effective, "c")).toBe("10:20–10:50");
    expect(times(effective, "b")).toBe("10:50–11:20");
    expect(find(effective, "b").changeIds).toEqual(["c1"]);
    // b was already queued behind a late a when c began: it still follows c.
    const late = new ChangeLog();
    late.add({ kind: "delay", sessionKey: "a", minutes: 15 }, at("10:00"));
    late.add({ kind: "started", sessionKey: "c" }, at("10:40"));
    const swapped = fold(event, late.changes);
    expect(times(swapped, "a")).toBe("10:15–10:40");
    expect(times(swapped, "c")).toBe("10:40–11:10");
    expect(times(swapped, "b")).toBe("11:10–11:40");
    expect(find(swapped, "b").changeIds).toEqual(["c1", "c2"]);
  });
});
