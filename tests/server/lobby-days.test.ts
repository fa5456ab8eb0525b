// A lobby carries the sessions of the day it is on and the next day with sessions, not the whole
// event: a four-day congress would otherwise send every lobby screen four days. Door screens keep
// every session of their room.
import { describe, expect, it } from "vitest";
import { lobbyDays, viewContent } from "../../server/views.js";
import { fold } from "../../shared/timeline.js";
import { local, makeEvent, slot } from "../shared/support/builders.js";

const ZONE = "Europe/Berlin";
// A congress from Friday to Monday, nothing in the small hall on Sunday.
const DAYS = ["2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30"];
const event = makeEvent({
  zone: ZONE,
  rooms: [{ id: "saal-1" }, { id: "saal-2" }],
  dayChangeHour: 4,
  sessions: DAYS.flatMap((day) => [
    slot(ZONE, day, `s1-${day}`, "saal-1", "11:00", "12:00"),
    slot(ZONE, day, `late-${day}`, "saal-1", "23:30", null), // after midnight it is still that day
    ...(day === "2026-12-29" ? [] : [slot(ZONE, day, `s2-${day}`, "saal-2", "12:00", "13:00")]),
  ]),
});
const effective = fold(event, []);
const daysOf = (view: string, at: number) => [...new Set(viewContent(effective, view, at).sessions.map((s) => s.day))];

describe("the days a lobby carries", () => {
  it("are the first two days with sessions from today on, or the last day once the event is over", () => {
    const sessions = effective.sessions;
    expect([...lobbyDays(sessions, "2026-12-01")]).toEqual(["2026-12-27", "2026-12-28"]);
    expect([...lobbyDays(sessions, "2026-12-28")]).toEqual(["2026-12-28", "2026-12-29"]);
    expect([...lobbyDays(sessions, "2026-12-30")]).toEqual(["2026-12-30"]);
    expect([...lobbyDays(sessions, "2027-01-05")]).toEqual(["2026-12-30"]);
    expect([...lobbyDays([], "2026-12-28")]).toEqual([]);
  });

  it("give the lobby today's and the next day's sessions, the door all of its room's", () => {
    expect(daysOf("lobby", local("2026-12-20 10:00", ZONE))).toEqual(["2026-12-27", "2026-12-28"]);
    expect(daysOf("lobby", local("2026-12-28 10:00", ZONE))).toEqual(["2026-12-28", "2026-12-29"]);
    // 02:00 on the 29th is still the 28th's night (day change at 04:00): its late session stays.
    const night = viewContent(effective, "lobby", local("2026-12-29 02:00", ZONE)).sessions.map((s) => s.key);
    expect(night).toContain("late-2026-12-28");
    expect(daysOf("lobby", local("2026-12-29 04:00", ZONE))).toEqual(["2026-12-29", "2026-12-30"]);
    expect(daysOf("lobby", local("2027-01-02 10:00", ZONE))).toEqual(["2026-12-30"]);
    expect(daysOf("room:saal-1", local("2026-12-28 10:00", ZONE))).toEqual(DAYS);
  });

  it("counts only the lobby's own rooms' days: a lobby of a hall empty on Sunday looks ahead to Monday", () => {
    expect(daysOf("lobby:saal-2", local("2026-12-28 10:00", ZONE))).toEqual(["2026-12-28", "2026-12-30"]);
    expect(daysOf("lobby:saal-2", local("2026-12-29 10:00", ZONE))).toEqual(["2026-12-30"]);
  });

  it("sends a lobby on the first of four days 6 of the event's 11 sessions", () => {
    expect(effective.sessions).toHaveLength(11);
    expect(viewContent(effective, "lobby", local("2026-12-27 10:00", ZONE)).sessions).toHaveLength(6);
  });
});
