// The current hash route as a signal.
import { computed, signal } from "@preact/signals";
import { parseRoute, routeHref, type Page } from "../derive/route.js";

export function createRouter(win: Window) {
  const hash = signal(win.location.hash);
  const onHash = () => {
    hash.value = win.location.hash;
  };
  win.addEventListener("hashchange", onHash);
  return {
    route: computed(() => parseRoute(hash.value)),
    /** No route at all: volunteers then land on their room. */
    hashEmpty: computed(() => hash.value.replace(/^#\/?/, "") === ""),
    go(page: Page, roomId?: string | null, day?: string | null) {
      win.location.hash = routeHref(page, roomId, day);
    },
    dispose: () => win.removeEventListener("hashchange", onHash),
  };
}
export type Router = ReturnType<typeof createRouter>;
