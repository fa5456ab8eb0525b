import { describe, expect, it } from "vitest";
import { fromLocalInput, parseMinutes, toLocalInput } from "../../../admin/derive/time-input.js";

describe("datetime-local inputs in the event zone", () => {
  it("writes 10:55 Pasadena time whatever the device zone", () => {
    expect(toLocalInput(Date.parse("2025-03-06T18:55:00Z"), "America/Los_Angeles")).toBe("2025-03-06T10:55");
  });

  it("reads 10:55 as Pasadena time", () => {
    expect(fromLocalInput("2025-03-06T10:55", "America/Los_Angeles")).toBe(Date.parse("2025-03-06T10:55:00-08:00"));
  });

  it("reads Berlin time on the autumn fall-back day with the right offset after it", () => {
    expect(fromLocalInput("2026-10-25T12:00", "Europe/Berlin")).toBe(Date.parse("2026-10-25T12:00:00+01:00"));
  });

  it("refuses empty or malformed values", () => {
    expect(fromLocalInput("", "UTC")).toBeNull();
    expect(fromLocalInput("10:55", "UTC")).toBeNull();
  });
});

describe("custom minutes", () => {
  it("reads +20, 20 and -5", () => {
    expect(parseMinutes("+20")).toBe(20);
    expect(parseMinutes(" 20 ")).toBe(20);
    expect(parseMinutes("-5")).toBe(-5);
  });

  it("refuses zero, fractions, words and more than a day", () => {
    expect(parseMinutes("0")).toBeNull();
    expect(parseMinutes("2.5")).toBeNull();
    expect(parseMinutes("ten")).toBeNull();
    expect(parseMinutes("1441")).toBeNull();
  });
});
