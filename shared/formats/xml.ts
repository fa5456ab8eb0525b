// A small element tree over saxes, with the line of every element, so importers can look up
// direct children only (README §6.2: `event/title`, never `.//title`) and name source lines.
// Lenient where real files are broken, strict where input is hostile: DTD entities are refused
// (no "billion laughs"), depth and element counts are bounded.
import { SaxesParser } from "saxes";
import { decodeEntities } from "./plain.js";
import type { ImportProblem } from "./types.js";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside this element, concatenated. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export const MAX_XML_DEPTH = 64;
export const MAX_XML_ELEMENTS = 1_000_000;

// Characters XML 1.0 forbids; klimacamp's U+0006 makes the whole file ill-formed.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const HAS_ILLEGAL_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export type XmlParse = { ok: true; root: XmlElement; repairs: ImportProblem[] } | { ok: false; errors: ImportProblem[] };

class XmlRefusal extends Error {}

function parseOnce(text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let count = 0;
  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new XmlRefusal(`line ${parser.line}: the DOCTYPE declares entities; entity expansion is refused (an XML schedule needs no DTD)`);
    }
  });
  parser.on("opentag", (tag) => {
    if (++count > MAX_XML_ELEMENTS) throw new XmlRefusal(`line ${parser.line}: more than ${MAX_XML_ELEMENTS} elements; refused`);
    if (stack.length >= MAX_XML_DEPTH) throw new XmlRefusal(`line ${parser.line}: elements nested deeper than ${MAX_XML_DEPTH}; refused`);
    const el: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [], text: "", line: parser.line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    // Indentation between child elements is not content; skipping it saves most of the copying.
    if (top && !(top.children.length > 0 && /^\s*$/.test(t))) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(text).close();
  if (!root) throw new Error("no root element");
  return root;
}

function problemFrom(e: unknown): ImportProblem {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^(\d+):(\d+): (.*)$/s.exec(message);
  if (m) return { path: `line ${m[1]}, column ${m[2]}`, line: Number(m[1]), message: `XML is not well-formed: ${m[3]}` };
  const refused = /^line (\d+): (.*)$/s.exec(message);
  if (refused) return { path: `line ${refused[1]}`, line: Number(refused[1]), message: refused[2]! };
  return { path: "(document)", message: `XML could not be read: ${message}` };
}

/** Parses XML; on a well-formedness error retries with the repairs real files need, each listed. */
export function parseXml(text: string): XmlParse {
  const repairs: ImportProblem[] = [];
  let current = text;
  const applied = new Set<string>();
  // Each kind of repair is tried at most once, so a hopeless file fails after three parses.
  for (;;) {
    try {
      return { ok: true, root: parseOnce(current), repairs };
    } catch (e) {
      const message = String(e);
      if (e instanceof XmlRefusal) return { ok: false, errors: [problemFrom(e)] };
      if (/disallowed character/i.test(message) && !applied.has("control") && HAS_ILLEGAL_XML_CHAR.test(current)) {
        applied.add("control");
        repairs.push(...listControlCharacters(current));
        current = current.replace(ILLEGAL_XML_CHARS, "");
      } else if (/undefined entity/i.test(message) && !applied.has("entities")) {
        applied.add("entities");
        const fixed = repairHtmlEntities(current);
        if (fixed.count === 0) return { ok: false, errors: [problemFrom(e)] };
        repairs.push({ path: `line ${fixed.firstLine}`, line: fixed.firstLine, message: `replaced ${fixed.count} HTML entity reference(s) that XML does not define (first: &${fixed.first};)` });
        current = fixed.text;
      } else {
        return { ok: false, errors: [problemFrom(e)] };
      }
    }
  }
}

function listControlCharacters(text: string): ImportProblem[] {
  const repairs: ImportProblem[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length && repairs.length < 100; i++) {
    const found = lines[i]!.match(ILLEGAL_XML_CHARS);
    if (found) {
      const codes = [...new Set(found.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`))].join(", ");
      repairs.push({ path: `line ${i + 1}`, line: i + 1, message: `removed ${found.length} control character(s) (${codes}) that XML forbids` });
    }
  }
  return repairs;
}

const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);

/** "&nbsp;" and friends (HTML, not XML) become characters; unknown names stay visible as text. */
function repairHtmlEntities(text: string): { text: string; count: number; first: string; firstLine: number } {
  let count = 0;
  let first = "";
  let firstAt = -1;
  const fixed = text.replace(/&([A-Za-z][A-Za-z0-9]{0,31});/g, (whole, name: string, at: number) => {
    if (XML_ENTITIES.has(name)) return whole;
    if (count++ === 0) {
      first = name;
      firstAt = at;
    }
    const decoded = decodeEntities(whole);
    return decoded === whole ? `&amp;${name};` : `&#${decoded.codePointAt(0)};`;
  });
  return { text: fixed, count, first, firstLine: firstAt < 0 ? 1 : text.slice(0, firstAt).split("\n").length };
}

/** The first direct child with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** All direct children with this name. */
export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Text of a direct child, or null when the child is absent. */
export function childText(el: XmlElement, name: string): string | null {
  const c = child(el, name);
  return c ? c.text : null;
}
