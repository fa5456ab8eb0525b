// No acknowledged change is lost: a hub process takes bursts of changes and is killed with
// SIGKILL at random moments; after each restart on the same data directory every change that
// was acknowledged is there, whole, and nothing is half-applied.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { connectAdmin, login, type BenchAdmin } from "../../bench/lib/admin.js";
import { type ChildHandle, startChild } from "../../bench/lib/children.js";
import type { ChangeInputRaw } from "../../shared/model.js";
import type { AdminState } from "../../shared/protocol.js";

const KILLS = 20;
const BURST = 16;
const PASSWORD = "kill-test-password";

interface Running {
  child: ChildHandle;
  admin: BenchAdmin;
}

/** A hub process with everything loaded, waiting to open the data directory. */
function warmHubProcess(dataDir: string): { child: ChildHandle; warm: Promise<unknown> } {
  const child = startChild("bench/lib/hub-child.ts", [JSON.stringify({ dataDir, adminPassword: PASSWORD, waitForStart: true })]);
  return { child, warm: child.waitFor("warm", 60_000) };
}

async function startHubProcess(next: { child: ChildHandle; warm: Promise<unknown> }): Promise<Running> {
  const { child } = next;
  await next.warm;
  const ready = child.waitFor<{ port: number }>("ready", 60_000);
  child.process.send({ type: "start" });
  const { port } = await ready;
  const url = `http://127.0.0.1:${port}`;
  const admin = await connectAdmin(url, await login(url, PASSWORD));
  return { child, admin };
}

/** Every change in the log has its whole effect in the effective schedule. */
function expectWhole(state: AdminState): void {
  const inSessions = new Set(state.sessions.flatMap((s) => s.changeIds));
  const inAnnouncements = new Set(state.announcements.map((a) => a.changeId));
  for (const change of state.changes) {
    if (change.kind === "announce") expect(inAnnouncements.has(change.id), `announcement of ${change.id}`).toBe(true);
    if (change.kind === "delay") expect(inSessions.has(change.id), `delay ${change.id} on its session`).toBe(true);
  }
  const seqs = state.changes.map((c) => c.seq);
  expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 1) + i));
}

describe("a hub killed with SIGKILL in the middle of bursts of changes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "roomcast-kill-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`loses no acknowledged change and half-applies none over ${KILLS} kills`, async () => {
    const acknowledged = new Set<string>();
    let versionMinusLog: number | null = null;
    const killAfterMs = fc.sample(fc.integer({ min: 0, max: 60 }), { numRuns: KILLS, seed: 7 });
    let running = await startHubProcess(warmHubProcess(dataDir));
    const keys = running.admin.state.sessions.filter((s) => s.status === "scheduled").map((s) => s.key);

    for (let kill = 0; kill <= KILLS; kill++) {
      const state = running.admin.state;
      const ids = new Set(state.changes.map((c) => c.id));
      for (const id of acknowledged) expect(ids.has(id), `acknowledged change ${id} after ${kill} kills`).toBe(true);
      expectWhole(state);
      // Each change bumps the version in the same transaction: the difference never moves.
      versionMinusLog ??= state.version - state.changes.length;
      expect(state.version - state.changes.length).toBe(versionMinusLog);
      if (kill === KILLS) break;

      // The next hub loads meanwhile, so a restart costs the hub's own start only.
      const next = warmHubProcess(dataDir);
      await next.warm;
      // A burst, sent without waiting; acks are collected as they arrive until the kill.
      for (let i = 0; i < BURST; i++) {
        const change: ChangeInputRaw =
          i % 2 === 0
            ? { kind: "announce", announcementId: `k${kill}-${i}`, text: `burst ${kill}.${i}`, target: { kind: "all" } }
            : { kind: "delay", sessionKey: keys[(kill * BURST + i) % keys.length] ?? "", minutes: 1 };
        running.admin.apply(change, 5_000).then(
          (r) => {
            if (r.ok) acknowledged.add(r.changeId);
          },
          () => undefined,
        );
      }
      await new Promise((r) => setTimeout(r, killAfterMs[kill]));
      running.admin.close();
      await running.child.kill("SIGKILL");
      running = await startHubProcess(next);
    }
    running.admin.close();
    await running.child.kill("SIGTERM");
    // The kills landed mid-burst often enough to mean something.
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    expect(acknowledged.size).toBeLessThan(KILLS * BURST);
  }, 240_000);
});
