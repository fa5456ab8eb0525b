// The screen's service worker (scope /display, served by the hub at /display/sw.js): a screen
// that boots while the hub is unreachable gets its page from here instead of Chromium's error
// page, then shows the snapshot cached in localStorage and keeps advancing now/next.
//
// Plain JavaScript that Vite does not touch, so its URL never changes and one worker serves
// every build. It needs no list of files: the display page is the same index.html on every
// /display path, so it keeps one copy of that page and the hashed /assets/ files it names.
//
// - Pages: network first, so a running hub always serves the current build (and a new build's
//   reload reaches the new page); the cached copy only when the hub cannot be reached.
// - Assets: cache first; their names carry content hashes, so a cached file is never stale.
// - Each page fetched from the hub refreshes the cache and forgets the assets of older builds.
/* eslint-env serviceworker */

const CACHE = "roomcast-display-v1";
/** The key the page is kept under, whatever /display path it was fetched for. */
const SHELL = "/display/";
/** Asset URLs as Vite writes them into the page (script src, modulepreload and stylesheet href). */
const ASSET_REF = /["'(](\/assets\/[^"'()\s]+)/g;

const isDisplayPage = (url) => url.pathname === "/display" || url.pathname.startsWith("/display/");

/** Keeps a page from the hub and every asset it names, then drops assets no page names any more. */
async function keep(page) {
  const cache = await caches.open(CACHE);
  const html = await page.clone().text();
  const wanted = new Set([...html.matchAll(ASSET_REF)].map((m) => new URL(m[1], self.location.origin).href));
  for (const url of wanted) {
    if (await cache.match(url)) continue;
    const res = await fetch(url);
    // A page whose assets cannot all be kept would boot blank: keep the previous one instead.
    if (!res.ok) throw new Error(`cannot cache ${url}: ${res.status}`);
    await cache.put(url, res);
  }
  await cache.put(SHELL, page);
  for (const req of await cache.keys()) {
    if (new URL(req.url).pathname.startsWith("/assets/") && !wanted.has(req.url)) await cache.delete(req);
  }
}

async function page(event) {
  try {
    const res = await fetch(event.request);
    if (res.ok) {
      event.waitUntil(keep(res.clone()).catch((err) => console.warn("[roomcast:sw] page not cached:", err)));
      return res;
    }
    // A proxy in front of a stopped hub answers 502/503/504: that is offline too.
    if (res.status < 500) return res;
    return (await caches.match(SHELL)) ?? res;
  } catch (err) {
    const cached = await caches.match(SHELL);
    if (cached) return cached;
    throw err;
  }
}

async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, res.clone());
  }
  return res;
}

self.addEventListener("install", (event) => {
  // The page that registered this worker was loaded before it existed: fetch it once more.
  event.waitUntil(
    fetch(SHELL, { cache: "no-store" })
      .then((res) => (res.ok ? keep(res) : undefined))
      .catch((err) => console.warn("[roomcast:sw] install without a cached page:", err))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && isDisplayPage(url)) event.respondWith(page(event));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(asset(request));
  // Everything else (socket.io, the API) goes to the network untouched.
});
