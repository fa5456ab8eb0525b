// A new screen's pairing code is never one an offline screen has: those live only in the
// database, so the registry must ask it. The random draws are scripted to hit a taken code first.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";

const draws: number[] = [];
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomInt: (max: number) => (draws.length > 0 ? (draws.shift() as number) : actual.randomInt(max)) };
});

const { createScreenRegistry } = await import("../../server/screens.js");
const { openStore } = await import("../../server/store.js");

const dir = mkdtempSync(join(tmpdir(), "roomcast-codes-"));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("draws again when the code belongs to a screen only the database remembers, or one in memory", () => {
  const store = openStore(dir);
  try {
    const registry = createScreenRegistry(store, () => 1_000);
    // "AAAA" is four draws of 0, "CCCC" four of 1, "DDDD" four of 2 (the alphabet starts A, C, D).
    draws.push(0, 0, 0, 0);
    expect(registry.connect("offline-abcdefgh", "sock-1", "")?.pairingCode).toBe("AAAA");
    registry.disconnect("offline-abcdefgh", "sock-1");
    registry.flush();
    expect(registry.inMemory).toBe(0);
    draws.push(1, 1, 1, 1);
    expect(registry.connect("online-abcdefgh", "sock-2", "")?.pairingCode).toBe("CCCC");

    // The next screen draws AAAA (a row), then CCCC (in memory, not written), then DDDD.
    draws.push(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    expect(registry.connect("newcomer-abcdefgh", "sock-3", "")?.pairingCode).toBe("DDDD");
    expect(draws).toEqual([]);
  } finally {
    store.close();
  }
});
