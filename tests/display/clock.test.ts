import { describe, expect, it } from "vitest";
import { bestSample, createClock, type DisplaySocket, hubTime, MIN_TICK_MS, msToNextSecond, sampleOf } from "../../display/stores/clock.js";
import { memoryStorage } from "../../display/stores/storage.js";

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
    expect(clock.offsetMs.value).toBe(3 * 3600_000);
    expect(clock.rttMs.value).toBe(4);
    expect(storage.get("roomcast.clockOffset")).toBe(String(3 * 3600_000));
    // A reboot without the hub starts from the remembered offset.
    expect(createClock(fakeHub(device), { storage, deviceNow: () => device.now }).trusted.value).toBe(true);
  });
});
