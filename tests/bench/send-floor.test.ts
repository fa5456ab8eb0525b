// The machine-floor program of the broadcast benchmark (bench/lib/send-floor.c): it must write
// every byte to every connection each round and report loop and arrival times that make sense,
// fail loudly on bad arguments, and say what to install when there is no C compiler.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compileSendFloor, measureSendFloor } from "../../bench/lib/send-floor.js";

const hasCc = spawnSync(process.env.CC ?? "cc", ["--version"]).status === 0;
const inCi = process.env.CI === "true";
if (!hasCc && !inCi) console.warn("\n!!! No C compiler (cc): send-floor tests SKIPPED. Install one with: apt-get install -y gcc !!!\n");

describe.skipIf(!hasCc && !inCi)("send-floor (C)", () => {
  it("writes a frame to every connection each round and times the loop and the last arrival", async () => {
    const result = await measureSendFloor(40, 4, 383);
    if ("unavailable" in result) throw new Error(result.unavailable);
    expect(result.rounds).toHaveLength(4);
    for (const round of result.rounds) {
      expect(round.bytes).toBe(40 * 383);
      expect(round.loopMs).toBeGreaterThan(0);
      expect(round.allMs).toBeGreaterThan(0);
    }
  }, 30_000);

  it("refuses a count that is not a positive integer, with the reason", async () => {
    await expect(measureSendFloor(0, 3, 383)).rejects.toThrow(/COUNT, ROUNDS and SIZE must be positive integers/);
  });
});

describe("send-floor without a C compiler", () => {
  it("reports the row as unavailable and names the package to install", () => {
    const outcome = compileSendFloor("/nonexistent/cc");
    expect(outcome).toEqual({ unavailable: expect.stringMatching(/no C compiler \(\/nonexistent\/cc: .*\); install one with: apt-get install -y gcc/) });
  });
});
