// The engine on the real demo events (server/demo/*.json read through fromRoomcastJson), pinned
// in each event's zone: the Planet Nix loop of the foundation issue, and honest untitled sessions.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRoomcastJson } from "../../shared/formats/roomcast.js";
import type { EffectiveSchedule, Event } from "../../shared/model.js";
import { whatIsOn } from "../../shared/on-air.js";
import { formatTime } from "../../shared/time.js";
import { fold } from "../../shared/timeline.js";
import { ChangeLog, local } from "./support/builders.js";

function demo(name: string): Event {
  const json: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../server/demo/${name}.json`), "utf8"));
  const result = fromRoomcastJson(json);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.event;
}

const LA = "America/Los_Angeles";
const at = (hhmm: string) => local(`2025-03-06 ${hhmm}`, LA);

function byTitle(effective: EffectiveSchedule, title: string) {
  const s = effective.sessions.find((x) => x.title === title && x.roomId === "room-1");
  if (!s) throw new Error(`no "${title}" in Room 1`);
  return `${formatTime(s.start, LA)}–${formatTime(s.end, LA)}`;
}

describe("Planet Nix 2025 demo", () => {
  const event = demo("planet-nix-2025");

  it("shows the Docker talk as current and the Nix speed talk as next in Room 1 at 2025-03-06 11:15", () => {
    const room = whatIsOn(fold(event, []), "room:room-1", at("11:15")).rooms[0]!;
    expect(room.state).toBe("on");
    expect(room.current?.title).toBe("Docker Was Too Slow, So We Replaced It: Nix in Production");
    expect(room.next?.title).toBe("How to make Nix five times faster");
  });

  it("pushes the 11:30 talk to 11:40 and shrinks lunch to 12:10–13:30 after a 10-minute delay of the 11:00 talk", () => {
    const effective0 = fold(event, []);
    const docker = effective0.sessions.find((s) => s.title.startsWith("Docker Was Too Slow"))!;
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: docker.key, minutes: 10 }, at("10:58"));
    const effective = fold(event, log.changes);
    expect(byTitle(effective, "How to make Nix five times faster")).toBe("11:40–12:10");
    expect(byTitle(effective, "Lunch")).toBe("12:10–13:30");
    expect(byTitle(effective, "Nix in the Wild")).toBe("13:30–14:00");
    const room = whatIsOn(effective, "room:room-1", at("11:35")).rooms[0]!;
    expect(room.current?.key).toBe(docker.key);
    expect(room.overrunning).toBe(true);
    expect(room.nextDelayed).toBe(true);
  });

  it("leaves Room 2 unchanged by Room 1's delay", () => {
    const docker = fold(event, []).sessions.find((s) => s.title.startsWith("Docker Was Too Slow"))!;
    const log = new ChangeLog();
    log.add({ kind: "delay", sessionKey: docker.key, minutes: 10 });
    const room2 = (e: EffectiveSchedule) => e.sessions.filter((s) => s.roomId === "room-2");
    expect(room2(fold(event, log.changes))).toEqual(room2(fold(event, [])));
  });

  it("opens the rehearsal morning at 09:25 with the opening ceremony on in Room 1 and Room 2 before its first talk", () => {
    const [one, two] = whatIsOn(fold(event, []), "lobby", at("09:25")).rooms;
    expect(one).toMatchObject({ state: "on" });
    expect(one?.current?.title).toBe("Opening Ceremony");
    expect(two?.state).toBe("before-event");
  });
});

describe("NixCon 2023 and FOSDEM 2026 demos", () => {
  it("gives untitled sessions a placeholder from their abstract and keeps them flagged", () => {
    for (const name of ["nixcon-2023", "fosdem-2026-nix"]) {
      const untitled = fold(demo(name), []).sessions.filter((s) => s.untitled);
      for (const s of untitled) {
        expect(s.displayTitle.length).toBeGreaterThan(0);
        expect(s.displayTitle.length).toBeLessThanOrEqual(80);
        if (s.title) expect(s.displayTitle).toBe(s.title);
      }
    }
    const nixcon = fold(demo("nixcon-2023"), []).sessions.filter((s) => s.untitled && s.title === "");
    expect(nixcon.length).toBeGreaterThan(0);
    expect(nixcon.some((s) => s.displayTitle.startsWith("For almost 20 years now"))).toBe(true);
  });

  it("ends sessions given only a start at the next start in their room", () => {
    const effective = fold(demo("nixcon-2023"), []);
    const room = effective.rooms[0]!.id;
    const sessions = effective.sessions.filter((s) => s.roomId === room && s.day === effective.sessions[0]!.day);
    for (let i = 0; i + 1 < sessions.length; i++) expect(sessions[i]!.end).toBeLessThanOrEqual(sessions[i + 1]!.start);
    expect(sessions.every((s) => s.end > s.start)).toBe(true);
  });
});
