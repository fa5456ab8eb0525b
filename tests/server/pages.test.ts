// The built pages: every display and admin path gets its page (never cached, with a content
// security policy), hashed assets are cached for good, and the build id follows the build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAppVersion } from "../../server/app-version.js";
import { screenOn, startPinnedHub, type TestHub } from "./helpers.js";

const dist = mkdtempSync(join(tmpdir(), "roomcast-dist-"));

function writeBuild(marker: string): void {
  mkdirSync(join(dist, "display"), { recursive: true });
  mkdirSync(join(dist, "admin"), { recursive: true });
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "display/index.html"), `<!doctype html><title>display ${marker}</title>`);
  writeFileSync(join(dist, "admin/index.html"), "<!doctype html><title>admin</title>");
  writeFileSync(join(dist, "assets/display-abc123.js"), "console.log(1)");
}

describe("the built pages", () => {
  let hub: TestHub;

  beforeAll(async () => {
    writeBuild("one");
    hub = await startPinnedHub({ distDir: dist });
  });

  afterAll(async () => {
    await hub?.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(["/display", "/display/room/room-1", "/display/lobby?rooms=room-1,room-2"])("serves the display page at %s, uncached, with a CSP", async (path) => {
    const res = await fetch(`${hub.url}${path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("display one");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("serves the admin page for its hash routes", async () => {
    const res = await fetch(`${hub.url}/admin/`);
    expect(await res.text()).toContain("admin");
  });

  it("caches hashed assets for good", async () => {
    const res = await fetch(`${hub.url}/assets/display-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
  });

  it("tells screens the build they should run, and the id changes with the build", async () => {
    const { socket, snapshot } = await screenOn(hub, "room:room-1");
    socket.disconnect();
    expect(snapshot.appVersion).toBe(computeAppVersion(dist));
    expect(snapshot.appVersion).toMatch(/^[0-9a-f]{12}$/);
    const before = computeAppVersion(dist);
    writeBuild("two");
    expect(computeAppVersion(dist)).not.toBe(before);
  });
});
