// Properties of fold and whatIsOn over generated schedules and change logs (fast-check).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Change, EffectiveSchedule, EffectiveSession, Event } from "../../shared/model.js";
import { BREAK_TYPES } from "../../shared/model.js";
import { whatIsOn } from "../../shared/on-air.js";
import { fold, MOVED_OUT_SUFFIX } from "../../shared/timeline.js";
import { changeSpecsArb, eventArb, stamp, type ChangeMix } from "./support/arbitraries.js";
import { ChangeLog, local, makeEvent, slot } from "./support/builders.js";
import { BACKGROUND_MS, newOverlaps, runs } from "./support/invariants.js";

// ENGINE_PROPERTY_RUNS raises the count for a deeper local search.
const RUNS = { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 300) };

// ENGINE_PROPERTY_CHANGES lengthens the generated change logs.
const MAX_CHANGES = Number(process.env.ENGINE_PROPERTY_CHANGES ?? 12);

function scenario(mix: ChangeMix, maxLength = MAX_CHANGES) {
  return eventArb.chain((event) => changeSpecsArb(event, mix, maxLength).map((specs) => ({ event, changes: stamp(specs) })));
}

describe("fold properties", () => {
  it("never throws and is deterministic, whatever order the log arrives in, orphans included", () => {
    fc.assert(
      fc.property(scenario({ pullBack: true, undo: true }), fc.nat(), ({ event, changes }, seed) => {
        const once = fold(event, changes);
        const shuffled = [...changes].sort((a, b) => ((a.seq * 7919 + seed) % 101) - ((b.seq * 7919 + seed) % 101));
        expect(fold(event, shuffled)).toEqual(once);
        expect(fold(event, changes)).toEqual(once);
      }),
      RUNS,
    );
  });

  it("leaves no two running sessions of a room overlapping unless the imported schedule had them overlap", () => {
    fc.assert(
      fc.property(scenario({ pullBack: true, undo: true }), ({ event, changes }) => {
        expect(newOverlaps(event, fold(event, changes))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("counts a session ended before its delayed start as taking no time, so a talk moved over it overlaps nothing", () => {
    // Found by the property above (seed 673964455): an all-day corner session, delayed 91
    // minutes, then ended at its planned start; a talk moved into its room meanwhile.
    const zone = "America/Los_Angeles";
    const event = makeEvent({
      zone,
      rooms: [{ id: "r0" }, { id: "r1" }],
      sessions: [slot(zone, "2025-03-07", "talk", "r0", "09:30", "10:00"), slot(zone, "2025-03-07", "corner", "r1", "08:00", "19:00")],
    });
    const log = new ChangeLog();
    const at = local("2025-03-07 08:00", zone);
    log.add({ kind: "move", sessionKey: "talk", roomId: "r1" }, at);
    log.add({ kind: "delay", sessionKey: "corner", minutes: 91, mode: "absorb" }, at);
    log.add({ kind: "ended", sessionKey: "corner" }, at);
    const effective = fold(event, log.changes);
    const corner = effective.sessions.find((s) => s.key === "corner");
    expect([corner?.start, corner?.end]).toEqual([local("2025-03-07 09:31", zone), local("2025-03-07 09:31", zone)]);
    expect(newOverlaps(event, effective)).toEqual([]);
  });

  it("leaves a background session background when it is ended early: it neither pushes nor is pushed", () => {
    // Found by the overlap property (seed -1604461411): an all-day corner ended a minute after a
    // BoF added into its room began. The corner ran 08:00–09:01 and the BoF from 09:00; neither
    // moves, and the door screen shows the BoF with the corner also on.
    const zone = "America/Los_Angeles";
    const event = makeEvent({
      zone,
      rooms: [{ id: "r0" }, { id: "r1" }],
      sessions: [slot(zone, "2025-03-06", "corner", "r1", "08:00", "19:00"), slot(zone, "2025-03-06", "later", "r1", "11:00", "11:30")],
    });
    const log = new ChangeLog();
    log.add({ kind: "ended", sessionKey: "corner" }, local("2025-03-06 09:01", zone));
    const bof = log.add(
      { kind: "add", session: { roomId: "r1", title: "BoF", type: "talk", start: local("2025-03-06 09:00", zone), end: local("2025-03-06 09:45", zone) } },
      local("2025-03-06 08:00", zone),
    );
    const effective = fold(event, log.changes);
    const times = (key: string) => {
      const s = effective.sessions.find((x) => x.key === key);
      return [s?.start, s?.end];
    };
    expect(times("corner")).toEqual([local("2025-03-06 08:00", zone), local("2025-03-06 09:01", zone)]);
    expect(times(bof.id)).toEqual([local("2025-03-06 09:00", zone), local("2025-03-06 09:45", zone)]);
    expect(times("later")).toEqual([local("2025-03-06 11:00", zone), local("2025-03-06 11:30", zone)]);
    const on = whatIsOn(effective, "room:r1", local("2025-03-06 09:00", zone) + 30_000).rooms[0]!;
    expect([on.current?.key, on.alsoOn.map((s) => s.key)]).toEqual([bof.id, ["corner"]]);
    expect(newOverlaps(event, effective)).toEqual([]);
  });

  it("never starts a session earlier than planned unless retimed or pulled back", () => {
    fc.assert(
      fc.property(scenario({ pullBack: false, undo: true }), ({ event, changes }) => {
        for (const s of fold(event, changes).sessions) expect(s.start).toBeGreaterThanOrEqual(s.plannedStart);
      }),
      RUNS,
    );
  });

  it("keeps a break's planned end under absorbed delays, or shrinks it to nothing before pushing it", () => {
    fc.assert(
      fc.property(scenario({ pullBack: false, undo: false, absorbOnly: true }), ({ event, changes }) => {
        for (const s of fold(event, changes).sessions) {
          if (!BREAK_TYPES.has(s.type) || s.changeIds.some((id) => delayedItself(changes, id, s.key))) continue;
          expect(s.end === s.plannedEnd || s.end === s.start).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("moves a talk past a break only once that break has shrunk to nothing", () => {
    fc.assert(
      fc.property(scenario({ pullBack: false, undo: false, absorbOnly: true }), ({ event, changes }) => {
        const effective = fold(event, changes);
        const umbrellas = new Set(event.sessions.filter((s) => s.title === "Umbrella").map((s) => s.key));
        for (const t of effective.sessions) {
          if (BREAK_TYPES.has(t.type) || t.start <= t.plannedStart || !runs(t) || umbrellas.has(t.key)) continue;
          if (changes.some((c) => c.kind === "delay" && c.sessionKey === t.key)) continue;
          // Every break planned right before it in its room, after the last delayed session, is gone.
          const lastDelayed = Math.max(
            ...effective.sessions
              .filter((s) => s.roomId === t.roomId && s.day === t.day && s.plannedStart <= t.plannedStart && changes.some((c) => c.kind === "delay" && c.sessionKey === s.key))
              .map((s) => s.plannedStart),
          );
          for (const b of effective.sessions) {
            if (b.roomId !== t.roomId || !BREAK_TYPES.has(b.type) || !runs(b) || b.day !== t.day || umbrellas.has(b.key)) continue;
            // A break that overlapped another session in the printed schedule is not in that session's way.
            if (umbrellaOver(effective, b)) continue;
            if (b.plannedStart > lastDelayed && b.plannedEnd <= t.plannedStart) expect(b.end - b.start).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it("gives the same schedule after undo(c) as if c had never been applied", () => {
    fc.assert(
      fc.property(scenario({ pullBack: true, undo: true }), fc.nat(), ({ event, changes }, pick) => {
        fc.pre(changes.length > 0);
        const target = changes[pick % changes.length]!;
        const undone = fold(event, [...changes, undo(target, changes.length + 1)]);
        const never = fold(event, changes.filter((c) => c !== target));
        const aimedAtTarget = new Set(changes.filter((c) => c.kind === "undo" && c.changeId === target.id).map((c) => c.id));
        expect({ ...undone, orphaned: undefined }).toEqual({ ...never, orphaned: undefined });
        expect(undone.orphaned).toEqual(never.orphaned.filter((o) => !aimedAtTarget.has(o.changeId)));
      }),
      RUNS,
    );
  });

  it("shows every imported session exactly once, and a moved one also as a marker in its old room", () => {
    fc.assert(
      fc.property(scenario({ pullBack: true, undo: true }), ({ event, changes }) => {
        const effective = fold(event, changes);
        for (const imported of event.sessions) {
          const shown = effective.sessions.filter((s) => s.key === imported.key);
          expect(shown).toHaveLength(1);
          const markers = effective.sessions.filter((s) => s.key === imported.key + MOVED_OUT_SUFFIX);
          if (shown[0]!.roomId === imported.roomId) expect(markers).toEqual([]);
          else {
            expect(markers).toHaveLength(1);
            expect(markers[0]).toMatchObject({ roomId: imported.roomId, status: "moved-out", movedTo: shown[0]!.roomId });
            expect(shown[0]!.movedFrom).toBe(imported.roomId);
          }
        }
      }),
      RUNS,
    );
  });
});

describe("whatIsOn properties", () => {
  it("names a current session that contains the instant and a next one that starts after it", () => {
    const instant = fc.integer({ min: Date.UTC(2025, 2, 6, 14), max: Date.UTC(2025, 2, 8, 12) });
    fc.assert(
      fc.property(scenario({ pullBack: true, undo: true }), instant, ({ event, changes }, at) => {
        const onAir = whatIsOn(fold(event, changes), "lobby", at);
        expect(onAir.rooms.map((r) => r.roomId)).toEqual(event.rooms.map((r) => r.id));
        for (const room of onAir.rooms) {
          if (room.current) expect(room.current.start <= at && at < room.current.end).toBe(true);
          if (room.next) expect(room.next.start).toBeGreaterThanOrEqual(at);
          if (room.next) expect(["cancelled", "moved-out"]).not.toContain(room.next.status);
          expect(room.state === "on" || room.state === "break").toBe(room.current !== null);
          for (const other of room.alsoOn) expect(other.end - other.start).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });
});

/** Whether another session of the break's room overlapped it in the printed schedule (delays only: nothing moved). */
function umbrellaOver(effective: EffectiveSchedule, b: EffectiveSession): boolean {
  return effective.sessions.some(
    (u) =>
      u.key !== b.key &&
      u.roomId === b.roomId &&
      u.plannedStart < b.plannedEnd &&
      b.plannedStart < u.plannedEnd &&
      u.plannedEnd - u.plannedStart <= BACKGROUND_MS,
  );
}

function undo(target: Change, seq: number): Change {
  return { kind: "undo", changeId: target.id, id: `c${seq}`, seq, at: 0, realAt: 0, author: "prop" };
}

function delayedItself(changes: readonly Change[], id: string, key: string): boolean {
  return changes.some((c) => c.id === id && c.kind === "delay" && c.sessionKey === key);
}
