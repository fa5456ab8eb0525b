import { describe, expect, it } from "vitest";
import { labelsFor } from "../../display/labels.js";
import { bandOf, emergencyOf, type PresentContext, presentDoor, presentLobbyRow, progressOf } from "../../display/present.js";
import type { Announcement, EffectiveSession, RoomNow } from "../../shared/model.js";

const ZONE = "America/Los_Angeles";
const at = (local: string) => Date.parse(`${local}-08:00`);

function session(over: Partial<EffectiveSession> & { start: number; end: number }): EffectiveSession {
  return {
    key: "s1",
    roomId: "room-1",
    displayTitle: "Docker Was Too Slow, So We Replaced It: Nix in Production",
    title: "Docker Was Too Slow, So We Replaced It: Nix in Production",
    untitled: false,
    type: "talk",
    speakers: ["Ron Efroni Rotman", "Kelsey Hightower"],
    abstract: "",
    track: null,
    language: null,
    url: null,
    plannedStart: over.start,
    plannedEnd: over.end,
    status: "scheduled",
    movedTo: null,
    movedFrom: null,
    day: "2025-03-06",
    changeIds: [],
    ...over,
  };
}

function roomNow(over: Partial<RoomNow>): RoomNow {
  return {
    roomId: "room-1",
    state: "on",
    current: null,
    alsoOn: [],
    next: null,
    skipped: null,
    gapMs: null,
    nextDayStart: null,
    roomStatus: "open",
    overrunning: false,
    nextDelayed: false,
    startingNow: false,
    ...over,
  };
}

function ctx(local: string, lang = "en"): PresentContext {
  const names: Record<string, string> = { "room-1": "Room 1", "room-2": "Room 2" };
  return { at: at(local), zone: ZONE, dayChangeHour: 4, labels: labelsFor(lang), locale: lang, roomName: (id) => names[id] ?? id };
}

const talk = session({ start: at("2025-03-06T11:00:00"), end: at("2025-03-06T11:30:00") });
const nextTalk = session({
  key: "s2",
  displayTitle: "How to make Nix five times faster",
  speakers: ["Someone"],
  start: at("2025-03-06T11:30:00"),
  end: at("2025-03-06T12:00:00"),
});

