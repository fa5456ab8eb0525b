// Texts of the Screens page.
import { parseView, type Room, type View } from "../../shared/model.js";
import type { ScreenInfo } from "../../shared/protocol.js";

/** "Room 1 door", "Lobby (all rooms)", "Lobby: Room 1, Room 2", "Unassigned". */
export function viewLabel(view: View | null, rooms: Room[]): string {
  if (view === null) return "Unassigned";
  const v = parseView(view);
  const name = (id: string) => rooms.find((r) => r.id === id)?.name ?? id;
  if (!v) return view;
  if (v.kind === "room") return `${name(v.roomId)} door`;
  return v.roomIds === null ? "Lobby (all rooms)" : `Lobby: ${v.roomIds.map(name).join(", ")}`;
}

/** The views an organizer can pick for a screen. */
export function viewChoices(rooms: Room[]): { view: View | null; label: string }[] {
  return [
    { view: null, label: "Unassigned" },
    { view: "lobby", label: "Lobby (all rooms)" },
    ...rooms.map((r) => ({ view: `room:${r.id}`, label: `${r.name} door` })),
  ];
}

/** "just now", "42 s ago", "5 min ago", "3 h ago". */
export function agoText(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** "+120 ms", "−3.2 s", "unknown". */
export function offsetText(ms: number | null): string {
  if (ms === null) return "unknown";
  const sign = ms < 0 ? "−" : "+";
  const abs = Math.abs(ms);
  return abs < 1000 ? `${sign}${Math.round(abs)} ms` : `${sign}${(abs / 1000).toFixed(1)} s`;
}

/** Unassigned and online first (they wait to be paired), then by name or code. */
export function sortScreens(screens: ScreenInfo[]): ScreenInfo[] {
  const rank = (s: ScreenInfo) => (s.view === null ? 0 : 1) + (s.online ? 0 : 2);
  return [...screens].sort((a, b) => rank(a) - rank(b) || (a.name ?? a.pairingCode).localeCompare(b.name ?? b.pairingCode));
}
