// The hub's truth: the imported event, the change log and the effective schedule folded from
// them, with the version that screens and admins compare. Every mutation is committed to the
// store before it is visible here, so nothing is acknowledged that a restart would lose.
import { randomBytes } from "node:crypto";
import { type ChangeInput, ChangeInputSchema, type EffectiveSchedule, type EffectiveSession, type Event } from "../shared/model.js";
import type { ImportReport } from "../shared/formats/types.js";
import { type Result, type Role, toIssues } from "../shared/protocol.js";
import { fold } from "../shared/timeline.js";
import { authorize, checkReferences } from "./authorize.js";
import { hubNow } from "../shared/time.js";
import type { StoredChange, StoredEvent, Store } from "./store.js";

export type Schedule = ReturnType<typeof createSchedule>;

/** A short unique id for changes, announcements and ad-hoc sessions. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString("base64url")}`;
}

/** Fills in what the hub assigns: keys of ad-hoc sessions and ids of new announcements. */
function withAssignedIds(input: ChangeInput): ChangeInput {
  if (input.kind === "add" && !input.session.key) return { ...input, session: { ...input.session, key: newId("added") } };
  if (input.kind === "announce" && !input.announcementId) return { ...input, announcementId: newId("ann") };
  return input;
}

/** Equal as data: the same fields with the same values, arrays element by element (a session's shape). */
function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (va === vb) continue;
    if (!Array.isArray(va) || !Array.isArray(vb) || va.length !== vb.length || va.some((x, i) => x !== vb[i])) return false;
  }
  return true;
}

/**
 * `next` with every session equal to one of `previous` replaced by that very object. A change
 * touches a few sessions; the rest keep their identity from fold to fold, so everything cached
 * per session object (its JSON, its screen copy) is reused and deltas compare them by reference.
 */
export function carryOverSessions(previous: EffectiveSchedule | null, next: EffectiveSchedule): EffectiveSchedule {
  if (!previous) return next;
  const before = new Map<string, EffectiveSession[]>();
  for (const s of previous.sessions) {
    const same = before.get(s.key);
    if (same) same.push(s);
    else before.set(s.key, [s]);
  }
  let carried = 0;
  const sessions = next.sessions.map((s) => {
    const match = before.get(s.key)?.find((old) => sameFields(old, s));
    if (!match) return s;
    carried++;
    return match;
  });
  return carried === 0 ? next : { ...next, sessions };
}

export function createSchedule(store: Store, realNow: () => number) {
  const initial = store.getEvent();
  if (!initial) throw new Error("the data directory holds no schedule; import one or start with a demo");
  let stored: StoredEvent = initial;
  let changes: StoredChange[] = store.listChanges();
  let effective: EffectiveSchedule = fold(stored.event, changes.map((c) => c.change));
  let version = store.version();

  const refold = () => {
    effective = carryOverSessions(effective, fold(stored.event, changes.map((c) => c.change)));
  };

  /** Validates, authorizes and stamps a raw change; the stamped input or the refusal. */
  function prepare(raw: unknown, role: Role): { ok: true; input: ChangeInput } | Extract<Result, { ok: false }> {
    const parsed = ChangeInputSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: "invalid-payload", message: "the change does not match its schema", issues: toIssues(parsed.error) };
    }
    const ctx = { effective, changes };
    const refusal = authorize(role, parsed.data, ctx) ?? checkReferences(parsed.data, ctx);
    if (refusal) return refusal;
    return { ok: true, input: withAssignedIds(parsed.data) };
  }

  return {
    get version() {
      return version;
    },
    get effective() {
      return effective;
    },
    get stored() {
      return stored;
    },
    get changes(): readonly StoredChange[] {
      return changes;
    },
    /** Hub time (rehearsal clock when set), UTC ms. */
    now(): number {
      return hubNow(effective.clock, realNow());
    },

    prepare,

    /** Validate → authorize → stamp → commit. Resolves only after the change is on disk. */
    apply(raw: unknown, role: Role): Result<{ version: number; changeId: string }> {
      const prepared = prepare(raw, role);
      if (!prepared.ok) return prepared;
      const realAt = realNow();
      const stamp = {
        id: newId("c"),
        at: hubNow(effective.clock, realAt),
        realAt,
        author: role.name,
        authorLink: role.kind === "volunteer" ? role.linkId : null,
      };
      const committed = store.appendChange(prepared.input, stamp);
      changes = [...changes, { change: committed.change, authorLink: stamp.authorLink }];
      version = committed.version;
      refold();
      return { ok: true, version, changeId: committed.change.id };
    },

    /** A new version with no change: content built for a conference day is rebuilt for the next. */
    turnDay(): number {
      version = store.newVersion();
      return version;
    },

    /** What the effective schedule would be with one more (already prepared) change. */
    foldWith(input: ChangeInput): EffectiveSchedule {
      const realAt = realNow();
      const candidate = { ...input, id: "preview", seq: changes.length + 1, at: hubNow(effective.clock, realAt), realAt, author: "preview" };
      return fold(stored.event, [...changes.map((c) => c.change), candidate]);
    },

    /** Replaces the imported event (one transaction) and refolds; returns the new version. */
    replaceEvent(event: Event, source: string, report: ImportReport, options: { clearChanges?: boolean } = {}): number {
      version = store.replaceEvent(event, source, report, { ...options, now: realNow() });
      reload();
      return version;
    },

    reload,
  };

  /** Re-reads everything from the store (after an import committed elsewhere). */
  function reload(): void {
    const next = store.getEvent();
    if (!next) return;
    stored = next;
    changes = store.listChanges();
    version = store.version();
    refold();
  }
}
