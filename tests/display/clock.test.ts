import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestSample, createClock, type DisplaySocket, hubTime, MIN_TICK_MS, msToNextSecond, sampleOf } from "../../display/stores/clock.js";
import { memoryStorage } from "../../display/stores/storage.js";

// 2025-03-06 09:25 in Pasadena (UTC−8).
const AT_0925 = Date.parse("2025-03-06T09:25:00-08:00");

describe("the screen clock", () => {
  it("reads a round trip as a lower bound: the hub's time minus the device time the reply arrived", () => {
    // Device clock 3 hours behind the hub; 40 ms round trip, the hub answering halfway.
    const sent = AT_0925 - 3 * 3600_000;
    const sample = sampleOf(sent, AT_0925 + 20, sent + 40);
    expect(sample).toEqual({ offsetMs: 3 * 3600_000 - 20, rttMs: 40 });
  });

  it("is never ahead of the hub and at most the chosen sample's round trip behind, however the trip splits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -6 * 3600_000, max: 6 * 3600_000 }),
        fc.array(fc.record({ out: fc.integer({ min: 0, max: 2_000 }), back: fc.integer({ min: 0, max: 2_000 }), gap: fc.integer({ min: 0, max: 500 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (trueOffset, trips) => {
          let device = AT_0925;
          const samples = trips.map(({ out, back, gap }) => {
            device += gap;
            const sentAt = device;
            const hubReal = sentAt + out + trueOffset; // the hub reads its clock on arrival
            device = sentAt + out + back;
            return sampleOf(sentAt, hubReal, device);
          });
          const best = bestSample(samples)!;
          expect(best.rttMs).toBe(Math.min(...trips.map((t) => t.out + t.back)));
          expect(best.offsetMs).toBeLessThanOrEqual(trueOffset);
          expect(trueOffset - best.offsetMs).toBeLessThanOrEqual(best.rttMs);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("would have run ahead with the midpoint when the way back is the slow half", () => {
    // 2 ms out, 38 ms back: the midpoint puts the hub 18 ms later than it is.
    const sent = AT_0925;
    const sample = sampleOf(sent, sent + 2 + 500, sent + 40);
    expect(sample.offsetMs).toBe(500 - 38);
    expect(500 - sample.offsetMs).toBeLessThanOrEqual(sample.rttMs);
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

describe("the clock store", () => {
  /** A hub 3 hours ahead of the device, answering after 10 ms; one round trip of 200 ms. */
  function fakeHub(device: { now: number }) {
    let call = 0;
    const socket = {
      connected: true,
      on: () => socket,
      timeout: () => ({
        emitWithAck: async (_event: string, sentAt: number) => {
          const rtt = call++ === 2 ? 4 : 200;
          device.now = sentAt + rtt;
          return { hubReal: sentAt + rtt / 2 + 3 * 3600_000 };
        },
      }),
    };
    return socket as unknown as DisplaySocket;
  }

  it("shows no time until the first sync, then hub time from the fastest round trip", async () => {
    const device = { now: AT_0925 - 3 * 3600_000 };
    const storage = memoryStorage();
    const clock = createClock(fakeHub(device), { storage, deviceNow: () => device.now, setTimer: () => 0, clearTimer: () => undefined });
    expect(clock.trusted.value).toBe(false);
    await clock.sync();
    expect(clock.trusted.value).toBe(true);
    // The 4 ms trip wins; the hub answered 2 ms before the reply arrived.
    expect(clock.offsetMs.value).toBe(3 * 3600_000 - 2);
    expect(clock.rttMs.value).toBe(4);
    expect(storage.get("roomcast.clockOffset")).toBe(String(3 * 3600_000 - 2));
    // A reboot without the hub starts from the remembered offset.
    expect(createClock(fakeHub(device), { storage, deviceNow: () => device.now }).trusted.value).toBe(true);
  });
});
