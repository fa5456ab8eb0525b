// The engine on real schedules: every sample in ../shared/formats/samples that imports is folded
// untouched, then with every room's first talk running late, and asked what is on across its days.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../shared/formats/index.js";
import type { Change, Event } from "../../shared/model.js";
import { whatIsOn } from "../../shared/on-air.js";
import { fold } from "../../shared/timeline.js";
import { newOverlaps } from "./support/invariants.js";

const SAMPLES = resolve(import.meta.dirname, "../../../shared/formats/samples");
const files = readdirSync(SAMPLES).filter((f) => !f.endsWith(".md"));

function load(file: string): Event | null {
  const result = importSchedule({ text: readFileSync(resolve(SAMPLES, file), "utf8"), fileName: file });
  return result.ok ? result.event : null;
}

/** A 15-minute delay on the first session of every room, stamped like the hub does. */
function lateStarts(event: Event): Change[] {
  const first = new Map<string, Event["sessions"][number]>();
  for (const s of event.sessions) {
    const known = first.get(s.roomId);
    if (!known || s.start < known.start) first.set(s.roomId, s);
  }
  return [...first.values()].map((s, i) => ({
    kind: "delay",
    sessionKey: s.key,
    minutes: 15,
    mode: "absorb",
    id: `late-${i}`,
    seq: i + 1,
    at: s.start,
    realAt: s.start,
    author: "test",
  }));
}

describe.each(files)("the engine on %s", (file) => {
  const event = load(file);

  it("keeps every session at its printed times when nothing has changed", () => {
    if (!event) return expect(file).toContain("invalid");
    const effective = fold(event, []);
    expect(effective.sessions).toHaveLength(event.sessions.length);
    for (const s of effective.sessions) expect([s.start, s.end]).toEqual([s.plannedStart, s.plannedEnd]);
  });

  it("absorbs a late start in every room without new overlaps or earlier starts", () => {
    if (!event) return expect(file).toContain("invalid");
    const effective = fold(event, lateStarts(event));
    expect(newOverlaps(event, effective)).toEqual([]);
    for (const s of effective.sessions) expect(s.start).toBeGreaterThanOrEqual(s.plannedStart);
  });

  it("names a current session containing each session's start in the lobby", () => {
    if (!event) return expect(file).toContain("invalid");
    const effective = fold(event, []);
    for (const s of effective.sessions.slice(0, 200)) {
      const onAir = whatIsOn(effective, "lobby", s.start);
      for (const room of onAir.rooms) if (room.current) expect(room.current.start <= s.start && s.start < room.current.end).toBe(true);
      const own = onAir.rooms.find((r) => r.roomId === s.roomId);
      if (s.end > s.start && s.status === "scheduled") expect(own?.current).not.toBeNull();
    }
  });
});
