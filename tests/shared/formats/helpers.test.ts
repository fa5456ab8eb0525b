// The shared helpers every importer uses: durations, plain text, keys, session types.
import { describe, expect, it } from "vitest";
import { parseCompactDuration, parseDuration } from "../../../shared/formats/duration.js";
import { sessionKey, slugify, stableHash } from "../../../shared/formats/keys.js";
import { plainLine, plainText } from "../../../shared/formats/plain.js";
import { mapSessionType } from "../../../shared/formats/session-type.js";

const START = Date.UTC(2025, 11, 27, 10, 30);

describe("durations", () => {
  it.each([
    ["00:30", 30],
    ["0:30", 30],
    ["1:00", 60],
    ["12:59", 779],
    ["26:00", 1560],
    ["00:00", 0],
    ["00:05:00", 5],
    ["PT1H30M", 90],
    ["45", 45],
  ])("reads %s as %i minutes", (text, minutes) => {
    expect(parseDuration(text)?.minutes).toBe(minutes);
  });

  it("reads a three-part value from pretalx as D:HH:MM and elsewhere as HH:MM:SS, flagging the ambiguity", () => {
    expect(parseDuration("1:02:30", { pretalx: true })).toEqual({ minutes: 1590, ambiguous: true });
    expect(parseDuration("1:02:30")).toEqual({ minutes: 63, ambiguous: true });
    expect(parseDuration("00:30:00", { pretalx: true })).toEqual({ minutes: 30, ambiguous: false });
  });

  it("refuses what is not a duration", () => {
    for (const bad of ["", "abc", "1:60", "-0:30", "1:2:3:4", "P", "PT", "99999999"]) expect(parseDuration(bad)).toBeNull();
  });

  it("reads xCal's HHMMSS", () => {
    expect(parseCompactDuration("013000")).toBe(90);
  });
});

describe("plain text", () => {
  it("reduces HTML to text with paragraphs and list items", () => {
    expect(plainText("<p>One <b>bold</b> move.</p><ul><li>first</li><li>second</li></ul>")).toBe("One bold move.\n\n- first\n- second");
  });

  it("decodes double-escaped HTML and numeric entities once each", () => {
    expect(plainText("&amp;lt;p&amp;gt;Fish &amp;amp;amp; chips &amp;#128031;&amp;lt;/p&amp;gt;")).toBe("Fish & chips 🐟");
  });

  it("reduces Markdown to text and keeps Unicode", () => {
    expect(plainText("## Plan\n\n**Bold** and _soft_ and [a link](https://x.y) „quoted“ ∀ 🚀")).toBe("Plan\n\nBold and soft and a link „quoted“ ∀ 🚀");
  });

  it("normalises CR and CRLF, strips control characters and tidies whitespace", () => {
    expect(plainText("  line one\r\nline\u0006 two\r\r\n\n\nthree  ")).toBe("line one\nline two\n\nthree");
  });

  it.each([
    ["unclosed bold", "**a ".repeat(5000)],
    ["unclosed links", "[a](".repeat(8000)],
    ["unclosed images", "![".repeat(10000)],
    ["unclosed tags", "<p ".repeat(7000)],
  ])("cleans 20 000 characters of %s in linear time", (_name, text) => {
    const started = performance.now();
    plainText(text);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("makes a single trimmed line of a title and cuts it with an ellipsis without splitting emoji", () => {
    expect(plainLine("  A\n title  ")).toBe("A title");
    const long = plainLine("🚀".repeat(10), 5);
    expect(long.endsWith("…")).toBe(true);
    expect(long).toBe("🚀🚀…");
  });
});

describe("stable keys", () => {
  it("prefers the guid, then code + start, then id + start + room, then a content hash", () => {
    expect(sessionKey({ guid: "g-1", code: "ABC", id: "7" }, START, "saal-1", "T")).toBe("g-1");
    expect(sessionKey({ code: "ABC", id: "7" }, START, "saal-1", "T")).toBe("ABC@2025-12-27T10:30Z");
    expect(sessionKey({ id: "7" }, START, "saal-1", "T")).toBe("7@2025-12-27T10:30Z@saal-1");
    expect(sessionKey({}, START, "saal-1", "T")).toBe(`h-${stableHash(`T\u0000${START}\u0000saal-1`)}`);
  });

  it("skips a guid that repeats in the file", () => {
    expect(sessionKey({ guid: "g-1", id: "7" }, START, "saal-1", "T", false)).toBe("7@2025-12-27T10:30Z@saal-1");
  });

  it("hashes deterministically", () => {
    expect(stableHash("Roomcast")).toBe(stableHash("Roomcast"));
    expect(stableHash("Roomcast")).not.toBe(stableHash("Roomcasu"));
  });

  it("slugs room names into ids", () => {
    expect(slugify("Saal 1")).toBe("saal-1");
    expect(slugify("Assembly:Hardware Hacking Area")).toBe("assembly-hardware-hacking-area");
    expect(slugify("Amphithéâtre 1600")).toBe("amphitheatre-1600");
    expect(slugify("会议室")).toMatch(/^room-[0-9a-z]{7,8}$/);
  });
});

describe("session types", () => {
  it.each([
    ["lecture", "", "talk"],
    ["Workshop 50 Minutes", "", "workshop"],
    ["lightningtalk", "", "lightning"],
    ["keynote", "", "keynote"],
    ["devroom", "", "talk"],
    ["", "Pause", "break"],
    ["", "Buffet", "lunch"],
    ["", "Lunch break", "lunch"],
    ["other", "Something", "other"],
    ["Talk", "Break the web", "talk"],
  ])("maps type %j with title %j to %s", (type, title, expected) => {
    expect(mapSessionType(type, title)).toBe(expected);
  });
});
