// The current hash route as a signal.
import { signal } from "@preact/signals";
import { parseRoute, routeHref, type Page, type Route } from "../derive/route.js";

export function createRouter(win: Window) {
  const route = signal<Route>(parseRoute(win.location.hash));
  const onHash = () => {
    route.value = parseRoute(win.location.hash);
  };
  win.addEventListener("hashchange", onHash);
  return {
    route,
    go(page: Page, roomId?: string | null, day?: string | null) {
      win.location.hash = routeHref(page, roomId, day);
    },
    dispose: () => win.removeEventListener("hashchange", onHash),
  };
}
export type Router = ReturnType<typeof createRouter>;
