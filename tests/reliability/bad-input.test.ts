// Bad input never breaks anything: every socket payload schema, fuzzed, is refused cleanly
// with an error code, nothing is stored, and another connected client keeps working.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChangeInputSchema, SESSION_TYPES } from "../../shared/model.js";
import {
  type AdminState,
  ERROR_CODES,
  MAX_SOCKET_PAYLOAD_BYTES,
  ScreenHelloSchema,
  type Result,
} from "../../shared/protocol.js";
import { type AdminClient, adminFeed, connectAdmin, loginCookie, startHub, type TestHub } from "../browser/harness.js";
import { clockSync, type ConnectedDisplay, connectDisplay, eventually } from "./support.js";

const RUNS = 200;
const CHANGE_KINDS = ChangeInputSchema.options.map((o) => o.shape.kind.value);

/** Any JSON value, or bytes (socket.io carries binary attachments too). */
const anyPayload = fc.oneof(fc.jsonValue(), fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)));

describe("bad input sent to the hub", () => {
  let hub: TestHub;
  let admin: AdminClient;
  let state: AdminState;
  let bystander: ConnectedDisplay;
  let sessionKey: string;

  beforeAll(async () => {
    hub = await startHub();
    const cookie = await loginCookie(hub.url);
    const connected = await connectAdmin(hub.url, cookie);
    admin = connected.socket;
    state = connected.state;
    adminFeed(admin).on("state", (s: AdminState) => {
      state = s;
    });
    sessionKey = state.sessions[0]?.key ?? "";
    bystander = await connectDisplay(hub.url, "bystander-0001", "lobby");
  });

  afterAll(async () => {
    admin?.close();
    bystander?.socket.close();
    await hub?.dispose();
  });

  /** The other client still works: its clock syncs and it receives a real change. */
  async function bystanderStillServed(): Promise<void> {
    expect(bystander.socket.connected).toBe(true);
    expect(await clockSync(bystander.socket)).toBeGreaterThan(0);
    const before = bystander.changes.length;
    const ok = await admin.timeout(3000).emitWithAck("change:apply", {
      kind: "announce",
      announcementId: "bystander-check",
      text: `check ${before}`,
      target: { kind: "all" },
    });
    expect(ok).toMatchObject({ ok: true });
    await eventually("the bystander's update", () => bystander.changes.length > before);
  }

  function expectCleanRefusal(result: Result, schemaValid: boolean): void {
    if (!result.ok) {
      expect(ERROR_CODES).toContain(result.error);
      expect(result.error).not.toBe("internal");
      if (!schemaValid) expect(result.error).toBe("invalid-payload");
    } else {
      expect(schemaValid).toBe(true);
    }
  }

  it(`refuses ${RUNS} random change:apply payloads with invalid-payload and stores none`, async () => {
    const version = state.version;
    const log = state.changes.length;
    await fc.assert(
      fc.asyncProperty(anyPayload, async (payload) => {
        const result = await admin.timeout(3000).emitWithAck("change:apply", payload as never);
        expect(ChangeInputSchema.safeParse(payload).success).toBe(false);
        expectCleanRefusal(result, false);
      }),
      { numRuns: RUNS },
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(state.version).toBe(version);
    expect(state.changes.length).toBe(log);
    await bystanderStillServed();
  });

  it(`answers ${RUNS} near-miss changes (right kind, random fields) with a result, never internal`, async () => {
    const field = fc.oneof(fc.jsonValue(), fc.constant(sessionKey), fc.constantFrom(...SESSION_TYPES), fc.integer());
    const nearMiss = fc.record(
      {
        kind: fc.constantFrom(...CHANGE_KINDS),
        sessionKey: fc.oneof(fc.constant(sessionKey), field),
        minutes: fc.oneof(fc.integer({ min: -2000, max: 2000 }), field),
        roomId: fc.oneof(fc.constantFrom("room-1", "room-2", "room-nowhere"), field),
        status: fc.oneof(fc.constantFrom("open", "full", "closed"), field),
        text: fc.oneof(fc.string({ maxLength: 40 }), field),
        start: field,
        end: field,
        fields: fc.oneof(fc.record({ title: fc.string() }, { requiredKeys: [] }), field),
        changeId: field,
        set: fc.oneof(fc.constant(null), field),
      },
      { requiredKeys: ["kind"] },
    );
    await fc.assert(
      fc.asyncProperty(nearMiss, async (payload) => {
        // Keep the rehearsal clock where it is: a valid clock change would be a real change.
        if (payload.kind === "clock") return;
        const result = await admin.timeout(3000).emitWithAck("change:apply", payload as never);
        expectCleanRefusal(result, ChangeInputSchema.safeParse(payload).success);
      }),
      { numRuns: RUNS },
    );
    await bystanderStillServed();
  });

  it(`refuses ${RUNS} random screen:hello payloads with invalid-payload`, async () => {
    const fuzzer = await connectDisplay(hub.url, "fuzzing-screen-01", "room:room-1");
    await fc.assert(
      fc.asyncProperty(anyPayload, async (payload) => {
        const reply = await fuzzer.socket.timeout(3000).emitWithAck("screen:hello", payload as never);
        expect(ScreenHelloSchema.safeParse(payload).success).toBe(false);
        expect(reply).toMatchObject({ ok: false, error: "invalid-payload" });
      }),
      { numRuns: RUNS },
    );
    fuzzer.socket.close();
    await bystanderStillServed();
  });

  it("survives random heartbeats, clock:sync and admin:resync arguments and acks that are not functions", async () => {
    const fuzzer = await connectDisplay(hub.url, "fuzzing-screen-02", "room:room-2");
    await fc.assert(
      fc.asyncProperty(anyPayload, anyPayload, async (a, b) => {
        fuzzer.socket.emit("screen:heartbeat", a as never);
        (fuzzer.socket.emit as (...args: unknown[]) => void)("clock:sync", a, b);
        (fuzzer.socket.emit as (...args: unknown[]) => void)("screen:hello", a, b);
        (admin.emit as (...args: unknown[]) => void)("change:apply", a, b);
        // admin:resync takes no payload: whatever comes with it is ignored.
        (admin.emit as (...args: unknown[]) => void)("admin:resync", a, b);
      }),
      { numRuns: RUNS },
    );
    // Still served, both the fuzzing socket and the bystander.
    expect(await clockSync(fuzzer.socket)).toBeGreaterThan(0);
    fuzzer.socket.close();
    await bystanderStillServed();
  });

  it(`refuses ${RUNS} random payloads for every screen and volunteer-link command`, async () => {
    const commands = ["screen:assign", "screen:rename", "screen:identify", "screen:reload", "screen:forget", "volunteer:create", "volunteer:revoke"] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), anyPayload, async (name, payload) => {
        const result = (await (admin.timeout(3000).emitWithAck as (...args: unknown[]) => Promise<Result>)(name, payload)) as Result;
        expect(result.ok).toBe(false);
        if (!result.ok) expect(["invalid-payload", "not-found"]).toContain(result.error);
      }),
      { numRuns: RUNS },
    );
    await bystanderStillServed();
  });

  it(`refuses a change larger than ${MAX_SOCKET_PAYLOAD_BYTES / 1024} kB and stores nothing`, async () => {
    const cookie = await loginCookie(hub.url);
    const { socket: big } = await connectAdmin(hub.url, cookie);
    const version = state.version;
    const huge = { kind: "announce", text: "x".repeat(MAX_SOCKET_PAYLOAD_BYTES * 2), target: { kind: "all" } };
    const outcome = await big
      .timeout(3000)
      .emitWithAck("change:apply", huge as never)
      .catch(() => "no answer: connection dropped" as const);
    if (typeof outcome !== "string") expect(outcome.ok).toBe(false);
    big.close();
    expect(state.version).toBe(version);
    await bystanderStillServed();
  });

  it("refuses a screen:hello larger than the limit and keeps serving other screens", async () => {
    const fuzzer = await connectDisplay(hub.url, "fuzzing-screen-03", "room:room-1");
    const outcome = await fuzzer.socket
      .timeout(3000)
      .emitWithAck("screen:hello", { screenId: "fuzzing-screen-03", view: "x".repeat(MAX_SOCKET_PAYLOAD_BYTES * 2) } as never)
      .catch(() => null);
    if (outcome !== null) expect(outcome.ok).toBe(false);
    fuzzer.socket.close();
    await bystanderStillServed();
  });

  it("answers 413 to an HTTP body over the limit", async () => {
    const res = await fetch(`${hub.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
