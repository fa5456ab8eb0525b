// No acknowledged change is lost: a hub process receiving a stream of changes is killed with
// SIGKILL at a random moment; afterwards every acknowledged change is in the database, and every
// stored change came with its version bump (nothing half-applied).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../server/store.js";
import { applyChange, connectAdmin, KEY_1100, loginCookie, sleep, TEST_PASSWORD } from "./helpers.js";

/** Kill rounds in `npm test`; ROOMCAST_KILL_ROUNDS raises it for a longer run. */
const ROUNDS = Number(process.env.ROOMCAST_KILL_ROUNDS ?? 2);
const REPO = resolve(import.meta.dirname, "../..");

function startHubProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "tests/server/fixtures/hub-process.ts"), dataDir, TEST_PASSWORD], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolvePromise, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolvePromise({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.once("exit", (code) => reject(new Error(`hub process exited early with ${code}`)));
  });
}

describe("a hub killed with SIGKILL while changes stream in", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "roomcast-kill-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`loses no acknowledged change over ${ROUNDS} kills at random moments`, { timeout: 20_000 * ROUNDS }, async () => {
    const acked: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await startHubProcess(dataDir);
      const { socket } = await connectAdmin(url, await loginCookie(url));
      const exited = new Promise<null>((r) => child.once("exit", () => r(null)));
      setTimeout(() => child.kill("SIGKILL"), 50 + Math.random() * 250);
      // Changes one after another until the hub dies; only acks that arrived count.
      for (let i = 0; ; i++) {
        const ack = await Promise.race([applyChange(socket, { kind: "delay", sessionKey: KEY_1100, minutes: (i % 20) + 1 }).catch(() => null), exited]);
        if (!ack) break;
        if (ack.ok) acked.push(ack.changeId);
      }
      socket.disconnect();
      await exited;
      await sleep(10);
    }
    expect(acked.length).toBeGreaterThan(ROUNDS);

    const store = openStore(dataDir);
    try {
      const stored = store.listChanges().map((c) => c.change);
      const ids = new Set(stored.map((c) => c.id));
      expect(acked.filter((id) => !ids.has(id))).toEqual([]);
      // One demo import, then every change bumped the version in the same transaction.
      expect(store.version() - store.versionBase()).toBe(1 + stored.length);
      expect(stored.map((c) => c.seq)).toEqual(stored.map((_, i) => i + 1));
    } finally {
      store.close();
    }
  });
});
