// The built-in demo events: Roomcast JSON files transcribed from the seed documents, validated
// through the same importer as any other Roomcast file, so a broken demo fails loudly at start.
import { readFileSync } from "node:fs";
import type { Event } from "../../shared/model.js";
import { fromRoomcastJson } from "../../shared/formats/roomcast.js";
import { parseIso } from "../../shared/time.js";
import { rootPath } from "../paths.js";

export const DEMO_IDS = ["planet-nix-2025", "nixcon-2023", "fosdem-2026-nix"] as const;
export type DemoId = (typeof DEMO_IDS)[number];

export interface DemoInfo {
  id: DemoId;
  /** One line for `--help` and the console banner. */
  description: string;
  /** Where the rehearsal clock starts, UTC epoch ms: a moment when talks are about to be live. */
  rehearsalStart: number;
}

// Written with the event zone's offset so the wall-clock moment is readable here.
function instant(iso: string): number {
  const at = parseIso(iso, "UTC");
  if (at === null) throw new Error(`demo rehearsal start "${iso}" is not an ISO 8601 instant`);
  return at;
}

export const DEMOS: Record<DemoId, DemoInfo> = {
  "planet-nix-2025": {
    id: "planet-nix-2025",
    description: "Planet Nix 2025, Pasadena (SCALE 22x): 2 rooms, 6–7 March 2025, every slot with start and end",
    // The opening ceremony starts at 09:15; 09:25 shows it live with the first talk next.
    rehearsalStart: instant("2025-03-06T09:25:00-08:00"),
  },
  "nixcon-2023": {
    id: "nixcon-2023",
    description: "NixCon 2023, Darmstadt: 2 rooms, 8–10 September 2023, start times only, some untitled sessions",
    // 10 minutes before the 10:00 opening ceremony of day 1.
    rehearsalStart: instant("2023-09-08T09:50:00+02:00"),
  },
  "fosdem-2026-nix": {
    id: "fosdem-2026-nix",
    description: "FOSDEM 2026 Nix and NixOS devroom, Brussels: 1 room, 31 January 2026, abstracts without titles",
    // 10 minutes before the 15:00 devroom opening.
    rehearsalStart: instant("2026-01-31T14:50:00+01:00"),
  },
};

/** True when `id` names a built-in demo. */
export function isDemoId(id: string): id is DemoId {
  return (DEMO_IDS as readonly string[]).includes(id);
}

/** Path of a demo's JSON file, next to this module's source. */
export function demoFile(id: DemoId): string {
  return rootPath("server", "demo", `${id}.json`);
}

/** Reads and validates a demo event; throws an Error naming the file and every field problem. */
export function loadDemo(id: string): Event {
  if (!isDemoId(id)) throw new Error(`unknown demo "${id}"; expected one of: ${DEMO_IDS.join(", ")}`);
  const file = demoFile(id);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`demo ${file} cannot be read as JSON: ${(err as Error).message}`);
  }
  return demoEvent(json, file);
}

/** Validates parsed demo JSON; throws an Error naming `file` and every field problem, one per line. */
export function demoEvent(json: unknown, file: string): Event {
  const result = fromRoomcastJson(json);
  if (!result.ok) {
    const problems = result.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n");
    throw new Error(`demo ${file} is not a valid Roomcast file:\n${problems}`);
  }
  return result.event;
}
