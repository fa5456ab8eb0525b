// The volunteer's room page: propose a change, read its preview from the hub, confirm it, and
// undo it with one tap for a minute.
//
// Decision: every schedule change made from the room page ("Started now", "Ended now", "+5",
// "+10", "+15", custom minutes, cancel, restore) is previewed first and needs a second tap on
// the `confirm` button; a wrong tap by a thumb must not move a talk on every screen. "Room full"
// / "Room open" applies at once (its effect is obvious and needs no preview). Both are undoable
// for UNDO_WINDOW_MS with the `undo` button.
import { computed, signal } from "@preact/signals";
import type { ChangeInputRaw } from "../../shared/model.js";
import type { ChangePreview, Result } from "../../shared/protocol.js";
import { withinUndoWindow } from "../derive/log.js";
import type { Clock } from "./clock.js";
import { failureText, type Commands } from "./commands.js";

export interface PendingChange {
  roomId: string;
  change: ChangeInputRaw;
  /** What the button said, e.g. "+10 min: Docker Was Too Slow…". */
  label: string;
  preview: ChangePreview | null;
  previewError: string | null;
}

export interface AppliedChange {
  roomId: string;
  changeId: string;
  label: string;
  /** Hub real time, UTC ms, when the hub acknowledged it. */
  appliedAt: number;
}

export type PanelMessage = { kind: "ok" | "error"; text: string };

export function createRoomPanel(commands: Commands, clock: Clock) {
  const pending = signal<PendingChange | null>(null);
  const applied = signal<AppliedChange | null>(null);
  const busy = signal(false);
  const message = signal<PanelMessage | null>(null);
  const undoable = computed(() => {
    const a = applied.value;
    return a !== null && withinUndoWindow(a.appliedAt, clock.realNow.value) ? a : null;
  });
  const undoSecondsLeft = computed(() => {
    const a = undoable.value;
    return a ? Math.max(0, Math.ceil((a.appliedAt + 60_000 - clock.realNow.value) / 1000)) : 0;
  });

  function settlePreview(p: PendingChange, result: Result<{ preview: ChangePreview }>) {
    if (pending.peek() !== p) return; // another button was pressed meanwhile
    pending.value = result.ok ? { ...p, preview: result.preview } : { ...p, previewError: failureText(result) };
  }

  function settleApply(roomId: string, label: string, result: Result<{ version: number; changeId: string }>) {
    busy.value = false;
    pending.value = null;
    if (result.ok) {
      applied.value = { roomId, changeId: result.changeId, label, appliedAt: clock.realNow.peek() };
      message.value = { kind: "ok", text: `Done: ${label}` };
    } else {
      message.value = { kind: "error", text: failureText(result) };
    }
  }

  return {
    pending,
    undoable,
    undoSecondsLeft,
    busy,
    message,
    /** Shows what `change` would do; the change applies only on confirm(). */
    propose(roomId: string, change: ChangeInputRaw, label: string) {
      const p: PendingChange = { roomId, change, label, preview: null, previewError: null };
      pending.value = p;
      message.value = null;
      void commands.preview(change).then((r) => settlePreview(p, r));
    },
    confirm() {
      const p = pending.peek();
      if (!p || busy.peek()) return;
      busy.value = true;
      void commands.apply(p.change).then((r) => settleApply(p.roomId, p.label, r));
    },
    /** Applies at once, without a preview (room status). */
    applyNow(roomId: string, change: ChangeInputRaw, label: string) {
      if (busy.peek()) return;
      busy.value = true;
      pending.value = null;
      void commands.apply(change).then((r) => settleApply(roomId, label, r));
    },
    dismiss() {
      pending.value = null;
    },
    undo() {
      const a = applied.peek();
      if (!a || busy.peek()) return;
      busy.value = true;
      void commands.apply({ kind: "undo", changeId: a.changeId }).then((r) => {
        busy.value = false;
        if (r.ok) {
          applied.value = null;
          message.value = { kind: "ok", text: `Undone: ${a.label}` };
        } else {
          message.value = { kind: "error", text: failureText(r) };
        }
      });
    },
    /** Leaving a room forgets a proposal that was never confirmed. */
    leaveRoom() {
      pending.value = null;
      message.value = null;
    },
  };
}
export type RoomPanel = ReturnType<typeof createRoomPanel>;
