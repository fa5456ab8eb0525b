// What a screen prints as a session's title. Sources without a printed title get an honest
// placeholder derived from what we do know (the abstract, else the speakers), never an invented
// title, and the session stays flagged untitled.
import type { SessionType } from "./model.js";

/** Longest derived title, in characters, including the ellipsis. */
export const MAX_DERIVED_TITLE_CHARS = 80;

const NOUN: Record<SessionType, string> = {
  talk: "Talk",
  workshop: "Workshop",
  lightning: "Lightning talk",
  keynote: "Keynote",
  break: "Break",
  lunch: "Lunch",
  social: "Social",
  other: "Session",
};

export interface TitleSource {
  title: string;
  abstract: string;
  speakers: readonly string[];
  type: SessionType;
}

/** The title, else the abstract's first sentence, else "Talk by Jane Doe", else "Untitled session". */
export function displayTitleOf(session: TitleSource): string {
  const title = session.title.trim();
  if (title) return title;
  const fromAbstract = titleFromAbstract(session.abstract);
  if (fromAbstract) return fromAbstract;
  if (session.speakers.length > 0) return `${NOUN[session.type]} by ${joinNames(session.speakers)}`;
  if (session.type === "break" || session.type === "lunch" || session.type === "social") return NOUN[session.type];
  return "Untitled session";
}

// A sentence ends at . ! ? (or …) followed by whitespace and something that starts a sentence, so
// "e.g. nix" and "v2.0" do not end one.
const SENTENCE_END = /[.!?…](?=\s+[\p{Lu}\p{N}"'“‘(\[]|\s*$)/u;

/** The abstract's first sentence, cut at a word boundary with an ellipsis when long; null when empty. */
export function titleFromAbstract(abstract: string, maxChars = MAX_DERIVED_TITLE_CHARS): string | null {
  const text = abstract.replace(/\s+/g, " ").trim();
  if (!text) return null;
  const end = SENTENCE_END.exec(text);
  let sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.endsWith(".") && !sentence.endsWith("..")) sentence = sentence.slice(0, -1);
  if (sentence.length <= maxChars) return sentence;
  const room = sentence.slice(0, maxChars - 1);
  const space = room.lastIndexOf(" ");
  // A single enormous word is cut mid-word rather than leaving almost nothing.
  const head = space >= maxChars / 3 ? room.slice(0, space) : room;
  return `${head.replace(/[\s,;:.\-–—(]+$/u, "")}…`;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
