// The three seed documents, pasted as text, import to the same sessions as the demo events
// transcribed from them: same titles, speakers, types, starts, ends, rooms and abstracts.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../../server/demo/index.js";
import type { Event } from "../../../shared/model.js";
import { importText } from "../../../shared/formats/text.js";
import { toIso } from "../../../shared/time.js";

const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");

function imported(file: string, zone: string): Event {
  const result = importText(readFileSync(resolve(SEEDS, file), "utf8"), { zone });
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.event;
}

/** A session as screens see it, with its room given by position in the event's room order. */
function comparable(event: Event) {
  const roomIndex = new Map(event.rooms.map((r, i) => [r.id, i]));
  return event.sessions
    .map((s) => ({
      room: roomIndex.get(s.roomId),
      start: toIso(s.start, event.timeZone),
      end: s.end === null ? null : toIso(s.end, event.timeZone),
      title: s.title,
      untitled: s.untitled,
      type: s.type,
      speakers: s.speakers,
      abstract: s.abstract,
    }))
    .sort((a, b) => a.room! - b.room! || a.start.localeCompare(b.start));
}

describe("importText on the seed documents", () => {
  it("reads the Planet Nix page into the Planet Nix demo, glued speakers split", () => {
    const event = imported("planet-nix-2025.txt", "America/Los_Angeles");
    const demo = loadDemo("planet-nix-2025");
    expect(event.rooms.map((r) => r.name)).toEqual(demo.rooms.map((r) => r.name));
    expect(comparable(event)).toEqual(comparable(demo));
  });

  it("reads the NixCon 2023 page into the NixCon demo, untitled sessions flagged", () => {
    const event = imported("nixcon-2023.txt", "Europe/Berlin");
    const demo = loadDemo("nixcon-2023");
    expect(event.rooms.map((r) => r.name)).toEqual(demo.rooms.map((r) => r.name));
    expect(comparable(event)).toEqual(comparable(demo));
  });

  it("reads the FOSDEM track page into the FOSDEM demo: one room, no titles, start times only", () => {
    const event = imported("fosdem-2026-nix-track.txt", "Europe/Brussels");
    const demo = loadDemo("fosdem-2026-nix");
    expect(event.rooms).toHaveLength(1);
    expect(comparable(event)).toEqual(comparable(demo));
  });

  it("reports days, rooms and sessions, and the footer lines it skipped, by line", () => {
    const result = importText(readFileSync(resolve(SEEDS, "nixcon-2023.txt"), "utf8"), { zone: "Europe/Berlin" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ format: "text", days: 3, rooms: 2, sessions: 39 });
    expect(result.report.warnings.map((w) => w.line)).toEqual([334, 336]);
    expect(result.event.title).toBe("NixCon 2023 Darmstadt");
  });

  it("keeps the session keys stable when the same text is imported again", () => {
    const text = readFileSync(resolve(SEEDS, "planet-nix-2025.txt"), "utf8");
    const first = importText(text, { zone: "America/Los_Angeles" });
    const second = importText(`${text}\n`, { zone: "America/Los_Angeles" });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const keys = first.event.sessions.map((s) => s.key);
    expect(second.event.sessions.map((s) => s.key)).toEqual(keys);
    expect(new Set(keys).size).toBe(37);
  });

  it("uses the title and id it is given", () => {
    const text = readFileSync(resolve(SEEDS, "planet-nix-2025.txt"), "utf8");
    const result = importText(text, { zone: "America/Los_Angeles", title: "Planet Nix 2025", eventId: "pn25" });
    expect(result.ok && [result.event.id, result.event.title]).toEqual(["pn25", "Planet Nix 2025"]);
  });
});
