import { describe, expect, it } from "vitest";
import { createPacedBroadcast } from "../../server/paced-broadcast.js";
import { encodeBroadcast } from "../../server/wire.js";

/** An open WebSocket connection as the broadcast reads it; `got` lists the events written to it. */
function screen(name: string, got: string[][]) {
  const seen: string[] = [];
  got.push(seen);
  const conn = {
    readyState: "open",
    upgrading: false,
    writeBuffer: [],
    transport: {
      name: "websocket",
      perMessageDeflate: null,
      socket: { readyState: 1, _sender: { sendFrame: (list: Buffer[]) => seen.push(eventOf(list[0]!)) } },
    },
    write: () => {
      throw new Error(`${name}: expected the direct path`);
    },
  };
  return { conn };
}

/** The event name inside a frame written by the broadcast: 42/display,["name",…]. */
function eventOf(frame: Buffer): string {
  const text = frame.subarray(frame[1] === 126 ? 4 : 2).toString();
  return (JSON.parse(text.slice(text.indexOf("["))) as [string])[0];
}

function turns() {
  const waiting: (() => void)[] = [];
  return {
    nextTurn: (fn: () => void) => waiting.push(fn),
    /** Runs the next turn; false when none was asked for. */
    run(): boolean {
      const fn = waiting.shift();
      fn?.();
      return fn !== undefined;
    },
    get asked() {
      return waiting.length;
    },
  };
}

/** How many screens have received at least one frame. */
const written = (got: string[][]) => got.filter((seen) => seen.length > 0).length;

const PAYLOAD = { text: "x".repeat(100) };
const FRAME = encodeBroadcast("/display", "a", PAYLOAD).frame.length;

describe("paced broadcasts", () => {
  it("write a broadcast within the turn's budget at once", () => {
    const got: string[][] = [];
    const t = turns();
    const paced = createPacedBroadcast({ bytesPerTurn: FRAME * 10, nextTurn: t.nextTurn });
    paced.send(Array.from({ length: 10 }, (_, i) => screen(`s${i}`, got)), "/display", "a", PAYLOAD);
    expect(got.every((seen) => seen.join() === "a")).toBe(true);
  });

  it("spread a larger one over turns of at most the budget each", () => {
    const got: string[][] = [];
    const t = turns();
    const paced = createPacedBroadcast({ bytesPerTurn: FRAME * 4 + FRAME / 2, nextTurn: t.nextTurn });
    paced.send(Array.from({ length: 10 }, (_, i) => screen(`s${i}`, got)), "/display", "a", PAYLOAD);
    expect(written(got)).toBe(4);
    t.run();
    expect(written(got)).toBe(8);
    t.run();
    expect(written(got)).toBe(10);
    t.run(); // the turn that resets the budget
    expect(t.asked).toBe(0);
  });

  it("write at least one screen per turn when one frame is larger than the budget", () => {
    const got: string[][] = [];
    const t = turns();
    const paced = createPacedBroadcast({ bytesPerTurn: 1, nextTurn: t.nextTurn });
    paced.send(Array.from({ length: 3 }, (_, i) => screen(`s${i}`, got)), "/display", "a", PAYLOAD);
    expect(written(got)).toBe(1);
    t.run();
    t.run();
    expect(got.map((seen) => seen.join())).toEqual(["a", "a", "a"]);
  });

  it("share one budget between the broadcasts of a turn, and keep every screen's frames in order", () => {
    const got: string[][] = [];
    const t = turns();
    const paced = createPacedBroadcast({ bytesPerTurn: FRAME * 3, nextTurn: t.nextTurn });
    const sockets = Array.from({ length: 5 }, (_, i) => screen(`s${i}`, got));
    paced.send(sockets, "/display", "a", PAYLOAD);
    paced.send(sockets, "/display", "b", PAYLOAD);
    paced.send(sockets.slice(0, 1), "/display", "c", PAYLOAD);
    expect(got.map((seen) => seen.join(""))).toEqual(["a", "a", "a", "", ""]);
    while (t.run());
    expect(got.map((seen) => seen.join(""))).toEqual(["abc", "ab", "ab", "ab", "ab"]);
  });

  it("write everything still waiting on flush, in order, before what is sent next", () => {
    const got: string[][] = [];
    const t = turns();
    const paced = createPacedBroadcast({ bytesPerTurn: FRAME, nextTurn: t.nextTurn });
    const sockets = Array.from({ length: 4 }, (_, i) => screen(`s${i}`, got));
    paced.send(sockets, "/display", "a", PAYLOAD);
    paced.send(sockets, "/display", "b", PAYLOAD);
    expect(written(got)).toBe(1);
    paced.flush();
    expect(got.map((seen) => seen.join(""))).toEqual(["ab", "ab", "ab", "ab"]);
  });

  it("skip screens that went away while they waited", () => {
    const got: string[][] = [];
    const t = turns();
    const paced = createPacedBroadcast({ bytesPerTurn: 1, nextTurn: t.nextTurn });
    const sockets = Array.from({ length: 3 }, (_, i) => screen(`s${i}`, got));
    paced.send(sockets, "/display", "a", PAYLOAD);
    sockets[2]!.conn.readyState = "closed";
    while (t.run());
    expect(got.map((seen) => seen.join(""))).toEqual(["a", "a", ""]);
  });
});
