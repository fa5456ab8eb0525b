// Registers the screen's service worker (display/sw.js, served by the hub), which lets a screen
// that boots while the hub is unreachable start from its cached page instead of an error page.

export const SERVICE_WORKER_URL = "/display/sw.js";
/** Without a trailing slash, so the unassigned screen at /display is covered too. */
export const SERVICE_WORKER_SCOPE = "/display";

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) {
    // Service workers need a secure context: https, localhost, or a kiosk started with
    // --unsafely-treat-insecure-origin-as-secure=<hub URL>.
    console.warn("[roomcast:display] no service worker here (not a secure context): this screen cannot boot without the hub");
    return;
  }
  navigator.serviceWorker
    .register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE })
    .catch((err: unknown) => console.warn("[roomcast:display] service worker not registered:", err));
}
