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

/** The select's value for a lobby of chosen rooms; the rooms come from checkboxes. */
export const LOBBY_SUBSET = "lobby:*";

/** The views an organizer can pick for a screen. */
export function viewChoices(rooms: Room[]): { view: View | null; label: string }[] {
  return [
    { view: null, label: "Unassigned" },
    { view: "lobby", label: "Lobby (all rooms)" },
    { view: LOBBY_SUBSET, label: "Lobby (chosen rooms)" },
    ...rooms.map((r) => ({ view: `room:${r.id}`, label: `${r.name} door` })),
  ];
}

/** A view as the form holds it: the select's value and, for a chosen-rooms lobby, the rooms. */
export function splitView(view: View | null): { choice: string; roomIds: string[] } {
  const v = view ? parseView(view) : null;
  if (v?.kind === "lobby" && v.roomIds) return { choice: LOBBY_SUBSET, roomIds: v.roomIds };
  return { choice: view ?? "", roomIds: [] };
}

/** The view the form stands for; undefined when a chosen-rooms lobby has no room yet. */
export function joinView(choice: string, roomIds: string[], rooms: Room[]): View | null | undefined {
  if (choice === "") return null;
  if (choice !== LOBBY_SUBSET) return choice;
  // Keep the event's room order whatever the order of the clicks.
  const ordered = rooms.filter((r) => roomIds.includes(r.id)).map((r) => r.id);
  return ordered.length > 0 ? `lobby:${ordered.join(",")}` : undefined;
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
