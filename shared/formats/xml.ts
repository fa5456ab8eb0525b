// A small element tree over saxes, with the line of every element, so importers can look up
// direct children only (README §6.2: `event/title`, never `.//title`) and name source lines.
// Lenient where real files are broken, strict where input is hostile: DTD entities are refused
// (no "billion laughs"), depth and element counts are bounded.
import { SaxesParser } from "saxes";
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

/** Parses XML; on a well-formedness error retries once without the characters XML forbids. */
export function parseXml(text: string): XmlParse {
  try {
    return { ok: true, root: parseOnce(text), repairs: [] };
  } catch (first) {
    if (first instanceof XmlRefusal || !/disallowed character/i.test(String(first))) return { ok: false, errors: [problemFrom(first)] };
    const repairs: ImportProblem[] = [];
    const lines = text.split("\n");
    for (let i = 0; i < lines.length && repairs.length < 100; i++) {
      const found = lines[i]!.match(ILLEGAL_XML_CHARS);
      if (found) {
        const codes = [...new Set(found.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`))].join(", ");
        repairs.push({ path: `line ${i + 1}`, line: i + 1, message: `removed ${found.length} control character(s) (${codes}) that XML forbids` });
      }
    }
    try {
      return { ok: true, root: parseOnce(text.replace(ILLEGAL_XML_CHARS, "")), repairs };
    } catch (second) {
      return { ok: false, errors: [problemFrom(second)] };
    }
  }
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
