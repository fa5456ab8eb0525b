// JSON schedules: c3voc classic, schedule2, pretalx widget, Sessionize — quirks by fixture.
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../../shared/formats/index.js";
import { importFixture, local, refusal } from "./fixtures.js";

describe("c3voc / frab / pretalx schedule.json", () => {
  it("keys sessions that share a guid by id and start instead, and warns naming the guid and path", () => {
    const { event, report } = importFixture("duplicate-guids.json");
    const keys = event.sessions.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("1@2026-01-31T09:00Z@h-1302");
    expect(keys).toContain("dddddddd-0000-4000-8000-000000000003");
    const warning = report.warnings.find((w) => /guid "dddddddd-0000-4000-8000-000000000001" is used by 2 sessions/.test(w.message));
    expect(warning?.path).toBe("schedule.conference.days.0.rooms.H.1302.0");
  });

  it("keeps an empty room, warns about zero, over-8-hour and outside-the-day sessions", () => {
    const { event, report } = importFixture("duplicate-guids.json");
    expect(event.rooms.map((r) => r.name)).toEqual(["H.1302", "Empty Hall", "K.3.201"]);
    const messages = report.warnings.map((w) => w.message);
    expect(messages.some((m) => /"Point in time" .* zero duration/.test(m))).toBe(true);
    expect(messages.some((m) => /"All night soldering" .* lasts 9 h/.test(m))).toBe(true);
    expect(messages.some((m) => /"All night soldering" .* starts outside its day 2026-01-31/.test(m))).toBe(true);
    expect(messages.some((m) => /"Second copy" \(10:30\) overlaps "First copy" \(10:00–10:25\)/.test(m))).toBe(false);
  });

  it("reduces HTML abstracts to text, trims titles, reads full_public_name and name", () => {
    const { event } = importFixture("duplicate-guids.json");
    const first = event.sessions.find((s) => s.title === "First copy")!;
    expect(first.abstract).toBe("Nix flakes");
    expect(first.speakers).toEqual(["Eelco"]);
    expect(event.sessions.find((s) => s.title === "Second copy")!.speakers).toEqual(["Domen"]);
    expect(first.track).toBeNull();
    expect(report0().days).toBe(1);
  });

  it("derives Asia/Kolkata from +05:30 offsets when the file names no zone", () => {
    const { event, report } = importFixture("half-hour-offsets.json");
    expect(event.timeZone).toBe("Asia/Kolkata");
    expect(local(event.sessions[0]!.start, "Asia/Kolkata")).toBe("2023-09-10T10:00");
    expect(report.warnings[0]!.message).toMatch(/names no time zone.*\+05:30/);
  });

  it("lets the zone given by the user win over the offsets", () => {
    const { event } = importFixture("half-hour-offsets.json", "Asia/Colombo");
    expect(event.timeZone).toBe("Asia/Colombo");
  });
});

function report0() {
  return importFixture("duplicate-guids.json").report;
}

describe("schedule2", () => {
  it("imports a CANCELED session as cancelled, a BREAK as a break, and speakers by role", () => {
    const { event, report } = importFixture("schedule2-cancelled.json");
    expect(report.format).toBe("c3voc-schedule2");
    const byTitle = new Map(event.sessions.map((s) => [s.title, s]));
    expect(byTitle.get("Called off")!.cancelled).toBe(true);
    expect(byTitle.get("Still on")!.cancelled).toBe(false);
    expect(byTitle.get("Still on")!.speakers).toEqual(["Speaker One"]);
    expect(byTitle.get("Still on")!.abstract).toBe("English abstract");
    expect(byTitle.get("Break")!.type).toBe("break");
    expect(event.rooms).toEqual([{ id: "saal-1", name: "Saal 1", order: 0, sourceId: "ba692ba3-421b-5371-8309-60acc34a3c05" }]);
  });
});

describe("pretalx widget data", () => {
  it("resolves rooms, tracks and speakers by id, and compares a break's mixed offsets as instants", () => {
    const { event, report } = importFixture("pretalx-widget.json");
    expect(report.format).toBe("pretalx-widget");
    expect(event.rooms[0]!.name).toBe("Main Hall");
    const talk = event.sessions.find((s) => s.title === "Threat models")!;
    expect(talk.speakers).toEqual(["Mallory"]);
    expect(talk.track).toBe("Security");
    const lunch = event.sessions.find((s) => s.title === "Lunch")!;
    expect(lunch.type).toBe("lunch");
    expect(local(lunch.start, "Europe/Berlin")).toBe("2026-10-02T12:30");
    expect((lunch.end! - lunch.start) / 60_000).toBe(60);
  });
});

describe("Sessionize", () => {
  it("reads naive local times in the given zone, service sessions as breaks, plenum sessions in every room", () => {
    const { event, report } = importFixture("sessionize.json", "Europe/Lisbon");
    expect(report.format).toBe("sessionize");
    expect(event.rooms.map((r) => r.name)).toEqual(["Room A", "Room B"]);
    const keynote = event.sessions.filter((s) => s.title === "Keynote: Hello");
    expect(keynote.map((s) => s.roomId).sort()).toEqual(["room-a", "room-b"]);
    expect(local(keynote[0]!.start, "Europe/Lisbon")).toBe("2025-02-22T09:00");
    expect(keynote[0]!.type).toBe("keynote");
    expect(event.sessions.find((s) => s.title === "Coffee")!.type).toBe("break");
    const rust = event.sessions.find((s) => s.title === "Rust at the edge")!;
    expect(rust.end).toBeNull();
    expect(rust.speakers).toEqual(["李 雷", "Ana Sousa"]);
    expect(report.warnings.some((w) => /1 sessions have no start/.test(w.message))).toBe(true);
  });

  it("reads naive times as UTC without a zone and asks for one", () => {
    const { event, report } = importFixture("sessionize.json");
    expect(event.timeZone).toBe("UTC");
    expect(report.warnings.some((w) => /give the venue's zone/.test(w.message))).toBe(true);
  });
});

describe("JSON that is no schedule", () => {
  it("says which keys it found and which shapes it expected", () => {
    const result = refusal(importSchedule({ text: '{"name": "package", "version": "1.0.0"}' }));
    expect(result.format).toBe("json");
    expect(result.errors[0]!.message).toMatch(/keys "name", "version", but no known schedule shape/);
  });

  it("points at the line of a syntax error", () => {
    const result = refusal(importSchedule({ text: '{\n "schedule": {\n  "version": 1,,\n }\n}' }));
    expect(result.errors[0]!.line).toBe(3);
  });
});
