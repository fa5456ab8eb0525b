// The organizer's screen list is serialised once per change of the screen registry and reused
// for every whole admin:state and screens:changed until then: it must never be stale.
import { describe, expect, it, vi } from "vitest";
import { SCREENS_NOTIFY_INTERVAL_MS, screensNotifyDelay } from "../../server/hub.js";
import type { AdminState } from "../../shared/protocol.js";
import { applyChange, connectDisplay, hello, nextEvent, screenOn, sleep, useOrganizerHub } from "./helpers.js";

describe("the screen list in an organizer's state", () => {
  const fx = useOrganizerHub();

  /** A change (the list itself stays cached across it), then the whole state (an admin's resync). */
  async function stateAfterAChange(text: string): Promise<AdminState> {
    expect((await applyChange(fx.admin, { kind: "announce", text, level: "info", target: { kind: "all" } })).ok).toBe(true);
    const whole = nextEvent<AdminState>(fx.admin, "admin:state");
    fx.admin.emit("admin:resync");
    return whole;
  }

  it("shows a screen that connected since the last change, then its new view, then that it went offline", async () => {
    await stateAfterAChange("before");
    const screen = await screenOn(fx.hub, "room:room-1");
    fx.sockets.push(screen.socket);
    const withScreen = await stateAfterAChange("after hello");
    expect(withScreen.screens.find((s) => s.screenId === screen.screenId)).toMatchObject({ view: "room:room-1", online: true });

    const reply = await hello(screen.socket, { screenId: screen.screenId, view: "room:room-2", version: null, appVersion: fx.hub.appVersion });
    expect(reply.ok).toBe(true);
    const moved = await stateAfterAChange("after second hello");
    expect(moved.screens.find((s) => s.screenId === screen.screenId)).toMatchObject({ view: "room:room-2", online: true });

    screen.socket.disconnect();
    await new Promise<void>((resolve) => {
      const poll = () => (fx.hub.hub.screens.get(screen.screenId)?.sockets.size === 0 ? resolve() : setTimeout(poll, 10));
      poll();
    });
    const offline = await stateAfterAChange("after disconnect");
    expect(offline.screens.find((s) => s.screenId === screen.screenId)).toMatchObject({ online: false });
  });

  it("lists an offline screen the hub keeps only as a row, and an organizer can name and assign it before it returns", async () => {
    const screen = await screenOn(fx.hub, null);
    const code = screen.snapshot.pairingCode;
    screen.socket.disconnect();
    await new Promise<void>((resolve) => {
      const poll = () => (fx.hub.hub.screens.get(screen.screenId)?.sockets.size === 0 ? resolve() : setTimeout(poll, 10));
      poll();
    });
    fx.hub.hub.screens.flush(); // the next batch of bookkeeping: the offline screen leaves memory
    expect(fx.hub.hub.screens.inMemory).toBe(0);

    const listed = await stateAfterAChange("while it is away");
    expect(listed.screens.find((s) => s.screenId === screen.screenId)).toMatchObject({ pairingCode: code, online: false });
    expect(await fx.admin.timeout(3000).emitWithAck("screen:rename", { screenId: screen.screenId, name: "Hall B door" })).toMatchObject({ ok: true });
    expect(await fx.admin.timeout(3000).emitWithAck("screen:assign", { screenId: screen.screenId, view: "room:room-2" })).toMatchObject({ ok: true });
    const named = await stateAfterAChange("after naming it");
    expect(named.screens.find((s) => s.screenId === screen.screenId)).toMatchObject({ name: "Hall B door", online: false });

    // It comes back as itself: same pairing code, its name, the view it was assigned meanwhile.
    const socket = connectDisplay(fx.hub);
    fx.sockets.push(socket);
    const reply = await hello(socket, { screenId: screen.screenId, view: null, version: null, appVersion: fx.hub.appVersion });
    expect(reply.ok && reply.snapshot).toMatchObject({ pairingCode: code, screenName: "Hall B door", view: "room:room-2" });
  });

  it("shows a rename in the next state even when nothing else about the screens changed", async () => {
    const screen = await screenOn(fx.hub, "lobby");
    fx.sockets.push(screen.socket);
    await stateAfterAChange("before rename");
    fx.hub.hub.screens.update(screen.screenId, { name: "Foyer" });
    const renamed = await stateAfterAChange("after rename");
    expect(renamed.screens.find((s) => s.screenId === screen.screenId)?.name).toBe("Foyer");
  });
});

describe("screen list updates to organizers", () => {
  const fx = useOrganizerHub();

  it("come at most once a second, and further apart when building the list takes longer (at most 5 % of the hub's time)", async () => {
    expect(screensNotifyDelay(0)).toBe(SCREENS_NOTIFY_INTERVAL_MS);
    expect(screensNotifyDelay(20)).toBe(SCREENS_NOTIFY_INTERVAL_MS);
    expect(screensNotifyDelay(90)).toBe(1800);

    // Building the list appears to take 100 ms: every reading of the clock moves it on by 100 ms.
    let fake = performance.now();
    const clock = vi.spyOn(performance, "now").mockImplementation(() => (fake += 100));
    try {
      const arrivals: number[] = [];
      fx.admin.on("screens:changed", () => arrivals.push(Date.now()));
      const first = await screenOn(fx.hub, "lobby");
      fx.sockets.push(first.socket);
      while (arrivals.length < 1) await sleep(20);
      // A second screen at once: its update waits for the list's cost, 100 ms / 5 % = 2 s.
      const second = await screenOn(fx.hub, "lobby");
      fx.sockets.push(second.socket);
      while (arrivals.length < 2) await sleep(20);
      expect((arrivals[1] as number) - (arrivals[0] as number)).toBeGreaterThanOrEqual(1900);
    } finally {
      clock.mockRestore();
    }
  });
});
