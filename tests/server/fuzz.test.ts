// Bad input never breaks the hub: fuzzed payloads on every socket command are refused with a
// code from the closed set (never `internal`), oversized messages cost only their own
// connection, and other clients carry on.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES, MAX_SOCKET_PAYLOAD_BYTES } from "../../shared/protocol.js";
import {
  type AdminClient,
  connectDisplay,
  type DisplayClient,
  KEY_1100,
  nextEvent,
  organizer,
  REAL_NOW,
  screenOn,
  startPinnedHub,
  type TestHub,
} from "./helpers.js";

const KINDS = ["delay", "started", "ended", "cancel", "restore", "move", "retime", "edit", "add", "room-status", "announce", "withdraw", "undo", "clock", "nonsense"];

/** Change-shaped records with hostile values: right kinds, wrong or extreme fields. */
const changeLike = fc.record(
  {
    kind: fc.constantFrom(...KINDS),
    sessionKey: fc.oneof(fc.constant(KEY_1100), fc.string(), fc.integer(), fc.constant(null)),
    minutes: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(Number.MAX_SAFE_INTEGER)),
    roomId: fc.oneof(fc.constant("room-2"), fc.string({ maxLength: 300 })),
    text: fc.string({ maxLength: 600 }),
    target: fc.anything(),
    set: fc.anything(),
    session: fc.anything(),
    fields: fc.anything(),
    changeId: fc.string(),
  },
  { requiredKeys: ["kind"] },
);

type Ack = { ok: boolean; error?: string };
const codes = new Set<string>(ERROR_CODES);

function emitRaw(socket: AdminClient | DisplayClient, event: string, payload: unknown): Promise<Ack> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack> } };
  return raw.timeout(3000).emitWithAck(event, payload);
}

describe("fuzzed socket payloads", () => {
  let hub: TestHub;
  let admin: AdminClient;
  let bystander: DisplayClient;

  beforeAll(async () => {
    hub = await startPinnedHub();
    admin = (await organizer(hub)).socket;
    bystander = (await screenOn(hub, "room:room-2")).socket;
  });

  afterAll(async () => {
    admin?.disconnect();
    bystander?.disconnect();
    await hub?.dispose();
  });

  it("are answered on change:apply and change:preview with ok or a known refusal, never internal", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(changeLike, fc.anything()), fc.constantFrom("change:apply", "change:preview"), async (payload, event) => {
        const ack = await emitRaw(admin, event, payload);
        if (!ack.ok) {
          expect(codes.has(ack.error ?? "")).toBe(true);
          expect(ack.error).not.toBe("internal");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("are refused on every screen and link command with invalid-payload or not-found", async () => {
    const commands = ["screen:assign", "screen:rename", "screen:identify", "screen:reload", "screen:forget", "volunteer:create", "volunteer:revoke"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), fc.anything(), async (event, payload) => {
        const ack = await emitRaw(admin, event, payload);
        if (!ack.ok) expect(["invalid-payload", "not-found"]).toContain(ack.error);
      }),
      { numRuns: 100 },
    );
  });

  it("are refused on screen:hello with invalid-payload", async () => {
    const screen = connectDisplay(hub);
    try {
      await fc.assert(
        fc.asyncProperty(fc.anything(), async (payload) => {
          const ack = await emitRaw(screen, "screen:hello", payload);
          expect(ack).toMatchObject({ ok: false, error: "invalid-payload" });
        }),
        { numRuns: 100 },
      );
      // Garbage heartbeats are dropped without an answer or a crash.
      (screen as unknown as { emit(event: string, payload: unknown): void }).emit("screen:heartbeat", { clockOffsetMs: "soon" });
    } finally {
      screen.disconnect();
    }
  });

  it("drop only the connection that sends more than the payload limit", async () => {
    const greedy = connectDisplay(hub);
    await nextEvent(greedy, "connect");
    const dropped = nextEvent<string>(greedy, "disconnect");
    (greedy as unknown as { emit(event: string, payload: unknown): void }).emit("screen:hello", { screenId: "x".repeat(MAX_SOCKET_PAYLOAD_BYTES + 1000) });
    expect(await dropped).toBe("transport close");
    greedy.disconnect();

    expect(bystander.connected).toBe(true);
    expect(await emitRaw(bystander, "clock:sync", 0)).toEqual({ hubReal: REAL_NOW });
  });

  it("leave the schedule untouched unless a change was valid", () => {
    // Every stored change after the demo clock was accepted by the schema and the checks.
    const kinds = hub.store.listChanges().map((c) => c.change.kind);
    expect(kinds[0]).toBe("clock");
    expect(hub.hub.schedule.version - hub.store.versionBase()).toBe(1 + kinds.length);
  });
});
