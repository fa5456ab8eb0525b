// View strings without zod (shared/views, what screens load): parseView accepts exactly what the
// hub's ViewSchema accepts, and model/protocol still export the same helpers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as model from "../../shared/model.js";
import * as protocol from "../../shared/protocol.js";
import { BREAK_TYPES, DISPLAY_NAMESPACE, isView, parseView, SCREEN_ID_PATTERN, viewFromPath } from "../../shared/views.js";

/** Strings close to views: the prefixes, commas, whitespace, and ids up to past the 200-character limit. */
const viewish = fc.oneof(
  fc.string(),
  fc
    .tuple(
      fc.constantFrom("room:", "lobby:", "lobby", "Room:", " room:", ""),
      fc.array(
        fc.oneof(
          fc.string({ unit: fc.constantFrom("a", "1", "-", "é", "😀", ",", " ", "\t", "\n", ":"), minLength: 0, maxLength: 8 }),
          fc.integer({ min: 195, max: 205 }).map((n) => "r".repeat(n)),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([prefix, ids]) => prefix + ids.join(",")),
);

describe("parseView", () => {
  it("accepts exactly the strings the hub's ViewSchema accepts", () => {
    fc.assert(
      fc.property(viewish, (view) => {
        expect(parseView(view) !== null).toBe(model.ViewSchema.safeParse(view).success);
        expect(isView(view)).toBe(model.ViewSchema.safeParse(view).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads a door, the whole lobby and a lobby of chosen rooms", () => {
    expect(parseView("room:room-1")).toEqual({ kind: "room", roomId: "room-1" });
    expect(parseView("lobby")).toEqual({ kind: "lobby", roomIds: null });
    expect(parseView("lobby:room-2,room-1")).toEqual({ kind: "lobby", roomIds: ["room-2", "room-1"] });
  });

  it("refuses an empty id, a trailing comma, whitespace and an id of 201 characters", () => {
    for (const view of ["room:", "lobby:", "lobby:a,", "room:a b", `room:${"r".repeat(201)}`, "lobbyx", 42]) {
      expect(parseView(view as string)).toBeNull();
      expect(model.ViewSchema.safeParse(view).success).toBe(false);
    }
  });

  it("is the same function through shared/model, with the same break types", () => {
    expect(model.parseView).toBe(parseView);
    expect(model.BREAK_TYPES).toBe(BREAK_TYPES);
    expect([...BREAK_TYPES].sort()).toEqual(["break", "lunch"]);
  });
});

describe("display URLs and the display namespace", () => {
  it("maps /display/room/<id>, /display/lobby and ?rooms= to views", () => {
    expect(viewFromPath("/display/room/room%201")).toBe("room:room 1");
    expect(viewFromPath("/display/lobby/")).toBe("lobby");
    expect(viewFromPath("/display/lobby", "?rooms=a,b")).toBe("lobby:a,b");
    expect(viewFromPath("/display")).toBeNull();
  });

  it("is exported unchanged through shared/protocol", () => {
    expect(protocol.viewFromPath).toBe(viewFromPath);
    expect(protocol.DISPLAY_NAMESPACE).toBe(DISPLAY_NAMESPACE);
    expect(DISPLAY_NAMESPACE).toBe("/display");
    expect(protocol.SCREEN_ID_PATTERN).toBe(SCREEN_ID_PATTERN);
    expect(protocol.ScreenHelloSchema.safeParse({ screenId: "short" }).success).toBe(false);
    expect(protocol.ScreenHelloSchema.safeParse({ screenId: "K7Q2abcd", view: "room:r1" }).success).toBe(true);
  });
});
