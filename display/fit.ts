// Long titles (120+ characters in FOSDEM and CCC schedules) must never overflow: scale the text
// down to a minimum legible size, and only then clamp its lines with an ellipsis.

export interface Fit {
  /** Font size in px. */
  px: number;
  /** False when even `minPx` overflows: clamp lines with an ellipsis. */
  fits: boolean;
}

/**
 * The largest whole-pixel font size in [minPx, maxPx] for which `fits(px)` holds, by binary
 * search (a handful of layouts instead of one per pixel). `fits` must be monotone: smaller text
 * never fits worse.
 */
export function fitFontSize(fits: (px: number) => boolean, maxPx: number, minPx: number): Fit {
  const max = Math.max(1, Math.floor(maxPx));
  const min = Math.max(1, Math.min(max, Math.floor(minPx)));
  if (fits(max)) return { px: max, fits: true };
  if (!fits(min)) return { px: min, fits: false };
  let lo = min; // fits
  let hi = max; // does not fit
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { px: lo, fits: true };
}

/** How many lines of `px` text (with `lineHeight`) fit in `heightPx`; at least one. */
export function linesThatFit(heightPx: number, px: number, lineHeight: number): number {
  return Math.max(1, Math.floor((heightPx + 0.5) / (px * lineHeight)));
}

/** Fits an element's text in place: its box must be bounded (max-height and width from CSS). */
export function fitElement(el: HTMLElement, maxPx: number, minPx: number, lineHeight: number): Fit {
  el.style.webkitLineClamp = "";
  el.classList.remove("clamped");
  const result = fitFontSize(
    (px) => {
      el.style.fontSize = `${px}px`;
      return el.scrollHeight <= el.clientHeight + 2 && el.scrollWidth <= el.clientWidth + 2;
    },
    maxPx,
    minPx,
  );
  el.style.fontSize = `${result.px}px`;
  if (!result.fits) {
    el.classList.add("clamped");
    el.style.webkitLineClamp = String(linesThatFit(el.clientHeight, result.px, lineHeight));
  }
  return result;
}
