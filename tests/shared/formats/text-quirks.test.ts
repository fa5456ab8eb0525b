// One small fixture per quirk of pasted schedules (tests/fixtures/text), plus inline edge cases.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Event } from "../../../shared/model.js";
import { importText } from "../../../shared/formats/text.js";
import type { ImportResult } from "../../../shared/formats/types.js";
import { toIso } from "../../../shared/time.js";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/text");

function fixture(name: string, zone: string): ImportResult {
  return importText(readFileSync(resolve(FIXTURES, name), "utf8"), { zone });
}

function eventOf(result: ImportResult): Event {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.event;
}

/** [local start, local end or null, title, speakers] per session. */
function rows(event: Event) {
  return event.sessions.map((s) => [
    toIso(s.start, event.timeZone),
    s.end === null ? null : toIso(s.end, event.timeZone),
    s.untitled ? null : s.title,
    s.speakers,
  ]);
}

describe("importText quirks", () => {
  it("splits speakers glued on one line using the names the title and abstract mention", () => {
    const event = eventOf(fixture("glued-speakers.txt", "America/Los_Angeles"));
    expect(event.sessions.map((s) => s.speakers)).toEqual([
      ["Grace Brewster Hopper", "Ada Lovelace"],
      ["Lassulus", "Kenji Berthold"],
      ["Yorick van Pelt"],
    ]);
  });

  it("flags a session without a printed title as untitled instead of taking its speakers as the title", () => {
    const event = eventOf(fixture("untitled.txt", "Europe/Berlin"));
    expect(rows(event)).toEqual([
      ["2023-09-08T11:50:00+02:00", null, null, ["Silvan Mosberger"]],
      ["2023-09-08T16:15:00+02:00", null, null, ["talyz"]],
      ["2023-09-09T10:00:00+02:00", null, "NixCon 2023 Opening Ceremony", []],
    ]);
    expect(event.sessions.map((s) => [s.untitled, s.title])).toEqual([[true, ""], [true, ""], [false, "NixCon 2023 Opening Ceremony"]]);
    // "Opening ceremony for day 2!" is a sentence, not a speaker.
    expect(event.sessions[2]!.abstract).toBe("Opening ceremony for day 2!");
  });

  it("counts 'Start of Day N' from the date above the schedule, with the year from the event name", () => {
    const event = eventOf(fixture("untitled.txt", "Europe/Berlin"));
    expect(event.title).toBe("NixCon 2023 Darmstadt");
    expect(event.rooms.map((r) => r.name)).toEqual(["Talks (Room 122)"]);
  });

  it("reads a heading glued to its time range as the title of that slot", () => {
    const event = eventOf(fixture("glued-heading.txt", "Europe/Berlin"));
    expect(rows(event)).toEqual([
      ["2023-09-08T17:30:00+02:00", null, "How to teach Nix in 5 minutes!", ["Rok Garbas"]],
      ["2023-09-08T17:55:00+02:00", "2023-09-08T18:55:00+02:00", "NixCon Hiring Happy Hour", []],
      ["2023-09-09T10:00:00+02:00", null, "Day two opens", ["Ron Efroni"]],
    ]);
    expect(event.sessions[1]!.type).toBe("social");
  });

  it("leaves the end of a start-only last session open, and drops a dangling 'Resources:' with a warning", () => {
    const result = fixture("start-only.txt", "Europe/Brussels");
    const event = eventOf(result);
    expect(rows(event)).toEqual([
      ["2026-01-31T18:30:00+01:00", null, null, []],
      ["2026-01-31T18:45:00+01:00", null, null, []],
    ]);
    expect(event.sessions[1]!.abstract).toBe("Debugging Nix can be frustrating.");
    expect(event.rooms.map((r) => r.name)).toEqual(["Nix and NixOS Track"]);
    expect(result.ok && result.report.warnings).toEqual([
      { path: "line 11", line: 11, message: '"Resources:" introduces a link or list that is missing; skipped' },
    ]);
  });

  it("keeps 5-minute lightning slots typed as lightning, one per start", () => {
    const event = eventOf(fixture("lightning.txt", "Europe/Berlin"));
    expect(event.sessions.map((s) => [toIso(s.start, event.timeZone).slice(11, 16), s.type])).toEqual([
      ["14:15", "lightning"],
      ["14:20", "lightning"],
      ["14:25", "lightning"],
      ["15:10", "talk"],
    ]);
    expect(event.sessions[2]).toMatchObject({ title: "Nix in Space", speakers: ["Kip93"], abstract: "" });
  });

  it("refuses a time it cannot place on a day, naming the line and what to add", () => {
    const result = fixture("unplaceable.txt", "America/Los_Angeles");
    expect(result).toEqual({
      ok: false,
      format: "text",
      errors: [
        {
          path: "line 3",
          line: 3,
          message: 'time "09:15" comes before any day heading; add a line such as "Thursday - March 6th, 2025" above it',
        },
      ],
    });
  });

  it("refuses an impossible time, naming the line", () => {
    const result = fixture("bad-time.txt", "America/Los_Angeles");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: "line 9", line: 9 });
    expect(result.errors[0]!.message).toMatch(/^"25:70" has minute 70; expected a time such as/);
  });

  it("skips a line between a heading and the first time with a warning naming it", () => {
    const result = fixture("stray-line.txt", "America/Los_Angeles");
    const event = eventOf(result);
    expect(rows(event)).toEqual([["2025-03-06T09:15:00-08:00", "2025-03-06T09:30:00-08:00", "Opening Ceremony", []]]);
    expect(event.rooms.map((r) => r.name)).toEqual(["Room 1"]);
    expect(result.ok && result.report.warnings.map((w) => [w.line, w.message])).toEqual([
      [5, expect.stringMatching(/^"Doors open at nine, coffee in the lobby\." is not under any time after the heading on line 1; skipped/)],
    ]);
  });
});

