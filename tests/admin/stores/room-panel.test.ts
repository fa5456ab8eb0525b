import { signal } from "@preact/signals";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChangeInputRaw } from "../../../shared/model.js";
import type { AdminState, ChangePreview, Result } from "../../../shared/protocol.js";
import { createClock } from "../../../admin/stores/clock.js";
import type { Commands } from "../../../admin/stores/commands.js";
import { createRoomPanel } from "../../../admin/stores/room-panel.js";
import { planetNixState } from "../support/state.js";

const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const DOCKER = "pn25-0306-room-1-1100";
const PREVIEW: ChangePreview = { sessions: [], roomIds: ["room-1"], screens: 2 };

function fakeCommands() {
  const applied: ChangeInputRaw[] = [];
  const commands = {
    preview: vi.fn(async (): Promise<Result<{ preview: ChangePreview }>> => ({ ok: true, preview: PREVIEW })),
    apply: vi.fn(async (change: ChangeInputRaw): Promise<Result<{ version: number; changeId: string }>> => {
      applied.push(change);
      return { ok: true, version: applied.length + 1, changeId: `c${applied.length}` };
    }),
  };
  return { commands: commands as unknown as Commands, applied, mocks: commands };
}

describe("the room panel", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(AT_1115);
  });
  afterEach(() => vi.useRealTimers());

  function setup() {
    const state = signal<AdminState | null>(planetNixState());
    const clock = createClock(state, signal(0));
    const fake = fakeCommands();
    return { state, clock, ...fake, panel: createRoomPanel(fake.commands, clock) };
  }

  it("applies nothing until the confirm tap, then offers undo for a minute", async () => {
    const { panel, applied, clock } = setup();
    panel.propose("room-1", { kind: "delay", sessionKey: DOCKER, minutes: 10 }, "+10 min");
    await vi.waitFor(() => expect(panel.pending.value?.preview).toEqual(PREVIEW));
    expect(applied).toEqual([]);

    panel.confirm();
    await vi.waitFor(() => expect(panel.undoable.value?.changeId).toBe("c1"));
    expect(applied).toEqual([{ kind: "delay", sessionKey: DOCKER, minutes: 10 }]);
    expect(panel.pending.value).toBeNull();

    vi.advanceTimersByTime(59_000);
    expect(panel.undoable.value).not.toBeNull();
    panel.undo();
    await vi.waitFor(() => expect(applied.at(-1)).toEqual({ kind: "undo", changeId: "c1" }));
    expect(panel.undoable.value).toBeNull();
    clock.dispose();
  });

  it("stops offering the one-tap undo after a minute", async () => {
    const { panel, clock } = setup();
    panel.applyNow("room-1", { kind: "room-status", roomId: "room-1", status: "full" }, "Room 1 full");
    await vi.waitFor(() => expect(panel.undoable.value).not.toBeNull());
    vi.advanceTimersByTime(61_000);
    expect(panel.undoable.value).toBeNull();
    clock.dispose();
  });

  it("says why when the hub refuses, and keeps nothing to undo", async () => {
    const { panel, mocks, clock } = setup();
    mocks.apply.mockResolvedValueOnce({ ok: false, error: "forbidden", message: "room-2 is not in this link" });
    panel.propose("room-2", { kind: "delay", sessionKey: "pn25-0306-room-2-1100", minutes: 5 }, "+5 min");
    await vi.waitFor(() => expect(panel.pending.value?.preview).not.toBeNull());
    panel.confirm();
    await vi.waitFor(() => expect(panel.message.value?.kind).toBe("error"));
    expect(panel.message.value?.text).toBe("Not allowed for this sign-in: room-2 is not in this link");
    expect(panel.undoable.value).toBeNull();
    clock.dispose();
  });
});
