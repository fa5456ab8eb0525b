// Hash routes of the admin page: "#/now", "#/room/<roomId>", "#/sessions/<roomId>/<day>", ….
// Pure: the router store feeds it `location.hash`.

export const PAGES = ["now", "room", "sessions", "announcements", "screens", "volunteers", "log", "clock", "schedule"] as const;
export type Page = (typeof PAGES)[number];

/** Pages a volunteer link may open; the rest are the organizer's. */
export const VOLUNTEER_PAGES: ReadonlySet<Page> = new Set(["now", "room", "announcements", "log"]);

export interface Route {
  page: Page;
  /** The room for "room" and "sessions"; null shows a picker or the first room. */
  roomId: string | null;
  /** The conference day "YYYY-MM-DD" for "sessions"; null picks the current one. */
  day: string | null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map(safeDecode);
  const page = (PAGES as readonly string[]).includes(parts[0] ?? "") ? (parts[0] as Page) : "now";
  return { page, roomId: parts[1] ?? null, day: parts[2] ?? null };
}

export function routeHref(page: Page, roomId?: string | null, day?: string | null): string {
  let href = `#/${page}`;
  if (roomId) href += `/${encodeURIComponent(roomId)}`;
  if (roomId && day) href += `/${encodeURIComponent(day)}`;
  return href;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The route a sign-in actually sees: volunteers land on (and stay within) their own pages, and
 * a room route without a room shows the picker, or a volunteer's only room.
 */
export function resolveRoute(route: Route, role: { kind: "organizer" } | { kind: "volunteer"; roomIds: string[] }, hashEmpty: boolean): Route {
  if (role.kind === "organizer") return route;
  const firstRoom = role.roomIds[0] ?? null;
  if (hashEmpty || !VOLUNTEER_PAGES.has(route.page)) return { page: "room", roomId: firstRoom, day: null };
  if (route.page === "room" && route.roomId === null && role.roomIds.length === 1) return { ...route, roomId: firstRoom };
  return route;
}
