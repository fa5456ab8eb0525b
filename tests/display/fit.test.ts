import { describe, expect, it } from "vitest";
import { fitFontSize, linesThatFit } from "../../display/fit.js";

/** A fake layout: text of `chars` characters at `px` wraps into a box `width` × `height`. */
function box(chars: number, width: number, height: number, lineHeight = 1.12) {
  return (px: number) => {
    const perLine = Math.max(1, Math.floor(width / (px * 0.55)));
    const lines = Math.ceil(chars / perLine);
    return lines * px * lineHeight <= height;
  };
}

describe("fitting a title into its box", () => {
  it("keeps a short title at the largest size", () => {
    expect(fitFontSize(box(20, 1800, 400), 120, 56)).toEqual({ px: 120, fits: true });
  });

  it("scales a long title down to the largest size that still fits", () => {
    const fits = box(130, 1800, 400);
    const result = fitFontSize(fits, 120, 40);
    expect(result.fits).toBe(true);
    expect(result.px).toBeLessThan(120);
    expect(fits(result.px)).toBe(true);
    expect(fits(result.px + 1)).toBe(false);
  });

  it("stops at the minimum legible size and asks for an ellipsis when even that overflows", () => {
    expect(fitFontSize(box(2000, 1800, 400), 120, 56)).toEqual({ px: 56, fits: false });
  });

  it("never returns a size above the maximum or below the minimum", () => {
    for (const chars of [1, 50, 150, 500]) {
      const { px } = fitFontSize(box(chars, 1000, 300), 100, 30);
      expect(px).toBeGreaterThanOrEqual(30);
      expect(px).toBeLessThanOrEqual(100);
    }
  });

  it("clamps to as many whole lines as the box holds, at least one", () => {
    expect(linesThatFit(400, 56, 1.12)).toBe(6);
    expect(linesThatFit(10, 56, 1.12)).toBe(1);
  });
});
