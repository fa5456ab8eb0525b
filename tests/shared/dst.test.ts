// The engine across DST changes: sessions keep their true length and show the right wall-clock
// times, in Europe/Berlin (2026-03-29, 2026-10-25) and America/Los_Angeles (2025-03-09).
import { describe, expect, it } from "vitest";
import { whatIsOn } from "../../shared/on-air.js";
import { formatTime } from "../../shared/time.js";
import { fold } from "../../shared/timeline.js";
import { ChangeLog, makeEvent } from "./support/builders.js";

const BERLIN = "Europe/Berlin";
const LA = "America/Los_Angeles";
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

function night(zone: string, sessions: { key: string; start: string; end: string | null }[]) {
  return makeEvent({
    zone,
    defaultSessionMinutes: 60,
    rooms: [{ id: "hall" }],
    sessions: sessions.map((s) => ({ key: s.key, roomId: "hall", title: s.key, start: utc(s.start), end: s.end === null ? null : utc(s.end) })),
  });
}

describe("Europe/Berlin spring forward, 2026-03-29 02:00 → 03:00", () => {
  // 01:30 CET = 00:30Z; the hour after is 03:30 CEST.
  const event = night(BERLIN, [
    { key: "party", start: "2026-03-29T00:30:00Z", end: null },
    { key: "late", start: "2026-03-29T01:45:00Z", end: "2026-03-29T02:00:00Z" },
  ]);

  it("ends a session without an end at the next start across the gap, 75 real minutes for 01:30–03:45", () => {
    const effective = fold(event, []);
    const party = effective.sessions.find((s) => s.key === "party")!;
    expect(party.end - party.start).toBe(1.25 * HOUR);
    expect(`${formatTime(party.start, BERLIN)}–${formatTime(party.end, BERLIN)}`).toBe("01:30–03:45");
  });

  it("does not stretch a session to a next start that lies in the next conference day", () => {
    const lone = night(BERLIN, [
      { key: "party", start: "2026-03-29T00:30:00Z", end: null },
      { key: "morning", start: "2026-03-29T07:00:00Z", end: "2026-03-29T08:00:00Z" },
    ]);
    const party = fold(lone, []).sessions.find((s) => s.key === "party")!;
    expect(`${formatTime(party.start, BERLIN)}–${formatTime(party.end, BERLIN)}`).toBe("01:30–03:30");
  });

  it("delays across the gap by real minutes", () => {
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: "party", minutes: 30 });
    const party = fold(event, log.changes).sessions.find((s) => s.key === "party")!;
    expect(formatTime(party.start, BERLIN)).toBe("03:00");
    expect(party.day).toBe("2026-03-28");
  });

  it("shows the party as current at 03:15 on the wall clock", () => {
    const room = whatIsOn(fold(event, []), "room:hall", utc("2026-03-29T01:15:00Z")).rooms[0]!;
    expect(room.current?.key).toBe("party");
    expect(room.next?.key).toBe("late");
  });
});

describe("Europe/Berlin fall back, 2026-10-25 03:00 → 02:00", () => {
  const event = night(BERLIN, [{ key: "long-night", start: "2026-10-24T23:00:00Z", end: "2026-10-25T03:00:00Z" }]);

  it("keeps four real hours from 01:00 to 04:00 although the wall clock shows three", () => {
    const s = fold(event, []).sessions[0]!;
    expect(s.end - s.start).toBe(4 * HOUR);
    expect(`${formatTime(s.start, BERLIN)}–${formatTime(s.end, BERLIN)}`).toBe("01:00–04:00");
  });

  it("is current during both 02:30s, and belongs to the evening's day", () => {
    const effective = fold(event, []);
    for (const at of [utc("2026-10-25T00:30:00Z"), utc("2026-10-25T01:30:00Z")]) {
      expect(formatTime(at, BERLIN)).toBe("02:30");
      expect(whatIsOn(effective, "room:hall", at).rooms[0]!.current?.key).toBe("long-night");
    }
    expect(effective.sessions[0]!.day).toBe("2026-10-24");
  });

  it("gives a session without an end its default length in real time across the repeated hour", () => {
    const s = fold(night(BERLIN, [{ key: "set", start: "2026-10-25T00:30:00Z", end: null }]), []).sessions[0]!;
    expect(`${formatTime(s.start, BERLIN)}–${formatTime(s.end, BERLIN)}`).toBe("02:30–02:30");
    expect(s.end - s.start).toBe(HOUR);
  });
});

describe("America/Los_Angeles spring forward, 2025-03-09 02:00 → 03:00", () => {
  // SCaLE's Sunday: a 01:30 PST session of 60 real minutes ends at 03:30 PDT.
  const event = night(LA, [
    { key: "hack", start: "2025-03-09T09:30:00Z", end: "2025-03-09T10:30:00Z" },
    { key: "breakfast", start: "2025-03-09T16:00:00Z", end: "2025-03-09T17:00:00Z" },
  ]);

  it("shows 01:30–03:30 for a one-hour session across the gap", () => {
    const s = fold(event, []).sessions.find((x) => x.key === "hack")!;
    expect(s.end - s.start).toBe(HOUR);
    expect(`${formatTime(s.start, LA)}–${formatTime(s.end, LA)}`).toBe("01:30–03:30");
  });

  it("puts the 01:30 session in Saturday's day and the 09:00 breakfast in Sunday's", () => {
    const effective = fold(event, []);
    expect(effective.sessions.map((s) => [s.key, s.day])).toEqual([
      ["hack", "2025-03-08"],
      ["breakfast", "2025-03-09"],
    ]);
  });

  it("is done for the night at 03:30 PDT and names the morning start", () => {
    const room = whatIsOn(fold(event, []), "room:hall", utc("2025-03-09T10:30:00Z")).rooms[0]!;
    expect(room.state).toBe("done-for-today");
    expect(room.nextDayStart).toBe(utc("2025-03-09T16:00:00Z"));
  });
});
