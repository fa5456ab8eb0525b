// Short texts for a room's state at a glance.
import type { RoomNow } from "../../shared/model.js";
import { formatTime, MINUTE_MS } from "../../shared/time.js";

export function roomStateText(now: RoomNow, zone: string): string {
  switch (now.state) {
    case "on":
      return now.overrunning ? "On — running over" : "On";
    case "break":
      return now.current ? `${now.current.displayTitle} until ${formatTime(now.current.end, zone)}` : "Break";
    case "between":
      return now.gapMs !== null ? `Free — next in ${Math.ceil(now.gapMs / MINUTE_MS)} min` : "Free";
    case "before-event":
      return "Before the event";
    case "done-for-today":
      return now.nextDayStart !== null ? `Done for today — tomorrow from ${formatTime(now.nextDayStart, zone)}` : "Done for today";
    case "event-over":
      return "Event over";
  }
}
