// whatIsOn: current, next and state per room at pinned instants in Pasadena.
import { describe, expect, it } from "vitest";
import type { Event } from "../../shared/model.js";
import { whatIsOn } from "../../shared/on-air.js";
import { fold } from "../../shared/timeline.js";
import { ChangeLog, local, makeEvent, slot } from "./support/builders.js";
import { LA, planetNixMorning } from "./support/planet-nix.js";

const at = (hhmm: string, date = "2025-03-06") => local(`${date} ${hhmm}`, LA);
const room1 = (event: Event, when: number, log = new ChangeLog()) => whatIsOn(fold(event, log.changes), "room:room-1", when).rooms[0]!;

function twoDays(): Event {
  return makeEvent({
    zone: LA,
    rooms: [{ id: "room-1" }],
    sessions: [
      slot(LA, "2025-03-06", "d1-a", "room-1", "10:00", "10:30"),
      slot(LA, "2025-03-06", "d1-b", "room-1", "11:00", "11:30"),
      slot(LA, "2025-03-07", "d2-a", "room-1", "09:30", "10:00"),
    ],
  });
}

describe("whatIsOn for a door screen", () => {
  it("shows the Docker talk as current and the Nix speed talk as next at 11:15 in Room 1", () => {
    const room = room1(planetNixMorning(), at("11:15"));
    expect(room.state).toBe("on");
    expect(room.current?.title).toBe("Docker Was Too Slow, So We Replaced It: Nix in Production");
    expect(room.next?.title).toBe("How to make Nix five times faster");
    expect(room.gapMs).toBeNull();
  });

  it("treats the end time as exclusive, so the break is current at 10:30 and the next talk at 11:30", () => {
    const atHalfPast = room1(planetNixMorning(), at("10:30"));
    expect(atHalfPast.current?.key).toBe("break-1");
    expect(atHalfPast.state).toBe("break");
    expect(room1(planetNixMorning(), at("11:30")).current?.key).toBe("faster");
    expect(room1(planetNixMorning(), at("11:30") - 1).current?.key).toBe("docker");
  });

  it("says break while a break or lunch is on, with the talk after it as next", () => {
    const room = room1(planetNixMorning(), at("12:45"));
    expect(room.state).toBe("break");
    expect(room.current?.key).toBe("lunch");
    expect(room.next?.key).toBe("wild");
  });

  it("says before-event until the room's first session, with that session as next", () => {
    const room = room1(planetNixMorning(), at("08:00"));
    expect(room.state).toBe("before-event");
    expect(room.next?.key).toBe("opening");
    expect(room.gapMs).toBe(75 * 60_000);
  });

  it("says between with the gap length when nothing is on and a session follows today", () => {
    const room = room1(twoDays(), at("10:40"));
    expect(room.state).toBe("between");
    expect(room.next?.key).toBe("d1-b");
    expect(room.gapMs).toBe(20 * 60_000);
  });

  it("says done-for-today with tomorrow's first start after the day's last session", () => {
    const room = room1(twoDays(), at("18:00"));
    expect(room.state).toBe("done-for-today");
    expect(room.next).toBeNull();
    expect(room.nextDayStart).toBe(at("09:30", "2025-03-07"));
  });

  it("keeps the evening's day until the day-change hour, then counts the new day", () => {
    expect(room1(twoDays(), at("03:59", "2025-03-07")).state).toBe("done-for-today");
    const morning = room1(twoDays(), at("04:00", "2025-03-07"));
    expect(morning.state).toBe("between");
    expect(morning.next?.key).toBe("d2-a");
  });

  it("says event-over after the room's last session", () => {
    const room = room1(twoDays(), at("10:00", "2025-03-07") + 1);
    expect(room.state).toBe("event-over");
    expect(room.current).toBeNull();
    expect(room.next).toBeNull();
  });
});

describe("whatIsOn flags", () => {
  it("marks the next session delayed and the current one overrunning once past its planned end", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "docker", minutes: 10 });
    const early = room1(planetNixMorning(), at("11:15"), log);
    expect(early).toMatchObject({ overrunning: false, nextDelayed: true });
    expect(room1(planetNixMorning(), at("11:35"), log)).toMatchObject({ overrunning: true });
  });

  it("says starting now within a minute of the next start, not before", () => {
    const event = twoDays();
    expect(room1(event, at("10:59")).startingNow).toBe(true);
    expect(room1(event, at("10:59") - 1).startingNow).toBe(false);
  });

  it("carries the room's status", () => {
    const log = new ChangeLog();
    log.add({ kind: "room-status", roomId: "room-1", status: "full" });
    expect(room1(planetNixMorning(), at("11:15"), log).roomStatus).toBe("full");
  });

  it("reports a cancelled next talk as skipped and names the one that really runs", () => {
    const log = new ChangeLog();
    log.add({ kind: "cancel", sessionKey: "faster" });
    const room = room1(planetNixMorning(), at("11:15"), log);
    expect(room.skipped?.key).toBe("faster");
    expect(room.next?.key).toBe("lunch");
    const during = room1(planetNixMorning(), at("11:45"), log);
    expect(during).toMatchObject({ state: "between", current: null });
    expect(during.skipped?.key).toBe("faster");
  });

  it("shows a moved-out marker in the old room and the moved talk as next in the new one", () => {
    const log = new ChangeLog();
    log.add({ kind: "cancel", sessionKey: "lfs" });
    log.add({ kind: "move", sessionKey: "faster", roomId: "room-2" });
    const onAir = whatIsOn(fold(planetNixMorning(), log.changes), "lobby", at("11:15"));
    const [one, two] = onAir.rooms;
    expect(one?.skipped).toMatchObject({ status: "moved-out", movedTo: "room-2" });
    expect(one?.next?.key).toBe("lunch");
    expect(two?.next).toMatchObject({ key: "faster", status: "moved-in", movedFrom: "room-1" });
  });
});

