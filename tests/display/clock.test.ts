import { describe, expect, it } from "vitest";
import { bestSample, hubTime, MIN_TICK_MS, msToNextSecond, sampleOf } from "../../display/stores/clock.js";

// 2025-03-06 09:25 in Pasadena (UTC−8).
const AT_0925 = Date.parse("2025-03-06T09:25:00-08:00");

describe("the screen clock", () => {
  it("estimates the hub offset from the middle of a round trip", () => {
    // Device clock 3 hours behind the hub; 40 ms round trip.
    const sent = AT_0925 - 3 * 3600_000;
    const sample = sampleOf(sent, AT_0925 + 20, sent + 40);
    expect(sample).toEqual({ offsetMs: 3 * 3600_000, rttMs: 40 });
  });

  it("keeps the sample with the smallest round trip", () => {
    const samples = [
      { offsetMs: 120, rttMs: 300 },
      { offsetMs: 101, rttMs: 4 },
      { offsetMs: 90, rttMs: 60 },
    ];
    expect(bestSample(samples)).toEqual({ offsetMs: 101, rttMs: 4 });
    expect(bestSample([])).toBeNull();
  });

  it("runs the rehearsal clock from its anchor at its rate", () => {
    const rehearsal = { anchorVirtual: AT_0925, anchorReal: 1_000_000, rate: 60 };
    expect(hubTime(1_000_000, rehearsal)).toBe(AT_0925);
    expect(hubTime(1_001_000, rehearsal)).toBe(AT_0925 + 60_000);
    expect(hubTime(1_001_000, null)).toBe(1_001_000);
  });

  it("ticks exactly on the next displayed second at real time", () => {
    expect(msToNextSecond(AT_0925 + 250, 1)).toBe(750);
    expect(msToNextSecond(AT_0925, 1)).toBe(1000);
  });

  it("does not spin faster than the minimum tick when the rehearsal clock runs fast", () => {
    expect(msToNextSecond(AT_0925 + 500, 60)).toBe(MIN_TICK_MS);
    expect(msToNextSecond(AT_0925 + 500, 0)).toBe(1000);
  });
});
