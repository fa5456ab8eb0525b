// Stable identity across re-imports (formats/README.md §6.5): a session is keyed by its guid,
// else code + start, else id + start + room, else a hash of title, start and room. Never by
// `id` or an iCal UID alone: both repeat in real files.

/** What a source says about a session's identity; any part may be missing. */
export interface SourceIdentity {
  guid?: string | null;
  code?: string | null;
  id?: string | null;
}

const MAX_KEY_CHARS = 200;

/** FNV-1a over UTF-16 units, two rounds with different seeds: 64 bits as 13 base-36 digits. */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(36).padStart(7, "0") + b.toString(36).padStart(7, "0");
}

function clean(part: string | null | undefined): string | null {
  const t = part?.trim();
  return t ? t.slice(0, 120) : null;
}

/** Compact UTC instant for keys: "2025-12-27T10:30Z". */
function instantTag(at: number): string {
  return new Date(at).toISOString().replace(/:00\.000Z$/, "Z").replace(/\.000Z$/, "Z");
}

/**
 * The key for one session. `useGuid` is false when the guid repeats in the file, so the
 * next rule applies to every copy alike, whatever their order.
 */
export function sessionKey(identity: SourceIdentity, start: number, roomId: string, title: string, useGuid = true): string {
  const guid = clean(identity.guid);
  if (guid && useGuid) return guid.slice(0, MAX_KEY_CHARS);
  const code = clean(identity.code);
  if (code) return `${code}@${instantTag(start)}`.slice(0, MAX_KEY_CHARS);
  const id = clean(identity.id);
  if (id) return `${id}@${instantTag(start)}@${roomId}`.slice(0, MAX_KEY_CHARS);
  return `h-${stableHash(`${title}\u0000${start}\u0000${roomId}`)}`;
}

/** A readable, URL-safe id from a name: "Saal 1" → "saal-1", "Assembly:Hardware Hacking Area" → "assembly-hardware-hacking-area". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug.length > 0 ? slug : `room-${stableHash(name).slice(0, 8)}`;
}