describe("importText edge cases", () => {
  const zone = "Europe/Berlin";

  it("takes any short line between a day heading and a time as a room, even without the word 'room'", () => {
    const text = "Saturday, 31 January 2026\n\nJanson\n\n09:30 - 10:00\n\nWelcome to FOSDEM\n\nK.1.105 (La Fontaine)\n\n10:00\n\nA devroom talk";
    const event = eventOf(importText(text, { zone: "Europe/Brussels" }));
    expect(event.rooms.map((r) => [r.id, r.name])).toEqual([["janson", "Janson"], ["k-1-105-la-fontaine", "K.1.105 (La Fontaine)"]]);
    expect(event.sessions.map((s) => [s.roomId, s.title])).toEqual([["janson", "Welcome to FOSDEM"], ["k-1-105-la-fontaine", "A devroom talk"]]);
  });

  it("puts a session after midnight on the next calendar date under the same day heading", () => {
    const event = eventOf(importText("Saturday, 27 December 2025\n\nSaal 1\n\n23:30 - 00:30\n\nLate show\n\n01:00\n\nLater show", { zone }));
    expect(rows(event)).toEqual([
      ["2025-12-27T23:30:00+01:00", "2025-12-28T00:30:00+01:00", "Late show", []],
      ["2025-12-28T01:00:00+01:00", null, "Later show", []],
    ]);
  });

  it("reads 12 PM as noon and 12 AM as midnight, and one AM/PM for both ends of a range", () => {
    const text = "March 6, 2025\n\n12:00 PM\n\nNoon talk\n\n10:15 - 11:00 PM\n\nEvening talk\n\n12:30 AM\n\nMidnight talk";
    const event = eventOf(importText(text, { zone: "America/Los_Angeles" }));
    expect(rows(event).map((r) => [r[0], r[1]])).toEqual([
      ["2025-03-06T12:00:00-08:00", null],
      ["2025-03-06T22:15:00-08:00", "2025-03-06T23:00:00-08:00"],
      ["2025-03-07T00:30:00-08:00", null],
    ]);
  });

  it("reads ISO times without an offset in the given zone", () => {
    const event = eventOf(importText("2025-03-29T10:00\n\nTalk A\n\n2025-03-30T10:00\n\nTalk B", { zone }));
    expect(rows(event).map((r) => r[0])).toEqual(["2025-03-29T10:00:00+01:00", "2025-03-30T10:00:00+02:00"]);
  });

  it("does not take a sentence ending in a time range for a new session", () => {
    const event = eventOf(importText("March 6, 2025\n\n09:00 - 10:00\n\nOpen lab\n\nThe lab runs from 10:00 - 12:00", { zone }));
    expect(event.sessions).toHaveLength(1);
    expect(event.sessions[0]!.abstract).toBe("The lab runs from 10:00 - 12:00");
  });

  it("refuses text without any session time, saying what it looked for", () => {
    const result = importText("Just some notes about NixCon\n\nNo schedule here.", { zone });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.message).toMatch(/^no session times found; expected lines such as "09:15 - 09:30"/);
  });

  it("refuses an unknown time zone", () => {
    const result = importText("March 6, 2025\n\n09:00\n\nTalk", { zone: "Mars/Olympus_Mons" });
    expect(!result.ok && result.errors[0]).toEqual({ path: "zone", message: '"Mars/Olympus_Mons" is not an IANA time zone, e.g. Europe/Brussels' });
  });

  it("gives two sessions at the same start in the same room distinct keys, warning when they are identical", () => {
    const distinct = eventOf(importText("March 6, 2025\n\nRoom 1\n\n09:00\n\nTalk A\n\n09:00\n\nTalk B", { zone }));
    expect(new Set(distinct.sessions.map((s) => s.key)).size).toBe(2);
    const twice = importText("March 6, 2025\n\nRoom 1\n\n09:00\n\nTalk A\n\n09:00\n\nTalk A", { zone });
    expect(new Set(eventOf(twice).sessions.map((s) => s.key)).size).toBe(2);
    expect(twice.ok && twice.report.warnings.map((w) => w.line)).toContain(9);
  });

  it("reports sessions that overlap in a room, naming the line", () => {
    const result = importText("March 6, 2025\n\nRoom 1\n\n09:00 - 10:00\n\nLong talk\n\n09:30 - 10:30\n\nDouble booking", { zone });
    expect(result.ok && result.report.warnings.some((w) => /overlap/i.test(w.message) && (w.line === 5 || w.line === 9))).toBe(true);
  });

  it("reduces Markdown emphasis in abstracts to plain text", () => {
    const event = eventOf(importText("March 6, 2025\n\n09:00\n\nConfigurable Flakes\n\nFlakes are not *configurable* yet.", { zone }));
    expect(event.sessions[0]!.abstract).toBe("Flakes are not configurable yet.");
  });

  it("removes a byte order mark and lists the repair", () => {
    const result = importText("\uFEFFMarch 6, 2025\n\n09:00\n\nTalk", { zone });
    expect(result.ok && result.report.repairs).toEqual([{ path: "line 1", line: 1, message: "byte order mark removed" }]);
  });

  it("reads CRLF and CR line endings like LF", () => {
    const lf = importText("March 6, 2025\n\nRoom 1\n\n09:00 - 09:30\n\nTalk\n\nAda Lovelace\n\nAbout it.", { zone });
    const crlf = importText("March 6, 2025\r\n\r\nRoom 1\r\n\r\n09:00 - 09:30\r\n\r\nTalk\r\n\r\nAda Lovelace\r\n\r\nAbout it.", { zone });
    const cr = importText("March 6, 2025\r\rRoom 1\r\r09:00 - 09:30\r\rTalk\r\rAda Lovelace\r\rAbout it.", { zone });
    expect(lf.ok && lf.event.sessions[0]!.speakers).toEqual(["Ada Lovelace"]);
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
  });
});
