// Speakers and session types in pasted schedule text: "Speakers - Type" lines (pretalx pages),
// bare name lines, names glued on one line ("Ron Efroni Rotman Kelsey Hightower"), and the
// session type a title implies ("Lunch", "Opening Ceremony", "Lightning Talks").
import type { SessionType } from "../model.js";

const TYPE_WORD = String.raw`(?:lightning(?:\s+talk)?|talk|workshop|training|keynote|panel|tutorial|bof|lecture|presentation|demo)\b`;
const TYPED_LINE = new RegExp(String.raw`^(.+?)\s+[-–—]\s+(${TYPE_WORD}.*)$`, "i");
const MAX_SPEAKER_LINE_CHARS = 300;

/** "Eelco Dolstra - Talk" → speakers text and type text; null when the line is not of that shape. */
export function parseTypedSpeakerLine(line: string): { speakers: string; type: string } | null {
  if (line.length > MAX_SPEAKER_LINE_CHARS) return null;
  const m = TYPED_LINE.exec(line);
  // Handles are often lower-case ("zimbatm - Talk"): the type word already says these are names.
  if (!m || /[.!?]$/.test(m[1]!) || !looksLikeNames(m[1]!, false)) return null;
  return { speakers: m[1]!, type: m[2]! };
}

// Words that appear in sentences but not in people's names; name particles (van, de …) are fine.
const SENTENCE_WORDS = new Set(
  "the a an of and or to for with is are was in on at by from this that we you i our your it its not but how what why will can".split(" "),
);
const MAX_NAME_LINE_CHARS = 160;
const MAX_NAME_LINE_WORDS = 16;

/** True when a line reads as a list of people's names rather than a sentence. */
export function looksLikeNames(line: string, requireCapitals = true): boolean {
  const text = line.trim();
  if (!text || text.length > MAX_NAME_LINE_CHARS || /[.!?:;)]$/.test(text) || /^https?:/i.test(text)) return false;
  const words = text.split(/[\s,&]+/).filter(Boolean);
  if (words.length > MAX_NAME_LINE_WORDS) return false;
  // "and" joins names ("Alice and Bob"), so it does not count against the line.
  const sentence = words.filter((w) => w.toLowerCase() !== "and" && SENTENCE_WORDS.has(w.toLowerCase()));
  if (sentence.length > 0) return false;
  if (!requireCapitals) return true;
  const capitalised = words.filter((w) => /^["'(]?\p{Lu}/u.test(w)).length;
  return capitalised * 2 >= words.length;
}

/** Context for splitting glued names: names seen alone elsewhere, and the session's own text. */
export interface SpeakerContext {
  /** Names printed on their own elsewhere in the same document. */
  known: { has(name: string): boolean };
  /** Title and abstract of the session, where a speaker's name is often mentioned. */
  mentions: string;
}

/** Placeholder a conference system prints for a missing surname ("Lassulus N/A"). */
const MISSING_NAME = /^(n\/a|n\.a\.|none|-)$/i;
// A line of glued names is a handful of words; longer runs are left whole (and keep the
// segmentation, which tries every cut, cheap).
const MAX_GLUED_TOKENS = 12;

/** Splits a speaker line into people: on commas, "&", "and", then glued names (see splitGlued). */
export function splitSpeakers(text: string, context: SpeakerContext): string[] {
  return text
    .split(/\s*(?:,|;|\s&\s|\s\+\s|\band\b|\bund\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => splitGlued(part, context));
}

/** The parts of a comma/"and" split, before glued names are split: the document's "known" names. */
export function rawSpeakerParts(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\s&\s|\s\+\s|\band\b|\bund\b)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p && !/\bN\/A\b/i.test(p));
}

/**
 * Splits names glued on one line. A placeholder surname ("N/A") ends a name. Otherwise the line
 * is segmented to best explain it: a segment that is a name printed alone elsewhere scores
 * highest, one mentioned in the title or abstract next, a lone unknown word is penalised, and a
 * tie keeps fewer segments, so an ordinary "First Last" line stays one person.
 */
