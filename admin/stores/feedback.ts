// One line of feedback for actions on the organizer pages ("Screen assigned", "Not allowed…").
import { signal } from "@preact/signals";
import type { Result } from "../../shared/protocol.js";
import { failureText } from "./commands.js";

export const FEEDBACK_VISIBLE_MS = 6000;

export function createFeedback() {
  const message = signal<{ kind: "ok" | "error"; text: string } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (kind: "ok" | "error", text: string) => {
    message.value = { kind, text };
    clearTimeout(timer);
    timer = setTimeout(() => (message.value = null), FEEDBACK_VISIBLE_MS);
  };
  return {
    message,
    show,
    /** Reports a command's result; true when it succeeded. */
    report(result: Result, okText: string): boolean {
      if (result.ok) show("ok", okText);
      else show("error", failureText(result));
      return result.ok;
    },
  };
}
export type Feedback = ReturnType<typeof createFeedback>;
