// A lobby holds the sessions of the day it is on and the next day with sessions, not the whole
// event (a four-day congress would otherwise send every lobby screen four days), plus what it
// needs to tell every room's state exactly as the whole schedule would through those days.
// Door screens keep every session of their room.
import { describe, expect, it } from "vitest";
import { DEMOS, type DemoId, loadDemo } from "../../server/demo/index.js";
import { lobbyDays, viewContent } from "../../server/views.js";
import type { EffectiveSchedule, RoomNow } from "../../shared/model.js";
import { whatIsOn } from "../../shared/on-air.js";
import { fold } from "../../shared/timeline.js";
import { conferenceDayOf, conferenceDayStart, DAY_MS, HOUR_MS, MINUTE_MS } from "../../shared/zoned.js";
import { ChangeLog, local, makeEvent, slot } from "../shared/support/builders.js";

const ZONE = "Europe/Berlin";
const DAYS = ["2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30"];
// A congress from Sunday to Wednesday: the small hall is empty on Tuesday, the workshop room has
// something on the first and last day only, a late show runs past the 04:00 day change, and an
// assembly runs in the foyer for three days.
const event = makeEvent({
  zone: ZONE,
  rooms: [{ id: "saal-1" }, { id: "saal-2" }, { id: "workshop" }, { id: "foyer" }],
  dayChangeHour: 4,
  sessions: [
    ...DAYS.flatMap((day) => [
      slot(ZONE, day, `s1-${day}`, "saal-1", "11:00", "12:00"),
      slot(ZONE, day, `late-${day}`, "saal-1", "23:30", null, { title: "late" }),
      ...(day === "2026-12-29" ? [] : [slot(ZONE, day, `s2-${day}`, "saal-2", "12:00", "13:00"), slot(ZONE, day, `s2b-${day}`, "saal-2", "14:00", "15:00")]),
    ]),
    { ...slot(ZONE, "2026-12-28", "night-show", "saal-2", "23:00", null), end: local("2026-12-29 05:30", ZONE) },
    slot(ZONE, "2026-12-27", "ws-first", "workshop", "10:00", "12:00"),
    slot(ZONE, "2026-12-30", "ws-last-cancelled", "workshop", "09:00", "10:00"),
    slot(ZONE, "2026-12-30", "ws-last", "workshop", "10:00", "12:00"),
    { ...slot(ZONE, "2026-12-27", "assembly", "foyer", "10:00", null), end: local("2026-12-30 18:00", ZONE) },
  ],
});
const log = new ChangeLog();
log.add({ kind: "cancel", sessionKey: "ws-last-cancelled" });
log.add({ kind: "cancel", sessionKey: "s2-2026-12-28" });
const effective = fold(event, log.changes);
const dayOf = conferenceDayOf(ZONE, 4);

/** What a screen shows of a room, by session key. */
function shown(r: RoomNow) {
  return {
    room: r.roomId,
    state: r.state,
    current: r.current?.key ?? null,
    alsoOn: r.alsoOn.map((s) => s.key),
    next: r.next?.key ?? null,
    skipped: r.skipped?.key ?? null,
    gapMs: r.gapMs,
    nextDayStart: r.nextDayStart,
  };
}
const lobbyHeld = (view: string, builtAt: number): EffectiveSchedule => ({ ...effective, sessions: viewContent(effective, view, builtAt).sessions });

describe("the days a lobby carries", () => {
  it("are the first two days with sessions from today on, or the last day once the event is over", () => {
    const sessions = effective.sessions.filter((s) => s.roomId === "saal-1");
    expect([...lobbyDays(sessions, "2026-12-01")]).toEqual(["2026-12-27", "2026-12-28"]);
    expect([...lobbyDays(sessions, "2026-12-28")]).toEqual(["2026-12-28", "2026-12-29"]);
    expect([...lobbyDays(sessions, "2026-12-30")]).toEqual(["2026-12-30"]);
    expect([...lobbyDays(sessions, "2027-01-05")]).toEqual(["2026-12-30"]);
    expect([...lobbyDays([], "2026-12-28")]).toEqual([]);
  });
});

describe("what a lobby holds", () => {
  it("is the window's sessions, what is under way as the day begins, each room's first session and its first after the window", () => {
    const keys = viewContent(effective, "lobby", local("2026-12-29 10:00", ZONE)).sessions.map((s) => s.key).sort();
    expect(keys).toEqual(
      [
        // the window: the 29th and the 30th
        "s1-2026-12-29", "late-2026-12-29", "s1-2026-12-30", "late-2026-12-30", "s2-2026-12-30", "s2b-2026-12-30",
        "ws-last-cancelled", "ws-last",
        // under way when the 29th began at 04:00
        "night-show", "assembly",
        // each room's first session: before it, a room is "before the event"
        "s1-2026-12-27", "s2-2026-12-27", "ws-first",
      ].sort(),
    );
    // A door holds all of its room's sessions.
    expect(viewContent(effective, "room:saal-1", local("2026-12-29 10:00", ZONE)).sessions).toHaveLength(8);
  });

  it("tells every room's state as the whole schedule does, from when it was built to the end of the next day", () => {
    const from = local("2026-12-25 12:00", ZONE);
    const to = local("2027-01-01 12:00", ZONE);
    let compared = 0;
    for (const view of ["lobby", "lobby:saal-2,workshop", "lobby:workshop"]) {
      for (let builtAt = from; builtAt < to; builtAt += 5 * HOUR_MS) {
        const held = lobbyHeld(view, builtAt);
        // Through the rest of the day it was built on and the next (a hub outage past midnight).
        const nextDay = new Date(Date.parse(`${dayOf(builtAt)}T00:00:00Z`) + 2 * DAY_MS).toISOString().slice(0, 10);
        const until = conferenceDayStart(nextDay, ZONE, 4);
        for (let at = builtAt; at < until; at += 20 * MINUTE_MS) {
          const whole = whatIsOn(effective, view, at).rooms.map(shown);
          const lobby = whatIsOn(held, view, at).rooms.map(shown);
          expect(lobby, `${view} built ${new Date(builtAt).toISOString()}, at ${new Date(at).toISOString()}`).toEqual(whole);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it("tells the same room states as the whole schedule for every demo event's lobby", () => {
    for (const id of Object.keys(DEMOS) as DemoId[]) {
      const demo = fold(loadDemo(id), []);
      const starts = demo.sessions.map((s) => s.start);
      const from = Math.min(...starts) - DAY_MS;
      const to = Math.max(...demo.sessions.map((s) => s.end)) + DAY_MS;
      for (let builtAt = from; builtAt < to; builtAt += 7 * HOUR_MS) {
        const held = { ...demo, sessions: viewContent(demo, "lobby", builtAt).sessions };
        for (let at = builtAt; at < builtAt + DAY_MS; at += 30 * MINUTE_MS) {
          expect(whatIsOn(held, "lobby", at).rooms.map(shown), `${id} built ${new Date(builtAt).toISOString()} at ${new Date(at).toISOString()}`).toEqual(
            whatIsOn(demo, "lobby", at).rooms.map(shown),
          );
        }
      }
    }
  });

  it("is smaller than the whole event on any day of a four-day event", () => {
    for (const day of DAYS) {
      const held = viewContent(effective, "lobby", conferenceDayStart(day, ZONE, 4) + 6 * HOUR_MS).sessions.length;
      expect(held, day).toBeLessThan(effective.sessions.length);
    }
  });
});