describe("the door screen's texts", () => {
  it("shows the current talk with its times, time left and the next talk in minutes, in Pasadena time", () => {
    const door = presentDoor(roomNow({ current: talk, next: nextTalk }), ctx("2025-03-06T11:15:00"));
    expect(door.current).toMatchObject({
      title: "Docker Was Too Slow, So We Replaced It: Nix in Production",
      speakers: "Ron Efroni Rotman, Kelsey Hightower",
      times: "11:00–11:30",
      delay: null,
      timeLeft: "15 min left",
    });
    expect(door.next).toMatchObject({ title: "How to make Nix five times faster", when: "11:30 · in 15 min", delay: null });
  });

  it("shows planned → effective times and the delay when the next talk runs late", () => {
    const late = { ...nextTalk, start: at("2025-03-06T11:40:00"), end: at("2025-03-06T12:10:00") };
    const door = presentDoor(roomNow({ current: talk, next: late, nextDelayed: true }), ctx("2025-03-06T11:15:00"));
    expect(door.next?.when).toBe("11:40 · in 25 min");
    expect(door.next?.delay).toBe("+10 min late");
  });

  it("shows 14:00 → 14:10 for a current session that started late", () => {
    const started = session({
      plannedStart: at("2025-03-06T14:00:00"),
      plannedEnd: at("2025-03-06T14:30:00"),
      start: at("2025-03-06T14:10:00"),
      end: at("2025-03-06T14:40:00"),
    });
    const door = presentDoor(roomNow({ current: started }), ctx("2025-03-06T14:20:00"));
    expect(door.current?.times).toBe("14:00 → 14:10–14:40");
    expect(door.current?.delay).toBe("+10 min late");
  });

  it("says starting now when the engine says so", () => {
    const door = presentDoor(roomNow({ state: "between", next: nextTalk, startingNow: true }), ctx("2025-03-06T11:29:40"));
    expect(door.next?.when).toBe("11:30 · starting now");
  });

  it("announces lunch with its end and what comes next", () => {
    const lunch = session({ type: "lunch", displayTitle: "Lunch", start: at("2025-03-06T12:00:00"), end: at("2025-03-06T13:30:00") });
    const door = presentDoor(roomNow({ state: "break", current: lunch, next: nextTalk }), ctx("2025-03-06T12:30:00"));
    expect(door.headline).toBe("Lunch until 13:30 — next: How to make Nix five times faster");
  });

  it("says Tomorrow from 09:30 when the room is done for today", () => {
    const door = presentDoor(
      roomNow({ state: "done-for-today", nextDayStart: at("2025-03-07T09:30:00") }),
      ctx("2025-03-06T18:30:00"),
    );
    expect(door.headline).toBe("That's all for today in this room");
    expect(door.subline).toBe("Tomorrow from 09:30");
  });

  it("counts a session after midnight as still today under the 04:00 day change", () => {
    const late = session({ start: at("2025-03-07T01:00:00"), end: at("2025-03-07T02:00:00") });
    const door = presentDoor(roomNow({ state: "between", next: late }), ctx("2025-03-06T23:30:00"));
    expect(door.next?.when).toBe("01:00 · in 1 h 30 min");
  });

  it("shows a cancelled slot in place and what runs instead", () => {
    const cancelled = { ...nextTalk, status: "cancelled" as const };
    const instead = session({ key: "s3", displayTitle: "Lightning talks", start: at("2025-03-06T12:00:00"), end: at("2025-03-06T12:30:00") });
    const door = presentDoor(roomNow({ current: talk, skipped: cancelled, next: instead }), ctx("2025-03-06T11:15:00"));
    expect(door.skipped).toEqual({ title: "How to make Nix five times faster", note: "Cancelled", kind: "cancelled" });
    expect(door.next?.title).toBe("Lightning talks");
  });

  it("points to the new room for a moved talk, and says where a moved-in talk came from", () => {
    const out = { ...nextTalk, status: "moved-out" as const, movedTo: "room-2" };
    expect(presentDoor(roomNow({ current: talk, skipped: out }), ctx("2025-03-06T11:15:00")).skipped?.note).toBe("Moved to Room 2 →");
    const moved = { ...nextTalk, roomId: "room-2", status: "moved-in" as const, movedFrom: "room-1" };
    expect(presentDoor(roomNow({ roomId: "room-2", next: moved }), ctx("2025-03-06T11:15:00")).next?.movedFrom).toBe(
      "Moved here from Room 1",
    );
  });

  it("cues an overrun once the session runs past its planned end", () => {
    const over = { ...talk, end: at("2025-03-06T11:45:00") };
    const door = presentDoor(roomNow({ current: over, overrunning: true }), ctx("2025-03-06T11:35:00"));
    expect(door.current?.overrun).toBe("running 5 min over");
  });

  it("names an overlapping session beside the current one", () => {
    const corner = session({ key: "bg", displayTitle: "Soldering corner", start: at("2025-03-06T09:00:00"), end: at("2025-03-06T18:00:00") });
    const door = presentDoor(roomNow({ current: talk, alsoOn: [corner] }), ctx("2025-03-06T11:15:00"));
    expect(door.current?.alsoOn).toBe("Also now: Soldering corner");
    expect(presentDoor(roomNow({ current: talk }), ctx("2025-03-06T11:15:00")).current?.alsoOn).toBeNull();
  });

  it("speaks German when asked", () => {
    const door = presentDoor(roomNow({ current: talk, next: nextTalk }), ctx("2025-03-06T11:15:00", "de"));
    expect(door.next?.when).toBe("11:30 · in 15 Min.");
  });

  it("measures progress from the effective start to the effective end", () => {
    expect(progressOf(talk, at("2025-03-06T11:15:00"))).toBeCloseTo(0.5);
    expect(progressOf(talk, at("2025-03-06T10:00:00"))).toBe(0);
    expect(progressOf(null, 0)).toBe(0);
  });
});

describe("a lobby line", () => {
  it("carries the delay, full and cancelled badges", () => {
    const late = { ...nextTalk, start: at("2025-03-06T11:40:00"), end: at("2025-03-06T12:10:00") };
    const row = presentLobbyRow(
      roomNow({ current: talk, next: late, nextDelayed: true, roomStatus: "full", skipped: { ...nextTalk, status: "cancelled" } }),
      ctx("2025-03-06T11:15:00"),
    );
    expect(row).toMatchObject({ roomName: "Room 1", now: talk.displayTitle, delay: "+10 min", full: "Full" });
    expect(row.cancelled).toContain("Cancelled");
  });
});

describe("a lobby line between sessions", () => {
  it("says the room is free until the next start", () => {
    const row = presentLobbyRow(roomNow({ state: "between", next: nextTalk }), ctx("2025-03-06T11:10:00"));
    expect(row.now).toBe("Free until 11:30");
    expect(row.nextWhen).toBe("11:30 · in 20 min");
  });

  it("says the room is free until its first session before that session starts", () => {
    const row = presentLobbyRow(roomNow({ state: "before-event", next: nextTalk }), ctx("2025-03-06T11:10:00"));
    expect(row.now).toBe("Free until 11:30");
  });
});

describe("announcements on a screen", () => {
  const a = (id: string, level: Announcement["level"]): Announcement => ({
    id,
    text: id,
    level,
    target: { kind: "all" },
    start: null,
    end: null,
    author: "organizer",
    changeId: id,
  });

  it("lets the newest emergency take over and keeps info and warning in the band, warnings first", () => {
    const list = [a("i1", "info"), a("e1", "emergency"), a("w1", "warning"), a("e2", "emergency")];
    expect(emergencyOf(list)?.id).toBe("e2");
    expect(bandOf(list).map((x) => x.id)).toEqual(["w1", "i1"]);
  });
});
