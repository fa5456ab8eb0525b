// The line readers and the speaker splitter of the pasted-text importer, one shape at a time.
import { describe, expect, it } from "vitest";
import { findDate, looksLikeRoomHeading, parseDayHeading, parseTimeLine } from "../../../shared/formats/text-lines.js";
import { inferType, looksLikeNames, parseTypedSpeakerLine, splitSpeakers } from "../../../shared/formats/text-speakers.js";

describe("parseTimeLine", () => {
  it("reads a 24-hour range with a hyphen or an en dash", () => {
    for (const line of ["09:15 - 09:30", "09:15–09:30", "9.15 - 9.30"]) {
      expect(parseTimeLine(line)).toMatchObject({ prefix: "", start: { hour: 9, minute: 15 }, end: { hour: 9, minute: 30 } });
    }
  });

  it("reads a 12-hour start without an end", () => {
    expect(parseTimeLine("05:55 PM")).toEqual({ prefix: "", start: { kind: "clock", hour: 5, minute: 55, meridiem: "pm", text: "05:55 PM" }, end: null });
  });

  it("reads an ISO timestamp with its offset", () => {
    expect(parseTimeLine("2026-01-31T15:05:00+01:00")).toEqual({ prefix: "", start: { kind: "iso", text: "2026-01-31T15:05:00+01:00" }, end: null });
  });

  it("takes text glued to a time range as a heading", () => {
    expect(parseTimeLine("NixCon Hiring Happy Hour05:55 PM - 06:55 PM")).toMatchObject({ prefix: "NixCon Hiring Happy Hour" });
  });

  it("leaves titles and sentences that merely contain a time alone", () => {
    expect(parseTimeLine("Nix 2.18")).toBeNull();
    expect(parseTimeLine("Doors open at 09:00")).toBeNull();
    expect(parseTimeLine("The lab runs from 10:00 - 12:00")).toBeNull();
  });

  it("says why an impossible time is impossible", () => {
    expect(parseTimeLine("13:00 PM")).toEqual({ bad: '"13:00 PM" has hour 13, expected 1–12 with AM/PM' });
  });
});

describe("day and room headings", () => {
  it("reads dated day headings with and without weekday, ordinal and year", () => {
    expect(parseDayHeading("Thursday - March 6th, 2025")).toEqual({ kind: "date", date: { year: 2025, month: 3, day: 6 } });
    expect(parseDayHeading("Sat 31 January")).toEqual({ kind: "date", date: { year: null, month: 1, day: 31 } });
    expect(parseDayHeading("2026-01-31")).toEqual({ kind: "date", date: { year: 2026, month: 1, day: 31 } });
    expect(parseDayHeading("Start of Day 3")).toEqual({ kind: "nth", n: 3 });
    expect(parseDayHeading("March 6th-7th, 2025 @ Pasadena, CA")).toBeNull();
  });

  it("finds day 1 of a date range in the text above a schedule", () => {
    expect(findDate("NixCon 2023 Darmstadt\nSeptember 08 – 10")).toEqual({ year: null, month: 9, day: 8 });
    expect(findDate("March 6th-7th, 2025 @ Pasadena, CA")).toEqual({ year: 2025, month: 3, day: 6 });
  });

  it("recognises room names but not titles or sentences", () => {
    expect(["Room 1", "Talks (Room 122)", "Nix and NixOS Track", "UD2.120", "Saal 1"].map(looksLikeRoomHeading)).toEqual([true, true, true, true, true]);
    expect(["Lightning Talks", "Opening ceremony for day 2!", "Break", "How we moved the whole conference onto one stage"].map(looksLikeRoomHeading)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("speakers", () => {
  const none = { known: new Set<string>(), mentions: "" };

  it("reads 'Speakers - Type' lines, lower-case handles included", () => {
    expect(parseTypedSpeakerLine("Ron, Eelco, Domen, Théophane, Jonas - Talk")).toEqual({ speakers: "Ron, Eelco, Domen, Théophane, Jonas", type: "Talk" });
    expect(parseTypedSpeakerLine("talyz - Talk")).toEqual({ speakers: "talyz", type: "Talk" });
    expect(parseTypedSpeakerLine("Workshop - Intro to Nix")).toBeNull();
  });

  it("tells a line of names from a sentence", () => {
    expect(looksLikeNames("Ron Efroni Rotman Kelsey Hightower")).toBe(true);
    expect(looksLikeNames("Lassulus N/A Kenji Berthold")).toBe(true);
    expect(looksLikeNames("Not actually dating, but a fast way to meet other conference attendees.")).toBe(false);
    expect(looksLikeNames("Opening ceremony for day 2!")).toBe(false);
  });

  it("splits glued names on a name printed alone elsewhere in the document", () => {
    const context = { known: new Set(["Ron Efroni Rotman"]), mentions: "" };
    expect(splitSpeakers("Ron Efroni Rotman Kelsey Hightower", context)).toEqual(["Ron Efroni Rotman", "Kelsey Hightower"]);
  });

  it("keeps one person whose first name alone is known elsewhere", () => {
    expect(splitSpeakers("Théophane Hufschmitt", { known: new Set(["Théophane"]), mentions: "" })).toEqual(["Théophane Hufschmitt"]);
  });

  it("splits on commas, '&' and 'and', and ends a name at a placeholder surname", () => {
    expect(splitSpeakers("Jörg Thalheim, lassulus", none)).toEqual(["Jörg Thalheim", "lassulus"]);
    expect(splitSpeakers("Ada Lovelace & Grace Hopper and Alan Turing", none)).toEqual(["Ada Lovelace", "Grace Hopper", "Alan Turing"]);
    expect(splitSpeakers("Lassulus N/A Kenji Berthold", none)).toEqual(["Lassulus", "Kenji Berthold"]);
  });
});

describe("inferType", () => {
  it("types the slots every schedule has from their titles", () => {
    expect(["Break", "Lunch", "Opening Ceremony", "Unconference", "Speed Dating", "Lightning Talks", "Workshop - Intro to Nix"].map((t) => inferType(t, null, ""))).toEqual([
      "break",
      "lunch",
      "other",
      "other",
      "social",
      "lightning",
      "workshop",
    ]);
  });

  it("uses the printed type, and the abstract's first sentence for a workshop", () => {
    expect(inferType("Nix in Space", "Lightning talk", "")).toBe("lightning");
    expect(inferType("Mastering tests", null, "Join this hands-on workshop to explore. Then more.")).toBe("workshop");
    expect(inferType("", null, "devroom opening")).toBe("other");
  });
});
