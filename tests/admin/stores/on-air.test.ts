import { signal } from "@preact/signals";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AdminState } from "../../../shared/protocol.js";
import type { AdminStateStore } from "../../../admin/stores/admin-state.js";
import { createClock } from "../../../admin/stores/clock.js";
import { createOnAir } from "../../../admin/stores/on-air.js";
import { planetNixState, stamp } from "../support/state.js";

const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const DOCKER = "pn25-0306-room-1-1100";

describe("what is on, as the admin pages see it", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(AT_1115);
  });
  afterEach(() => vi.useRealTimers());

  it("re-evaluates at once when the hub sends a change, at the instant it arrives", () => {
    const state = signal<AdminState | null>(planetNixState());
    const clock = createClock(state, signal(0));
    const onAir = createOnAir({ state } as unknown as AdminStateStore, clock);
    expect(onAir.byRoom.value.get("room-1")?.now.current?.key).toBe(DOCKER);

    // Real time (no rehearsal clock in this state) reaches 11:32:13 and the page has ticked.
    vi.setSystemTime(Date.parse("2025-03-06T11:32:12-08:00"));
    vi.advanceTimersByTime(1000);
    const faster = "pn25-0306-room-1-1130";
    expect(onAir.byRoom.value.get("room-1")?.now.current?.key).toBe(faster);
    const tick = clock.scheduleTick.value;

    // "Started now" for the 11:30 talk arrives: it runs from 11:32:13, current right away,
    // without waiting for the next tick.
    state.value = planetNixState([stamp({ kind: "started", sessionKey: faster }, Date.parse("2025-03-06T11:32:13-08:00"))]);
    expect(clock.scheduleTick.value).toBe(tick);
    const line = onAir.byRoom.value.get("room-1")!;
    expect(line.now.current?.key).toBe(faster);
    expect(line.now.current?.start).toBe(Date.parse("2025-03-06T11:32:13-08:00"));
    clock.dispose();
  });

  it("moves to the next talk on the schedule tick as hub time passes a boundary", () => {
    vi.setSystemTime(Date.parse("2025-03-06T11:29:58-08:00"));
    const state = signal<AdminState | null>(planetNixState());
    const clock = createClock(state, signal(0));
    const onAir = createOnAir({ state } as unknown as AdminStateStore, clock);
    expect(onAir.byRoom.value.get("room-1")?.now.current?.key).toBe(DOCKER);
    vi.advanceTimersByTime(6000);
    expect(onAir.byRoom.value.get("room-1")?.now.current?.key).toBe("pn25-0306-room-1-1130");
    clock.dispose();
  });
});
