// The screen's service worker (display/sw.js), run in a sandbox with an in-memory cache and a
// hub that can be up, down or behind a failing proxy.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { beforeEach, describe, expect, it } from "vitest";

const ORIGIN = "http://hub.test";
const SOURCE = readFileSync(resolve(import.meta.dirname, "../../display/sw.js"), "utf8");

const page = (build: string) =>
  `<!doctype html><script type="module" crossorigin src="/assets/display-${build}.js"></script>` +
  `<link rel="stylesheet" crossorigin href="/assets/display-${build}.css"><title>${build}</title>`;

type Key = string | { url: string };
const keyOf = (k: Key) => new URL(typeof k === "string" ? k : k.url, ORIGIN).href;

function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      match: async (k: Key) => store.get(keyOf(k))?.clone(),
      put: async (k: Key, res: Response) => void store.set(keyOf(k), res),
      keys: async () => [...store.keys()].map((url) => ({ url })),
      delete: async (k: Key) => store.delete(keyOf(k)),
    };
  };
  return {
    stores,
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (k: Key) => {
      for (const store of stores.values()) {
        const hit = store.get(keyOf(k));
        if (hit) return hit.clone();
      }
      return undefined;
    },
  };
}

/** A sandboxed worker and the hub it talks to. */
function worker() {
  const hub = { state: "up" as "up" | "down" | "proxy-error", build: "aaa", fetched: [] as string[] };
  const listeners = new Map<string, (event: unknown) => void>();
  const caches = fakeCaches();
  const fetch = async (input: Key): Promise<Response> => {
    const url = new URL(keyOf(input));
    hub.fetched.push(url.pathname);
    if (hub.state === "down") throw new TypeError("Failed to fetch");
    if (hub.state === "proxy-error") return new Response("Bad gateway", { status: 502 });
    if (url.pathname.startsWith("/display")) return new Response(page(hub.build), { headers: { "content-type": "text/html" } });
    const asset = /^\/assets\/display-(\w+)\.(js|css)$/.exec(url.pathname);
    if (asset) return new Response(`/* ${asset[1]} */`);
    return new Response("Not found", { status: 404 });
  };
  const self = {
    location: new URL(`${ORIGIN}/display/sw.js`),
    addEventListener: (type: string, fn: (event: unknown) => void) => void listeners.set(type, fn),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  runInNewContext(SOURCE, { self, caches, fetch, URL, console: { warn: () => undefined } });

  async function lifecycle(type: "install" | "activate") {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => pending.push(p) });
    await Promise.all(pending);
  }

  /** A request from a controlled page; undefined when the worker leaves it to the network. */
  async function request(path: string, mode: "navigate" | "cors" = "navigate"): Promise<Response | undefined> {
    let answer: Promise<Response> | undefined;
    const pending: Promise<unknown>[] = [];
    listeners.get("fetch")!({
      request: { method: "GET", url: `${ORIGIN}${path}`, mode },
      respondWith: (p: Promise<Response>) => (answer = p),
      waitUntil: (p: Promise<unknown>) => pending.push(p),
    });
    const res = await answer;
    await Promise.all(pending);
    return res;
  }

  const cached = () => [...(caches.stores.get("roomcast-display-v1")?.keys() ?? [])].map((u) => new URL(u).pathname).sort();
  return { hub, lifecycle, request, cached };
}

describe("the screen's service worker", () => {
  let sw: ReturnType<typeof worker>;
  beforeEach(async () => {
    sw = worker();
    await sw.lifecycle("install");
    await sw.lifecycle("activate");
  });

  it("keeps the display page and every asset it names when it installs", () => {
    expect(sw.cached()).toEqual(["/assets/display-aaa.css", "/assets/display-aaa.js", "/display/"]);
  });

  it("serves the page from the hub while the hub is up, never the cached copy", async () => {
    sw.hub.build = "bbb";
    const res = await sw.request("/display/room/room-1");
    expect(await res?.text()).toContain("<title>bbb</title>");
    // The new build is kept in place of the old one.
    expect(sw.cached()).toEqual(["/assets/display-bbb.css", "/assets/display-bbb.js", "/display/"]);
  });

  it("serves the kept page on any display path when the hub cannot be reached, or its proxy fails", async () => {
    sw.hub.state = "down";
    for (const path of ["/display", "/display/room/room-2", "/display/lobby?rooms=room-1"]) {
      const res = await sw.request(path);
      expect(res?.status).toBe(200);
      expect(await res?.text()).toContain("<title>aaa</title>");
    }
    sw.hub.state = "proxy-error";
    expect(await (await sw.request("/display/room/room-1"))?.text()).toContain("<title>aaa</title>");
  });

  it("serves hashed assets from the cache without asking the hub", async () => {
    sw.hub.state = "down";
    const res = await sw.request("/assets/display-aaa.js", "cors");
    expect(await res?.text()).toBe("/* aaa */");
  });

  it("leaves socket.io, the API and the admin page to the network", async () => {
    sw.hub.fetched.length = 0;
    expect(await sw.request("/socket.io/?EIO=4&transport=polling", "cors")).toBeUndefined();
    expect(await sw.request("/api/me", "cors")).toBeUndefined();
    expect(await sw.request("/admin/")).toBeUndefined();
    expect(sw.hub.fetched).toEqual([]);
  });
});
