// What changed between two versions of a view's snapshot content, small enough to resync a
// screen that holds the previous version: the sessions that changed or appeared (whole), the ids
// that disappeared, and every other field that changed (whole). Pure and dependency-free: the
// display bundle imports it (no zod, luxon, model or protocol at runtime).

/** A snapshot-like record whose `sessions` (if any) are keyed by `key` (EffectiveSession.key). */
export type Content = Record<string, unknown>;

interface Keyed {
  key: string;
}

export interface SessionsDelta {
  /** Sessions that changed or appeared, whole, in the new order. */
  upsert: unknown[];
  /** Keys of sessions that disappeared. */
  remove: string[];
  /**
   * The new order of keys, only when it is not the base order (removed ones dropped, changed ones
   * in place, new ones appended in `upsert` order).
   */
  order?: string[];
}

export interface ContentDelta {
  /** Fields (other than a keyed `sessions`) whose value changed or appeared, whole. */
  set: Record<string, unknown>;
  /** Fields that disappeared. */
  unset: string[];
  /** Absent when the sessions did not change; `set.sessions` replaces them whole instead when ids are not unique. */
  sessions?: SessionsDelta;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function keyedIds(list: unknown): string[] | null {
  if (!Array.isArray(list)) return null;
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const id = (item as Partial<Keyed> | null)?.key;
    if (typeof id !== "string" || seen.has(id)) return null;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

function diffSessions(prev: Keyed[], next: Keyed[], sameSession: (a: Keyed, b: Keyed) => boolean): SessionsDelta | null {
  const before = new Map(prev.map((s) => [s.key, s]));
  const after = new Set(next.map((s) => s.key));
  const upsert = next.filter((s) => {
    const was = before.get(s.key);
    return was === undefined || !sameSession(was, s);
  });
  const remove = prev.filter((s) => !after.has(s.key)).map((s) => s.key);
  const expected = [...prev.filter((s) => after.has(s.key)).map((s) => s.key), ...next.filter((s) => !before.has(s.key)).map((s) => s.key)];
  const order = next.map((s) => s.key);
  const reordered = order.some((id, i) => id !== expected[i]);
  if (upsert.length === 0 && remove.length === 0 && !reordered) return null;
  return reordered ? { upsert, remove, order } : { upsert, remove };
}

/**
 * The delta that turns `prev` into `next` (applyDelta(prev, diff(prev, next)) deep-equals next).
 * `sameSession` compares two sessions of the same key (default: by their JSON); a caller that
 * already holds each session's JSON passes a cheaper one.
 */
export function diff(prev: Content, next: Content, sameSession: (a: Keyed, b: Keyed) => boolean = same): ContentDelta {
  const delta: ContentDelta = { set: {}, unset: Object.keys(prev).filter((k) => !(k in next)) };
  for (const [key, value] of Object.entries(next)) {
    // Keyed sessions are compared one by one (and only once: not first as a whole array).
    if (key === "sessions" && keyedIds(prev[key]) && keyedIds(value)) {
      const sessions = diffSessions(prev[key] as Keyed[], value as Keyed[], sameSession);
      if (sessions) delta.sessions = sessions;
      continue;
    }
    if (key in prev && same(prev[key], value)) continue;
    delta.set[key] = value;
  }
  return delta;
}

/** `prev` with `delta` applied; `prev` is not modified. */
export function applyDelta(prev: Content, delta: ContentDelta): Content {
  const next: Content = { ...prev };
  for (const key of delta.unset) delete next[key];
  Object.assign(next, delta.set);
  const patch = delta.sessions;
  if (patch) {
    const base = Array.isArray(prev.sessions) ? (prev.sessions as Keyed[]) : [];
    const upserts = new Map(patch.upsert.map((s) => [(s as Keyed).key, s]));
    const removed = new Set(patch.remove);
    const kept = base.filter((s) => !removed.has(s.key)).map((s) => upserts.get(s.key) ?? s);
    const known = new Set(base.map((s) => s.key));
    let sessions = [...kept, ...patch.upsert.filter((s) => !known.has((s as Keyed).key))];
    if (patch.order) {
      const byId = new Map(sessions.map((s) => [(s as Keyed).key, s]));
      sessions = patch.order.map((id) => byId.get(id));
    }
    next.sessions = sessions;
  }
  return next;
}

/**
 * FNV-1a (32 bits) of a text: the hub names the content a delta applies to by the hash of its
 * JSON, so a screen whose cache differs in any way (an announcement that expired between two
 * builds, an import) asks for the whole snapshot instead of patching the wrong base.
 */
export function contentHash(json: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A snapshot's view-dependent fields, in the order the hub serialises them (server/views.ts). */
export const CONTENT_FIELDS = ["event", "rooms", "sessions", "roomStatus", "announcements", "clock"] as const;

/** The content fields of a snapshot, in CONTENT_FIELDS order (so its JSON is the hub's). */
export function contentOf(snapshot: object): Content {
  const record = snapshot as Content;
  const content: Content = {};
  for (const key of CONTENT_FIELDS) if (key in record) content[key] = record[key];
  return content;
}

/**
 * What a hello reply's delta (SnapshotDelta) and a broadcast patch (SnapshotPatch, no
 * `baseVersion`) carry, in shared/protocol.ts.
 */
export interface HeldDelta {
  baseVersion?: number;
  baseHash: number;
  head: Content;
  content: ContentDelta;
}

/**
 * The snapshot `delta` turns `held` into, or null when `held` is not its base (another
 * version, or the same version with other content): then the screen needs the whole snapshot.
 * Without `baseVersion` (a broadcast to every screen of a view, which may hold any version
 * showing the base content) the content alone decides, and `held` must be older than the head.
 * `heldHash`: contentHash of `held`'s content when the caller already knows it.
 */
export function patchSnapshot<S extends object>(held: S, delta: HeldDelta, heldHash?: number): S | null {
  const record = held as unknown as Content;
  if (delta.baseVersion !== undefined ? record.version !== delta.baseVersion : !((record.version as number) < (delta.head.version as number))) return null;
  const base = contentOf(record);
  if ((heldHash ?? contentHash(JSON.stringify(base))) !== delta.baseHash) return null;
  return { ...record, ...delta.head, ...applyDelta(base, delta.content) } as unknown as S;
}
