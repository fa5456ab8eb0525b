// A small, forgiving RFC 5545 content-line reader: real feeds have LF endings, unfolded long
// lines, leading spaces in values, vCal-1.0 parameters, METHOD inside VEVENT and bogus
// properties (README §4). Components are read as flat property lists.

export interface IcalProperty {
  name: string;
  params: Record<string, string>;
  value: string;
  /** 1-based physical line where the property starts. */
  line: number;
}

export interface IcalComponent {
  name: string;
  props: IcalProperty[];
  children: IcalComponent[];
  line: number;
}

/** Nesting deeper than this is not a calendar. */
const MAX_ICAL_DEPTH = 8;

/** Splits "NAME;P=V;Q="a:b":value" at the first colon outside quotes. */
function parseContentLine(text: string, line: number): IcalProperty | null {
  let inQuote = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === ":" && !inQuote) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const head = text.slice(0, colon);
  const parts = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const name = (parts[0] ?? "").trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params: Record<string, string> = {};
  for (const p of parts.slice(1)) {
    const eq = p.indexOf("=");
    if (eq > 0) params[p.slice(0, eq).trim().toUpperCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, "");
  }
  return { name, params, value: text.slice(colon + 1), line };
}

/** Reads a calendar; unknown lines are skipped, unbalanced END lines tolerated. */
export function parseIcal(text: string): { root: IcalComponent; skipped: number[] } {
  const physical = text.split("\n");
  const root: IcalComponent = { name: "ROOT", props: [], children: [], line: 0 };
  const stack: IcalComponent[] = [root];
  const skipped: number[] = [];
  let current: { text: string; line: number } | null = null;

  const flush = (): void => {
    if (!current) return;
    const prop = parseContentLine(current.text, current.line);
    const top = stack[stack.length - 1]!;
    if (!prop) {
      if (current.text.trim()) skipped.push(current.line);
    } else if (prop.name === "BEGIN") {
      const comp: IcalComponent = { name: prop.value.trim().toUpperCase(), props: [], children: [], line: prop.line };
      if (stack.length <= MAX_ICAL_DEPTH) {
        top.children.push(comp);
        stack.push(comp);
      }
    } else if (prop.name === "END") {
      const name = prop.value.trim().toUpperCase();
      const at = stack.map((c) => c.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
    } else {
      top.props.push(prop);
    }
    current = null;
  };

  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && current) {
      // A folded continuation: drop exactly one leading whitespace character.
      current.text += raw.slice(1);
      continue;
    }
    flush();
    current = { text: raw, line: i + 1 };
  }
  flush();
  return { root, skipped };
}

/** Undoes RFC 5545 text escaping: \n \N \, \; \\. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

export function prop(comp: IcalComponent, name: string): IcalProperty | undefined {
  return comp.props.find((p) => p.name === name);
}

export function props(comp: IcalComponent, name: string): IcalProperty[] {
  return comp.props.filter((p) => p.name === name);
}
