// Text is plain on screens: every title, name and abstract from a schedule passes through here.
// HTML (also double-escaped) and Markdown are reduced to text; Unicode is kept.
import { MAX_ABSTRACT_CHARS, MAX_TITLE_CHARS } from "../model.js";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—",
  hellip: "…", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", bdquo: "„",
  euro: "€", copy: "©", reg: "®", trade: "™", middot: "·", bull: "•", shy: "", zwj: "\u200d", zwnj: "\u200c",
  auml: "ä", ouml: "ö", uuml: "ü", Auml: "Ä", Ouml: "Ö", Uuml: "Ü", szlig: "ß", eacute: "é", egrave: "è",
  agrave: "à", aacute: "á", ccedil: "ç", ntilde: "ñ", oacute: "ó", iacute: "í", uacute: "ú", deg: "°", times: "×",
};

/** Decodes HTML character references once; unknown names are left as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

// Control characters other than tab and newline never belong on a screen.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const BLOCK_TAGS = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|hr)\b[^<>]{0,2000}>/gi;

function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*\b[^<>]*>/i.test(text);
}

function stripHtml(text: string): string {
  return text
    .replace(/<\/li\s*>/gi, "")
    .replace(/<li\b[^<>]{0,2000}>/gi, "\n- ")
    .replace(BLOCK_TAGS, "\n")
    .replace(/<[^<>]{0,2000}>/g, "");
}

// Every pattern is bounded ({0,300}) so hostile input cannot make a match scan whole lines
// from every position (quadratic time on 20 000 characters of "**a ").
function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, "$1")
    .replace(/\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)/g, "$1")
    .replace(/^ {0,3}#{1,6}\s+/gm, "")
    .replace(/^ {0,3}>\s?/gm, "")
    .replace(/^ {0,3}[*+]\s+/gm, "- ")
    .replace(/^ {0,3}(?:[-*_][ \t]{0,3}){3,40}$/gm, "")
    .replace(/```[^\n]{0,100}\n?/g, "")
    .replace(/(\*\*|__)(?=\S)([^\n]{0,300}?\S)\1/g, "$2")
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]{0,300}?\S)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`\n]{1,300})`/g, "$1");
}

// Anything that may be markup, an entity, a control character or a CR.
const NEEDS_WORK = /[<>&*_#\[`\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0]|^ {0,3}([-+]|\d+\.)\s/m;

const ENTITY = /&(#x?[0-9a-f]+|[a-z]{2,8});/i;
const MARKDOWN_HINT = /[*_#[`>]|^ {0,3}[-+]\s/m;
const CONTROL_OR_NBSP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0]/;

function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Raw text from a source to plain text with paragraphs: for abstracts. */
export function plainText(raw: string | null | undefined, max = MAX_ABSTRACT_CHARS): string {
  if (!raw) return "";
  let text = raw.length > max * 2 ? raw.slice(0, max * 2) : raw;
  // Most text is already plain: only whitespace needs tidying.
  if (!NEEDS_WORK.test(text)) return cut(tidy(text), max);
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  // Double-escaped HTML ("&amp;lt;p&amp;gt;") decodes to "&lt;p&gt;" first, then to tags.
  for (let i = 0; i < 3 && text.includes("&") && ENTITY.test(text); i++) {
    const decoded = decodeEntities(text);
    if (decoded === text) break;
    text = decoded;
    if (text.includes("<") && looksLikeHtml(text)) text = stripHtml(text);
  }
  if (text.includes("<") && looksLikeHtml(text)) text = decodeEntities(stripHtml(text));
  if (MARKDOWN_HINT.test(text)) text = stripMarkdown(text);
  if (CONTROL_OR_NBSP.test(text)) text = text.replace(CONTROL, "").replace(/\u00a0/g, " ");
  return cut(tidy(text), max);
}

/** Raw text to one trimmed line: for titles, names, rooms, tracks. */
export function plainLine(raw: string | null | undefined, max = MAX_TITLE_CHARS): string {
  if (!raw) return "";
  return cut(plainText(raw, max * 2).replace(/\s+/g, " ").trim(), max);
}

/** A nullable single-line field: empty becomes null. */
export function optionalLine(raw: unknown, max = 200): string | null {
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const line = plainLine(String(raw), max);
  return line.length > 0 ? line : null;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: emoji must stay whole.
  const chars = Array.from(text.slice(0, max));
  while (chars.join("").length > max - 1) chars.pop();
  return chars.join("").trimEnd() + "…";
}
