// Rooms keep their Roomcast id across re-imports, so screens stay assigned: a room is matched
// to the current schedule's room by the source's guid/slug, else by name. Pure.
import type { Event, Room } from "../model.js";

export interface RoomRename {
  id: string;
  from: string;
  to: string;
}

function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** `next` with room ids taken from `previous` where the rooms match, and the renames seen. */
export function reconcileRooms(previous: Event | null, next: Event): { event: Event; renamed: RoomRename[] } {
  if (!previous) return { event: next, renamed: [] };
  const bySource = new Map(previous.rooms.filter((r) => r.sourceId).map((r) => [r.sourceId!, r]));
  const byName = new Map(previous.rooms.map((r) => [nameKey(r.name), r]));
  const taken = new Set<string>();
  const mapping = new Map<string, string>();
  const renamed: RoomRename[] = [];
  // First pass: rooms that match an existing one keep its id.
  for (const room of next.rooms) {
    const match = (room.sourceId ? bySource.get(room.sourceId) : undefined) ?? byName.get(nameKey(room.name));
    if (match && !taken.has(match.id)) {
      mapping.set(room.id, match.id);
      taken.add(match.id);
      if (match.name !== room.name) renamed.push({ id: match.id, from: match.name, to: room.name });
    }
  }
  // Second pass: new rooms keep their own id unless a matched room already owns it.
  for (const room of next.rooms) {
    if (mapping.has(room.id)) continue;
    let id = room.id;
    for (let n = 2; taken.has(id); n++) id = `${room.id}-${n}`;
    mapping.set(room.id, id);
    taken.add(id);
  }
  const rooms: Room[] = next.rooms.map((r) => ({ ...r, id: mapping.get(r.id)! }));
  const sessions = next.sessions.map((s) => ({ ...s, roomId: mapping.get(s.roomId) ?? s.roomId }));
  return { event: { ...next, rooms, sessions }, renamed };
}
