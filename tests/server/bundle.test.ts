// The hub as `npm start` runs it: dist-server/main.js, one bundled file started by plain Node,
// with the import worker's bundle beside it. It must find the pages, the service worker and the
// demo from there, run imports in its worker, and stop cleanly on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleServer, SERVER_BUNDLE_DIR } from "../../scripts/build-server.js";
import { loginCookie } from "./helpers.js";

const PASSWORD = "bundle-test-password";
const FIXTURES = resolve(import.meta.dirname, "../fixtures/formats");

describe("the bundled hub (npm start)", () => {
  let hub: ChildProcess;
  let output = "";
  let base = "";
  const dataDir = mkdtempSync(join(tmpdir(), "roomcast-bundle-"));

  beforeAll(async () => {
    await bundleServer(); // what `npm run build` does before `npm start`
    expect(existsSync(join(SERVER_BUNDLE_DIR, "main.js")) && existsSync(join(SERVER_BUNDLE_DIR, "worker-thread.js"))).toBe(true);
    hub = spawn(process.execPath, [join(SERVER_BUNDLE_DIR, "main.js"), "--port", "0", "--host", "127.0.0.1", "--data", dataDir], {
      env: { ...process.env, ROOMCAST_ADMIN_PASSWORD: PASSWORD },
      stdio: ["ignore", "pipe", "pipe"],
    });
    hub.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    hub.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!/Admin page: +(http:\/\/\S+)\/admin\//.test(output)) {
      if (hub.exitCode !== null || Date.now() - started > 20_000) throw new Error(`the bundled hub did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    base = (/Admin page: +(http:\/\/\S+)\/admin\//.exec(output) as RegExpExecArray)[1] as string;
  }, 60_000);

  afterAll(() => {
    if (hub.exitCode === null) hub.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts the demo and serves the screens, the admin page and the service worker", async () => {
    expect(output).toContain("Roomcast is running: Planet Nix 2025");
    expect(output).toContain("/display/room/room-1");
    for (const path of ["/display/lobby", "/display/room/room-1", "/admin/", "/display/sw.js"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
    }
    expect(await (await fetch(`${base}/display/sw.js`)).text()).toBe(readFileSync(resolve(import.meta.dirname, "../../display/sw.js"), "utf8"));
  });

  it("imports a schedule file in its bundled worker", async () => {
    const cookie = await loginCookie(base, PASSWORD);
    const res = await fetch(`${base}/api/import?dryRun=1&name=pretalx-quirks.xml`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", cookie },
      body: readFileSync(join(FIXTURES, "pretalx-quirks.xml")),
    });
    expect(await res.json()).toMatchObject({ ok: true, applied: false, report: { format: "frab-xml", sessions: 2, rooms: 2 } });
  });

  it("stops with exit code 0 on SIGTERM", async () => {
    hub.kill("SIGTERM");
    const [code] = await once(hub, "exit");
    expect(code).toBe(0);
    expect(output).not.toMatch(/error/i);
  });
});
