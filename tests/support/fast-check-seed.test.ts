import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CI_SEED, propertySeed } from "./fast-check-seed.js";

describe("the property tests' seed", () => {
  it("is fixed under CI=true, chosen by FC_SEED, and left to fast-check otherwise", () => {
    expect(propertySeed({ CI: "true" })).toBe(CI_SEED);
    expect(propertySeed({ CI: "true", FC_SEED: "-1604461411" })).toBe(-1604461411);
    expect(propertySeed({ FC_SEED: "42" })).toBe(42);
    expect(propertySeed({})).toBeUndefined();
    expect(propertySeed({ CI: "false" })).toBeUndefined();
    expect(() => propertySeed({ FC_SEED: "abc" })).toThrow('FC_SEED must be an integer, got "abc"');
  });

  it("is the one fast-check uses in this run", () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed(process.env));
  });
});
