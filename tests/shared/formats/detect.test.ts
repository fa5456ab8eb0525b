// importSchedule: detection by content, refusals that say what was seen, Roomcast JSON round
// trips, pasted text with a zone, room ids kept across re-imports, and totality on junk.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../../shared/formats/index.js";
import { reconcileRooms } from "../../../shared/formats/reconcile.js";
import { toRoomcastJson } from "../../../shared/formats/roomcast.js";
import { loadDemo } from "../../../server/demo/index.js";
import { fixtureText, importFixture, refusal } from "./fixtures.js";

const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");

describe("detection by content", () => {
  it("ignores the file name: an XML schedule called .json is read as XML", () => {
    const result = importSchedule({ text: fixtureText("pretalx-quirks.xml"), fileName: "schedule.json" });
    expect(result.ok && result.report.format).toBe("frab-xml");
  });

  it("refuses empty input, binary input and plain text without a zone, saying why", () => {
    expect(refusal(importSchedule({ text: "  \n " })).errors[0]!.message).toBe("the file is empty");
    expect(refusal(importSchedule({ text: "\u0000\u0001PK\u0003\u0004" })).errors[0]!.message).toMatch(/binary/);
    expect(refusal(importSchedule({ text: "Day 1\n09:00 - 09:30 Hello\n" })).errors[0]!.message).toMatch(/needs the venue's time zone/);
  });

  it("round-trips Roomcast JSON exactly", () => {
    const event = loadDemo("planet-nix-2025");
    const result = importSchedule({ text: JSON.stringify(toRoomcastJson(event)) });
    expect(result.ok && result.report.format).toBe("roomcast");
    expect(result.ok && result.event).toEqual(event);
  });

  it("imports the Planet Nix seed text with a zone to the demo event's sessions", () => {
    const demo = loadDemo("planet-nix-2025");
    const result = importSchedule({ text: readFileSync(resolve(SEEDS, "planet-nix-2025.txt"), "utf8"), zone: "America/Los_Angeles" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.report.format).toBe("text");
    const slots = (e: typeof demo) => e.sessions.map((s) => `${s.start} ${s.title}`).sort();
    expect(slots(result.event)).toEqual(slots(demo));
  });

  it("never throws and answers within a second on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("<schedule>", "{\"schedule\":", "BEGIN:VCALENDAR\n", "<iCalendar>").chain((p) => fc.string().map((s) => p + s))), (text) => {
        const started = performance.now();
        const result = importSchedule({ text });
        expect(typeof result.ok).toBe("boolean");
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });
});

describe("stable identity across re-imports", () => {
  it("gives the same keys and room ids when the same file is imported twice", () => {
    const a = importFixture("duplicate-guids.json").event;
    const b = importFixture("duplicate-guids.json").event;
    expect(b.sessions.map((s) => s.key)).toEqual(a.sessions.map((s) => s.key));
    expect(b.rooms).toEqual(a.rooms);
  });

  it("keeps a room's id when the source renames it but keeps its guid", () => {
    const before = importFixture("schedule2-cancelled.json").event;
    const renamed = importSchedule({ text: fixtureText("schedule2-cancelled.json").replaceAll('"name": "Saal 1"', '"name": "Saal Eins"') });
    if (!renamed.ok) throw new Error("refused");
    expect(renamed.event.rooms[0]!.id).toBe("saal-eins");
    const { event, renamed: renames } = reconcileRooms(before, renamed.event);
    expect(event.rooms.map((r) => [r.id, r.name])).toEqual([["saal-1", "Saal Eins"]]);
    expect(new Set(event.sessions.map((s) => s.roomId))).toEqual(new Set(["saal-1"]));
    expect(renames).toEqual([{ id: "saal-1", from: "Saal 1", to: "Saal Eins" }]);
  });

  it("keeps a room's id by name when the source has no guid", () => {
    const before = importFixture("pentabarf-after-midnight.xml").event;
    const next = { ...before, rooms: before.rooms.map((r) => ({ ...r, id: `${r.id}-x` })), sessions: before.sessions.map((s) => ({ ...s, roomId: `${s.roomId}-x` })) };
    expect(reconcileRooms(before, next).event.rooms.map((r) => r.id)).toEqual(["saal-1", "saal-2"]);
  });
});
