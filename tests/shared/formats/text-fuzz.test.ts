// Bad input never breaks the pasted-text importer: it returns an event or precise errors,
// never throws, and stays fast on large and hostile text.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText } from "../../../shared/formats/text.js";

const SEEDS = resolve(import.meta.dirname, "../../../../shared/seeds");
const SEED_TEXTS: Array<[string, string]> = [
  [readFileSync(resolve(SEEDS, "planet-nix-2025.txt"), "utf8"), "America/Los_Angeles"],
  [readFileSync(resolve(SEEDS, "nixcon-2023.txt"), "utf8"), "Europe/Berlin"],
  [readFileSync(resolve(SEEDS, "fosdem-2026-nix-track.txt"), "utf8"), "Europe/Brussels"],
];
const MAX_MS = 1000;

function timed(text: string, zone: string): number {
  const t0 = performance.now();
  const result = importText(text, { zone });
  const ms = performance.now() - t0;
  // Either an event or at least one located error.
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  else expect(result.event.sessions.length).toBeGreaterThan(0);
  return ms;
}

describe("importText under bad input", () => {
  it("answers arbitrary text with an event or errors, never an exception", () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom("09:15 - 09:30", "10:15 AM", "2026-01-31T15:00:00+01:00", "Room 1", "Start of Day 2", "Thursday - March 6th, 2025", "", "Ada Lovelace - Talk", "N/A"),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        expect(timed(lines.join("\n"), "Europe/Berlin")).toBeLessThan(MAX_MS);
      }),
      { numRuns: 300 },
    );
  });

  it("survives byte-level mutations of the seed texts", () => {
    fc.assert(
      fc.property(fc.nat(SEED_TEXTS.length - 1), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 4 })), { maxLength: 20 }), (which, edits) => {
        let [text, zone] = SEED_TEXTS[which]!;
        for (const [where, insert] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + insert + text.slice(at + (insert.length % 3));
        }
        expect(timed(text, zone)).toBeLessThan(MAX_MS);
      }),
      { numRuns: 200 },
    );
  });

  it("imports a 1,000-session paste in well under a second", () => {
    const parts = ["Saturday, 31 January 2026"];
    for (let room = 1; room <= 20; room++) {
      parts.push(`Room ${room}`);
      for (let i = 0; i < 50; i++) {
        const min = 9 * 60 + i * 15;
        const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        parts.push(`${hhmm(min)} - ${hhmm(min + 15)}`, `Talk ${room}.${i}`, "Ada Lovelace Grace Hopper", "An abstract. ".repeat(30));
      }
    }
    const text = parts.join("\n\n");
    const result = importText(text, { zone: "Europe/Brussels" });
    expect(result.ok && result.report.sessions).toBe(1000);
    expect(timed(text, "Europe/Brussels")).toBeLessThan(MAX_MS);
  });

  it("stays fast on one enormous line full of digits and colons", () => {
    const text = `March 6, 2025\n\n09:00\n\nTalk\n\n${"1:2 3:45 ".repeat(50_000)}`;
    expect(timed(text, "Europe/Berlin")).toBeLessThan(MAX_MS);
  });
});
