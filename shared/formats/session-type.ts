// Maps the free-text types of real schedules ("lecture", "Workshop 50 Minutes", "devroom",
// "TALK", "Pause") onto Roomcast's session types; the title decides when the type says nothing.
import type { SessionType } from "../model.js";

const RULES: ReadonlyArray<[RegExp, SessionType]> = [
  [/lunch|mittag|d[ée]jeuner|buffet|dinner|abendessen|breakfast|fr[üu]hst[üu]ck|\bmeal\b/i, "lunch"],
  [/\bbreak\b|coffee|kaffee|\bpause\b|intermission|tea time|caf[ée]/i, "break"],
  [/lightning|blitz/i, "lightning"],
  [/keynote/i, "keynote"],
  [/workshop|hands[- ]on|tutorial|hackathon|\blab\b/i, "workshop"],
  [/social|party|happy hour|reception|get[- ]together|meetup|concert|drinks|\bbof\b|networking/i, "social"],
  [/talk|lecture|vortrag|presentation|podium|panel|devroom|maintrack|session|certification|contribution/i, "talk"],
];

/** The Roomcast type for a source's type text, using the title when the type is empty or generic. */
export function mapSessionType(sourceType: string | null | undefined, title = ""): SessionType {
  const type = (sourceType ?? "").trim();
  for (const [pattern, mapped] of RULES) if (type && pattern.test(type)) return mapped;
  // Breaks and meals often come as plain entries ("Pause", "Buffet", "Lunch break").
  const t = title.trim();
  if (t.length > 0 && t.length <= 40) {
    for (const [pattern, mapped] of RULES.slice(0, 2)) if (pattern.test(t)) return mapped;
  }
  if (/^(other|meta|misc)/i.test(type)) return "other";
  return "talk";
}
