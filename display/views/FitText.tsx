// A block of text that scales itself into its box (see fit.ts). Its CSS class must bound the
// box (width and max-height); sizes are fractions of the viewport's shorter side.
import { useLayoutEffect, useRef } from "preact/hooks";
import { fitElement } from "../fit.js";

// Above the content area of common fonts (DejaVu Sans: 1.164 em), so glyphs never overflow the
// line box and fool the overflow check.
export const LINE_HEIGHT = 1.2;

interface Props {
  text: string;
  /** Largest and smallest font size, in vmin (1 = 1 % of the viewport's shorter side). */
  maxVmin: number;
  minVmin: number;
  class: string;
  testid?: string;
  tag?: "h1" | "h2" | "div";
  /** Changes whenever the surrounding layout does (banners, panels), so the text refits. */
  layout?: string;
}

export function FitText({ text, maxVmin, minVmin, class: cls, testid, tag = "div", layout = "" }: Props) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const vmin = Math.min(window.innerWidth, window.innerHeight) / 100;
      fitElement(el, maxVmin * vmin, minVmin * vmin, LINE_HEIGHT);
    };
    fit();
    window.addEventListener("resize", fit);
    // Web fonts and emoji may change metrics after first layout.
    void document.fonts?.ready.then(fit);
    return () => window.removeEventListener("resize", fit);
  }, [text, maxVmin, minVmin, layout]);
  const Tag = tag;
  return (
    <Tag ref={ref as never} class={`fit ${cls}`} data-testid={testid} style={{ lineHeight: LINE_HEIGHT }}>
      {text}
    </Tag>
  );
}
