// Bad input never breaks the importer: byte-level mutations of the real samples either import
// or are refused with a precise error — never a throw, never an internal error, never a second.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../../shared/formats/index.js";

const SAMPLES = resolve(import.meta.dirname, "../../../../shared/formats/samples");
/** Mutating the first 60 kB keeps each run fast and still reaches every structure. */
const HEAD_CHARS = 60_000;
const TEXTS = readdirSync(SAMPLES)
  .filter((f) => !f.endsWith(".md"))
  .sort()
  .map((f) => readFileSync(resolve(SAMPLES, f), "utf8").slice(0, HEAD_CHARS));

const TOKENS = ["<", ">", "&", '"', "{", "}", "[", "]", ":", ",", "\n ", "\u0000", "\u0006", "\r", "&nbsp;", "&lol;", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "BEGIN:VEVENT\n", "\uFEFF", "💥"];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("byte" as const), at: fc.nat(), code: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("token" as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant("copy" as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
);

type Mutation = { kind: "delete" | "byte" | "token" | "copy"; at: number; length?: number; code?: number; token?: string; from?: number };

function mutate(text: string, ops: Mutation[]): string {
  let out = text;
  for (const op of ops) {
    const at = op.at % (out.length + 1);
    if (op.kind === "delete") out = out.slice(0, at) + out.slice(at + op.length!);
    else if (op.kind === "byte") out = out.slice(0, at) + String.fromCharCode(op.code!) + out.slice(at + 1);
    else if (op.kind === "token") out = out.slice(0, at) + op.token! + out.slice(at);
    else {
      const from = op.from! % (out.length + 1);
      out = out.slice(0, at) + out.slice(from, from + op.length!) + out.slice(at);
    }
  }
  return out;
}

describe("importing mutated real samples", () => {
  it("returns a schedule or a precise refusal, within a second, for every mutation", () => {
    fc.assert(
      fc.property(fc.nat({ max: TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), (which, ops) => {
        const text = mutate(TEXTS[which]!, ops);
        const started = performance.now();
        const result = importSchedule({ text });
        expect(performance.now() - started).toBeLessThan(1000);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors[0]!.path).not.toBe("(importer)");
          expect(result.errors[0]!.message.length).toBeGreaterThan(10);
        } else {
          expect(result.report.sessions).toBe(result.event.sessions.length);
        }
      }),
      { numRuns: 300, seed: 20260131 },
    );
  }, 120_000);
});
