// The broadcast benchmark's machine floor (bench/lib/send-floor.c) is run by the benchmark, which
// needs a C compiler; `npm test` does not. What runs here: the checks the benchmark applies to the
// program's output every run (a round that lost or doubled a byte must not become a figure), and
// the report of a missing compiler.
import { describe, expect, it } from "vitest";
import { compileSendFloor, parseSendFloor } from "../../bench/lib/send-floor.js";

describe("send-floor output", () => {
  it("reads each round's loop time, arrival time and bytes", () => {
    const out = '{"rounds":[[8.5,9.1,7660],[8.7,9.4,7660]]}\n';
    expect(parseSendFloor(out, 20, 2, 383)).toEqual({
      rounds: [
        { loopMs: 8.5, allMs: 9.1, bytes: 7660 },
        { loopMs: 8.7, allMs: 9.4, bytes: 7660 },
      ],
    });
  });

  it("refuses a round that did not deliver every byte of every connection, naming the round", () => {
    const out = '{"rounds":[[8.5,9.1,7660],[8.7,9.4,7277]]}';
    expect(() => parseSendFloor(out, 20, 2, 383)).toThrow("send-floor: round 2 delivered 7277 bytes, expected 7660 (20 × 383)");
  });

  it("refuses fewer rounds than asked, a malformed round, and output that is not JSON", () => {
    expect(() => parseSendFloor('{"rounds":[[8.5,9.1,7660]]}', 20, 2, 383)).toThrow("send-floor: expected 2 rounds, got 1");
    expect(() => parseSendFloor('{"rounds":[[8.5,"9.1",7660]]}', 20, 1, 383)).toThrow('send-floor: round 1 is not [loopMs, allMs, bytes]: [8.5,"9.1",7660]');
    expect(() => parseSendFloor("send-floor: accept: Too many open files", 20, 1, 383)).toThrow("send-floor: expected one JSON line");
  });
});

describe("send-floor without a C compiler", () => {
  it("reports the benchmark row as unavailable and names the package to install", () => {
    const outcome = compileSendFloor("/nonexistent/cc");
    expect(outcome).toEqual({ unavailable: expect.stringMatching(/no C compiler \(\/nonexistent\/cc: .*\); install one with: apt-get install -y gcc/) });
  });
});