export function splitGlued(part: string, context: SpeakerContext): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const tokens = part.split(/\s+/).filter(Boolean);
  for (const token of tokens) {
    if (MISSING_NAME.test(token)) {
      if (run.length > 0) names.push(run.join(" "));
      run = [];
    } else {
      run.push(token);
    }
  }
  if (run.length > 0) {
    // Only the run after the last placeholder (or the whole line) can hold glued names.
    names.push(...(run.length < 3 || run.length > MAX_GLUED_TOKENS ? [run.join(" ")] : segment(run, context)));
  }
  return names;
}

function isMentioned(name: string, mentions: string): boolean {
  if (!mentions.includes(name)) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(mentions);
}

function segmentScore(words: string[], context: SpeakerContext): number {
  const name = words.join(" ");
  if (context.known.has(name)) return 3;
  if (words.length >= 2 && isMentioned(name, context.mentions)) return 2;
  // A lone word must never be left over just because its neighbour is a known first name.
  if (words.length === 1) return -5;
  // "Ron Efroni Rotman" when the abstract says "Ron Efroni".
  if (words.length >= 3 && isMentioned(words.slice(0, 2).join(" "), context.mentions)) return 1;
  return -1;
}

function segment(tokens: string[], context: SpeakerContext): string[] {
  const n = tokens.length;
  // best[i]: the best segmentation of tokens[i..n) as [score, number of segments, cut points].
  const best: Array<{ score: number; count: number; next: number }> = new Array(n + 1);
  best[n] = { score: 0, count: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let choice = { score: -Infinity, count: Infinity, next: n };
    for (let j = i + 1; j <= n; j++) {
      const rest = best[j]!;
      const score = segmentScore(tokens.slice(i, j), context) + rest.score;
      const count = rest.count + 1;
      if (score > choice.score || (score === choice.score && count < choice.count)) choice = { score, count, next: j };
    }
    best[i] = choice;
  }
  const names: string[] = [];
  for (let i = 0; i < n; i = best[i]!.next) names.push(tokens.slice(i, best[i]!.next).join(" "));
  return names;
}

const SHORT_TITLE_CHARS = 60;

/**
 * The session type from what the text says: the title first for slots every schedule has
 * (breaks, lunch, ceremonies, socials), then the printed type, then the title and the
 * abstract's first sentence. An untitled session with a short abstract ("devroom opening")
 * is judged by that abstract.
 */
export function inferType(title: string, typeText: string | null, abstract: string): SessionType {
  const label = title || (abstract.length <= SHORT_TITLE_CHARS ? abstract : "");
  if (label.length <= SHORT_TITLE_CHARS) {
    if (/\blunch\b|\bdinner break\b|\bmittag/i.test(label)) return "lunch";
    if (/\bbreak\b|\bcoffee\b|\bpause\b/i.test(label)) return "break";
  }
  if (/ceremony|^opening\b|\bopening$|^closing\b|\bclosing$|\bwelcome\b|unconference/i.test(label)) return "other";
  if (/happy hour|speed dating|\bsocial\b|\bparty\b|\breception\b|\bdinner\b/i.test(label)) return "social";
  const type = typeText ?? "";
  if (/lightning/i.test(type)) return "lightning";
  if (/workshop|training|tutorial/i.test(type)) return "workshop";
  if (/keynote/i.test(type)) return "keynote";
  if (/talk|panel|lecture|presentation/i.test(type)) return "talk";
  if (/lightning/i.test(label)) return "lightning";
  if (/keynote/i.test(label)) return "keynote";
  if (/workshop|hands-on|tutorial/i.test(label)) return "workshop";
  const firstSentence = abstract.split(/(?<=[.!?])\s/)[0] ?? "";
  if (/\bworkshop\b/i.test(firstSentence)) return "workshop";
  return "talk";
}
