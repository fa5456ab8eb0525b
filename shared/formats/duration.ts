// Durations as schedule files write them (formats/README.md §1.7): "H:MM", "HH:MM", hours past
// 24 ("26:00"), "HH:MM:SS", pretalx "D:HH:MM" for a day or more, plain minutes, ISO "PT1H30M",
// and xCal's "013000" (HHMMSS).

/** A parsed duration in whole minutes, and whether the text could have meant something else. */
export interface ParsedDuration {
  minutes: number;
  /** Three-part text read one way while the other reading was possible. */
  ambiguous: boolean;
}

/** Upper bound on a believable session: one week, in minutes. */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

/**
 * Parses a duration; null when the text is not one. `pretalx` tells a three-part value that the
 * generator writes D:HH:MM for 24 h and more (pretalx's serialize_duration).
 */
export function parseDuration(raw: string | number | null | undefined, options: { pretalx?: boolean } = {}): ParsedDuration | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 && raw <= MAX_DURATION_MINUTES ? { minutes: Math.round(raw), ambiguous: false } : null;
  const text = raw.trim();
  if (text.length === 0 || text.length > 40) return null;
  let minutes: number | null = null;
  let ambiguous = false;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,6})$/.exec(text))) {
    minutes = Number(m[1]);
  } else if ((m = /^(\d{1,4}):(\d{2})$/.exec(text))) {
    const mm = Number(m[2]);
    if (mm < 60) minutes = Number(m[1]) * 60 + mm;
  } else if ((m = /^(\d{1,3}):(\d{2}):(\d{2})$/.exec(text))) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (b < 60 && c < 60) {
      // The collision: "1:02:30" is 1 d 2 h 30 min from pretalx but 1 h 2 min 30 s elsewhere.
      const asDays = a >= 1 && b < 24 ? a * 1440 + b * 60 + c : null;
      if (options.pretalx && asDays !== null) minutes = asDays;
      else minutes = a * 60 + b + Math.round(c / 60);
      ambiguous = asDays !== null && c !== 0;
    }
  } else if ((m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text)) && text.length > 1 && !/T$/i.test(text)) {
    minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Math.round(Number(m[4] ?? 0) / 60);
  }
  if (minutes === null || !Number.isFinite(minutes) || minutes > MAX_DURATION_MINUTES) return null;
  return { minutes, ambiguous };
}

/** xCal's compact "HHMMSS" (frab/Pentabarf writes `<duration>013000</duration>`). */
export function parseCompactDuration(raw: string): number | null {
  const m = /^(\d{2,3})(\d{2})(\d{2})$/.exec(raw.trim());
  if (!m) return parseDuration(raw)?.minutes ?? null;
  const minutes = Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3]) / 60);
  return Number(m[2]) < 60 && minutes <= MAX_DURATION_MINUTES ? minutes : null;
}