describe("whatIsOn with overlaps, background and points", () => {
  const event = makeEvent({
    zone: LA,
    rooms: [{ id: "room-1" }],
    sessions: [
      slot(LA, "2025-03-06", "corner", "room-1", "08:00", "20:00", { title: "Soldering corner" }),
      slot(LA, "2025-03-06", "track", "room-1", "10:00", "12:00", { title: "Lightning track" }),
      slot(LA, "2025-03-06", "part-1", "room-1", "10:00", "10:10"),
      slot(LA, "2025-03-06", "part-2", "room-1", "10:10", "10:20"),
      slot(LA, "2025-03-06", "doors", "room-1", "13:00", "13:00", { title: "Doors open" }),
      slot(LA, "2025-03-06", "late", "room-1", "14:00", "14:30"),
    ],
  });

  it("chooses the shortest session containing the instant and reports the others", () => {
    const room = room1(event, at("10:12"));
    expect(room.current?.key).toBe("part-2");
    expect(room.alsoOn.map((s) => s.key)).toEqual(["corner", "track"]);
    expect(room.next?.key).toBe("doors");
  });

  it("shows a background session as current only when nothing else is on, and never as next", () => {
    const room = room1(event, at("09:00"));
    expect(room.current?.key).toBe("corner");
    expect(room.state).toBe("on");
    expect(room.next?.key).toBe("part-1");
    expect(room1(event, at("10:05")).current?.key).toBe("part-1");
  });

  it("treats a zero-length session as a point that is next and starting now at its instant", () => {
    const room = room1(event, at("13:00"));
    expect(room.next?.key).toBe("doors");
    expect(room.startingNow).toBe(true);
    expect(room1(event, at("13:00") + 1).next?.key).toBe("late");
  });
});

describe("whatIsOn for lobby views and announcements", () => {
  it("lists every room in the event's room order, or the chosen subset in that order", () => {
    const effective = fold(planetNixMorning(), []);
    expect(whatIsOn(effective, "lobby", at("11:15")).rooms.map((r) => r.roomId)).toEqual(["room-1", "room-2"]);
    expect(whatIsOn(effective, "lobby:room-2,room-1", at("11:15")).rooms.map((r) => r.roomId)).toEqual(["room-1", "room-2"]);
    expect(whatIsOn(effective, "room:nowhere", at("11:15")).rooms).toEqual([]);
    expect(whatIsOn(effective, "not a view", at("11:15")).rooms).toEqual([]);
    const reordered = { ...effective, rooms: [{ ...effective.rooms[0]!, order: 5 }, { ...effective.rooms[1]!, order: 0 }] };
    expect(whatIsOn(reordered, "lobby", at("11:15")).rooms.map((r) => r.roomId)).toEqual(["room-2", "room-1"]);
  });

  it("delivers announcements active at the instant to the views they target", () => {
    const log = new ChangeLog();
    log.add({ kind: "announce", announcementId: "all", text: "Welcome", start: at("09:00"), end: at("12:00") });
    log.add({ kind: "announce", announcementId: "lobby", text: "Lunch outside", target: { kind: "lobby" } });
    log.add({ kind: "announce", announcementId: "r2", text: "Room 2 is full", target: { kind: "rooms", roomIds: ["room-2"] } });
    log.add({ kind: "announce", announcementId: "fire", text: "Evacuate", level: "emergency", start: at("11:30") });
    const effective = fold(planetNixMorning(), log.changes);
    const ids = (view: string, when: number) => whatIsOn(effective, view, when).announcements.map((a) => a.id);
    expect(ids("room:room-1", at("11:15"))).toEqual(["all"]);
    expect(ids("room:room-2", at("11:15"))).toEqual(["r2", "all"]);
    expect(ids("lobby", at("11:15"))).toEqual(["r2", "lobby", "all"]);
    expect(ids("lobby:room-1", at("11:15"))).toEqual(["lobby", "all"]);
    expect(ids("room:room-1", at("11:30"))).toEqual(["fire", "all"]);
    expect(ids("room:room-1", at("12:00"))).toEqual(["fire"]);
    expect(ids("room:room-1", at("08:59"))).toEqual([]);
  });
});
