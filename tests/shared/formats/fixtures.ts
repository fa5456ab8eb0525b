// Reads the small quirk fixtures we wrote ourselves (tests/fixtures/formats) and imports them.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { importSchedule } from "../../../shared/formats/index.js";
import type { ImportResult } from "../../../shared/formats/types.js";

export const FIXTURES = resolve(import.meta.dirname, "../../fixtures/formats");

export function fixtureText(name: string): string {
  return readFileSync(resolve(FIXTURES, name), "utf8");
}

/** Imports a fixture and fails loudly when it is refused. */
export function importFixture(name: string, zone?: string) {
  const result = importSchedule({ text: fixtureText(name), fileName: name, ...(zone ? { zone } : {}) });
  if (!result.ok) throw new Error(`${name} was refused: ${JSON.stringify(result.errors)}`);
  return result;
}

export function refusal(result: ImportResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.report.format} with ${result.report.sessions} sessions`);
  return result;
}

/** "2011-12-28T00:15" in `zone`, for readable assertions. */
export function local(at: number, zone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(new Date(at))
    .replace(" ", "T");
}
