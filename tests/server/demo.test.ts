import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_IDS, DEMOS, demoEvent, demoFile, loadDemo } from "../../server/demo/index.js";
import { fromRoomcastJson, toRoomcastJson } from "../../shared/formats/roomcast.js";
import type { Event, Session } from "../../shared/model.js";
import { conferenceDay, formatTime, toIso } from "../../shared/time.js";

const planetNix = loadDemo("planet-nix-2025");
const nixcon = loadDemo("nixcon-2023");
const fosdem = loadDemo("fosdem-2026-nix");

/** "2025-03-06 room-1" → number of sessions, for count assertions per day and room. */
function countsByDayAndRoom(event: Event): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of event.sessions) {
    const k = `${conferenceDay(s.start, event.timeZone, event.dayChangeHour)} ${s.roomId}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function at(event: Event, roomId: string, iso: string): Session {
  const found = event.sessions.find((s) => s.roomId === roomId && toIso(s.start, event.timeZone) === iso);
  if (!found) throw new Error(`no session in ${roomId} at ${iso}`);
  return found;
}

describe("the demo events", () => {
  it.each(DEMO_IDS)("%s validates as a Roomcast file", (id) => {
    const result = fromRoomcastJson(JSON.parse(readFileSync(demoFile(id), "utf8")));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(DEMO_IDS)("%s round-trips exactly through export and re-import", (id) => {
    const event = loadDemo(id);
    const again = fromRoomcastJson(JSON.parse(JSON.stringify(toRoomcastJson(event))));
    expect(again.ok && again.event).toEqual(event);
  });

  it.each(DEMO_IDS)("%s is written with the offsets its file would be exported with", (id) => {
    const raw: unknown = JSON.parse(readFileSync(demoFile(id), "utf8"));
    const exported = toRoomcastJson(loadDemo(id));
    const rawSessions = (raw as { sessions: { start: string; end: string | null }[] }).sessions;
    expect(rawSessions.map((s) => [s.start, s.end])).toEqual(exported.sessions.map((s) => [s.start, s.end]));
  });

  it("names the file and every field problem when a demo file is invalid", () => {
    const file = JSON.parse(readFileSync(demoFile("planet-nix-2025"), "utf8"));
    file.sessions[0].start = "2025-03-06T09:15:00";
    file.sessions[1].room = "room-9";
    expect(() => demoEvent(file, "/demo/broken.json")).toThrow(
      /^demo \/demo\/broken\.json is not a valid Roomcast file:\n {2}sessions\.0\.start: expected ISO 8601 with an offset/,
    );
    file.sessions[0].start = "2025-03-06T09:15:00-08:00";
    expect(() => demoEvent(file, "/demo/broken.json")).toThrow('sessions.1.room: unknown room "room-9"; expected one of the ids in "rooms"');
  });

  it("refuses an unknown demo id with the list of known ones", () => {
    expect(() => loadDemo("nixcon-1999")).toThrow(/planet-nix-2025, nixcon-2023, fosdem-2026-nix/);
  });

  it("starts each rehearsal clock 10 minutes before day 1, except Planet Nix at 09:25", () => {
    expect(toIso(DEMOS["planet-nix-2025"].rehearsalStart, "America/Los_Angeles")).toBe("2025-03-06T09:25:00-08:00");
    for (const [id, event] of [["nixcon-2023", nixcon], ["fosdem-2026-nix", fosdem]] as const) {
      const first = Math.min(...event.sessions.map((s) => s.start));
      expect(DEMOS[id].rehearsalStart).toBe(first - 10 * 60_000);
    }
  });
});

describe("Planet Nix 2025", () => {
  it("has two days and two rooms in America/Los_Angeles", () => {
    expect(planetNix.timeZone).toBe("America/Los_Angeles");
    expect(planetNix.rooms.map((r) => [r.id, r.name, r.order])).toEqual([
      ["room-1", "Room 1", 1],
      ["room-2", "Room 2", 2],
    ]);
    expect(countsByDayAndRoom(planetNix)).toEqual({
      "2025-03-06 room-1": 14,
      "2025-03-06 room-2": 7,
      "2025-03-07 room-1": 11,
      "2025-03-07 room-2": 5,
    });
  });

  it("keeps breaks and lunch as slots with start and end", () => {
    const breaks = planetNix.sessions.filter((s) => s.type === "break");
    const lunches = planetNix.sessions.filter((s) => s.type === "lunch");
    expect(breaks.map((s) => formatTime(s.start, planetNix.timeZone))).toEqual(["10:30", "14:30", "16:00"]);
    expect(lunches).toHaveLength(4);
    expect(lunches.every((s) => s.end !== null && s.end - s.start === 90 * 60_000)).toBe(true);
    expect(planetNix.sessions.every((s) => s.end !== null)).toBe(true);
  });

  it("has the Nix in Production talk at 11:00 in Room 1, followed by the five-times-faster one", () => {
    const talk = at(planetNix, "room-1", "2025-03-06T11:00:00-08:00");
    expect(talk.key).toBe("pn25-0306-room-1-1100");
    expect(talk.title).toBe("Docker Was Too Slow, So We Replaced It: Nix in Production");
    expect(talk.speakers).toEqual(["Aneesh Agrawal"]);
    expect(at(planetNix, "room-1", "2025-03-06T11:30:00-08:00").title).toBe("How to make Nix five times faster");
  });

  it("splits speakers glued on one line", () => {
    expect(at(planetNix, "room-1", "2025-03-06T09:30:00-08:00").speakers).toEqual(["Ron Efroni Rotman", "Kelsey Hightower"]);
    expect(at(planetNix, "room-2", "2025-03-06T11:00:00-08:00").speakers).toEqual(["Lassulus", "Kenji Berthold"]);
  });

  it("types the ceremonies, the lightning block, speed dating and the workshops", () => {
    const typeAt = (room: string, iso: string) => at(planetNix, room, iso).type;
    expect(typeAt("room-1", "2025-03-06T09:15:00-08:00")).toBe("other");
    expect(typeAt("room-1", "2025-03-06T16:30:00-08:00")).toBe("lightning");
    expect(typeAt("room-2", "2025-03-06T10:30:00-08:00")).toBe("social");
    expect(typeAt("room-2", "2025-03-06T15:00:00-08:00")).toBe("workshop");
    expect(typeAt("room-2", "2025-03-07T09:30:00-08:00")).toBe("workshop");
    expect(typeAt("room-1", "2025-03-07T16:30:00-08:00")).toBe("other");
  });

  it("keeps a session without speakers but with an abstract", () => {
    const speedDating = at(planetNix, "room-2", "2025-03-06T10:30:00-08:00");
    expect(speedDating.speakers).toEqual([]);
    expect(speedDating.abstract).toBe("Not actually dating, but a fast way to meet other conference attendees.");
  });
});

describe("NixCon 2023", () => {
  it("has three days over two rooms in Europe/Berlin", () => {
    expect(nixcon.timeZone).toBe("Europe/Berlin");
    expect(nixcon.rooms.map((r) => [r.id, r.name])).toEqual([
      ["room-122", "Talks (Room 122)"],
      ["room-24", "Workshops (Room 24)"],
    ]);
    expect(countsByDayAndRoom(nixcon)).toEqual({
      "2023-09-08 room-122": 18,
      "2023-09-09 room-122": 19,
      "2023-09-10 room-122": 1,
      "2023-09-09 room-24": 1,
    });
  });

  it("flags sessions without a printed title as untitled, with an empty title", () => {
    const untitled = nixcon.sessions.filter((s) => s.untitled);
    expect(untitled.map((s) => [toIso(s.start, nixcon.timeZone), s.speakers])).toEqual([
      ["2023-09-08T11:50:00+02:00", ["Silvan Mosberger"]],
      ["2023-09-08T16:15:00+02:00", ["talyz"]],
      ["2023-09-09T16:00:00+02:00", ["flokli"]],
      ["2023-09-09T17:55:00+02:00", ["Astro"]],
    ]);
    expect(untitled.every((s) => s.title === "")).toBe(true);
    expect(nixcon.sessions.filter((s) => !s.untitled).every((s) => s.title !== "")).toBe(true);
  });

  it("leaves the end open where only a start is printed, and keeps the printed happy hour end", () => {
    const withEnd = nixcon.sessions.filter((s) => s.end !== null);
    expect(withEnd.map((s) => [s.title, formatTime(s.start, nixcon.timeZone), formatTime(s.end!, nixcon.timeZone)])).toEqual([
      ["NixCon Hiring Happy Hour", "17:55", "18:55"],
    ]);
  });

  it("splits 'Speakers - Type' lines and types 5-minute lightning slots", () => {
    const panel = at(nixcon, "room-122", "2023-09-08T14:50:00+02:00");
    expect(panel.speakers).toEqual(["Ron", "Eelco", "Domen", "Théophane", "Jonas"]);
    expect(panel.type).toBe("talk");
    const lightning = nixcon.sessions.filter((s) => s.type === "lightning");
    expect(lightning).toHaveLength(11);
    expect(at(nixcon, "room-122", "2023-09-09T14:40:00+02:00")).toMatchObject({ title: "Nix in Space", speakers: ["Kip93"], abstract: "" });
    expect(at(nixcon, "room-122", "2023-09-09T13:30:00+02:00")).toMatchObject({ type: "workshop", speakers: [] });
  });

  it("starts the hack day at 08:30", () => {
    expect(at(nixcon, "room-122", "2023-09-10T08:30:00+02:00").title).toBe("NixOS Governance conversation (hackday session)");
  });
});

describe("FOSDEM 2026 Nix and NixOS devroom", () => {
  it("has one room, one day, start times only and no titles", () => {
    expect(fosdem.timeZone).toBe("Europe/Brussels");
    expect(fosdem.rooms.map((r) => r.id)).toEqual(["nix-devroom"]);
    expect(countsByDayAndRoom(fosdem)).toEqual({ "2026-01-31 nix-devroom": 19 });
    expect(fosdem.sessions.every((s) => s.untitled && s.title === "" && s.end === null && s.abstract !== "")).toBe(true);
  });

  it("keeps each abstract as plain text, paragraphs and list lines intact", () => {
    const nima = at(fosdem, "nix-devroom", "2026-01-31T18:15:00+01:00");
    expect(nima.abstract.startsWith("Nima, the Nix Manipulator, is a new Python library")).toBe(true);
    expect(nima.abstract).toContain("Goals\n\n• Ease of use.\n• High-level abstractions make manipulating expressions easy.");
  });
});

describe("docs/roomcast-json.md", () => {
  it("shows an example that validates as a Roomcast file", () => {
    const doc = readFileSync(new URL("../../docs/roomcast-json.md", import.meta.url), "utf8");
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const example = blocks.find((b) => b.includes('"key":'));
    const result = fromRoomcastJson(JSON.parse(example ?? "null"));
    expect(result.ok ? result.report.sessions : result.errors).toBe(3);
  });
});
