// A schedule file given at start that does not validate stops the hub, with a message that
// names the file, the field and what was expected; bad configuration fails just as clearly.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toRoomcastJson } from "../../shared/formats/roomcast.js";
import { ConfigError, parseConfig } from "../../server/config.js";
import { loadDemo } from "../../server/demo/index.js";
import { startFailureMessage } from "../../server/main.js";
import { startRoomcast } from "../../server/roomcast.js";
import { ScheduleFileError } from "../../server/schedule-file.js";

const dir = mkdtempSync(join(tmpdir(), "roomcast-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function badFile(): string {
  const file = toRoomcastJson(loadDemo("planet-nix-2025"));
  const broken = { ...file, sessions: file.sessions.map((s, i) => (i === 3 ? { ...s, start: "2025-03-06 10:30" } : s)) };
  const path = join(dir, "broken.json");
  writeFileSync(path, JSON.stringify(broken));
  return path;
}

describe("a schedule file given at start", () => {
  it("stops startRoomcast when it does not validate, naming the file and the field", async () => {
    const path = badFile();
    const dataDir = join(dir, "data");
    const start = startRoomcast({ dataDir, port: 0, host: "127.0.0.1", demo: null, scheduleFile: path, adminPassword: null, distDir: dir, quiet: true });
    const err = await start.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScheduleFileError);
    const message = startFailureMessage(err);
    expect(message).toContain(path);
    expect(message).toMatch(/sessions\.3\.start/);
    expect(message).toMatch(/expected ISO 8601 with an offset/);
  });

  it("names a missing file plainly", async () => {
    const path = join(dir, "nope.json");
    const err = await startRoomcast({ dataDir: join(dir, "d2"), port: 0, demo: null, scheduleFile: path, adminPassword: null, distDir: dir, quiet: true }).catch((e: unknown) => e);
    expect(startFailureMessage(err)).toBe(`roomcast: the schedule file ${path} does not validate:\n  (file): cannot be read: ENOENT`);
  });
});

describe("the configuration", () => {
  it("defaults to port 4000, ./var and the Planet Nix demo", () => {
    expect(parseConfig([], {})).toMatchObject({ port: 4000, host: "0.0.0.0", dataDir: "./var", demo: "planet-nix-2025", scheduleFile: null, adminPassword: null });
  });

  it("takes flags over the environment", () => {
    const config = parseConfig(["--port", "8080", "--data", "/srv/rc", "--no-demo"], { PORT: "5000", ROOMCAST_DATA: "/tmp/x", ROOMCAST_DEMO: "nixcon-2023" });
    expect(config).toMatchObject({ port: 8080, dataDir: "/srv/rc", demo: null });
    expect(parseConfig([], { PORT: "5000", ROOMCAST_DEMO: "nixcon-2023", ROOMCAST_ADMIN_PASSWORD: "long enough" })).toMatchObject({
      port: 5000,
      demo: "nixcon-2023",
      adminPassword: "long enough",
    });
  });

  it("fails fast naming the flag or variable and what was expected", () => {
    expect(() => parseConfig([], { PORT: "eighty" })).toThrow(/--port \/ PORT: expected a port number/);
    expect(() => parseConfig(["--demo", "fosdem"], {})).toThrow(/--demo \/ ROOMCAST_DEMO: expected one of: planet-nix-2025, nixcon-2023, fosdem-2026-nix/);
    expect(() => parseConfig(["--colour"], {})).toThrow(ConfigError);
  });
});

describe("a port already in use", () => {
  it("stops the second hub with a message that says to choose another port, releasing its data", async () => {
    const first = await startRoomcast({ dataDir: join(dir, "a"), port: 0, host: "127.0.0.1", demo: "planet-nix-2025", scheduleFile: null, adminPassword: "first password", distDir: dir, quiet: true });
    try {
      const options = { dataDir: join(dir, "b"), port: first.port, host: "127.0.0.1", demo: "planet-nix-2025", scheduleFile: null, adminPassword: "second password", distDir: dir, quiet: true };
      const err = await startRoomcast(options).catch((e: unknown) => e);
      expect(startFailureMessage(err)).toMatch(/the port is already in use .*choose another with --port/);
      // The failed start closed its database: the same data directory starts fine on another port.
      const again = await startRoomcast({ ...options, port: 0 });
      await again.close();
    } finally {
      await first.close();
    }
  });
});
