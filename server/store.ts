// The hub's SQLite file: the imported event, the append-only change log, screens, credentials,
// login sessions, volunteer links and settings. Every write that is acknowledged to a client is
// one committed transaction before the acknowledgement leaves.
import { randomInt } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Change, ChangeInput, Event } from "../shared/model.js";
import type { ImportReport } from "../shared/formats/types.js";
import { migrate } from "./migrations.js";

export const DATABASE_FILE = "roomcast.sqlite";

export interface StoredEvent {
  event: Event;
  /** "demo:<id>" for built-in demos, "file:<path>", "upload:<name>", "url:<address>" … */
  source: string;
  report: ImportReport;
  importedAt: number;
}

/** What the hub stamps on a client's change before it is stored. */
export interface ChangeStamp {
  id: string;
  at: number;
  realAt: number;
  author: string;
  /** The volunteer link that made it, so volunteers can undo their own changes only. */
  authorLink: string | null;
}

export interface StoredChange {
  change: Change;
  authorLink: string | null;
}

export interface ScreenRow {
  id: string;
  pairingCode: string;
  name: string | null;
  view: string | null;
  firstSeen: number;
  lastSeen: number;
  clockOffsetMs: number | null;
  appVersion: string | null;
  /** The view the screen showed when last connected (URL view or assignment). */
  shownView: string | null;
  /** The view the screen's URL named when it last said hello (null: /display). */
  urlView: string | null;
  /** The URL view `view` was assigned over (null: assigned to a screen without a URL view). */
  assignedOverUrl: string | null;
}

export interface VolunteerLinkRow {
  id: string;
  tokenHash: string;
  label: string;
  roomIds: string[];
  expiresAt: number | null;
  revoked: boolean;
  createdAt: number;
}

export interface LoginSessionRow {
  tokenHash: string;
  role: "organizer" | "volunteer";
  linkId: string | null;
  createdAt: number;
  expiresAt: number;
}

export type Store = ReturnType<typeof openStore>;

export function isDemoSource(source: string): boolean {
  return source.startsWith("demo:");
}

function toScreenRow(r: Record<string, unknown>): ScreenRow {
  return {
    id: String(r.id),
    pairingCode: String(r.pairing_code),
    name: (r.name as string | null) ?? null,
    view: (r.view as string | null) ?? null,
    firstSeen: Number(r.first_seen),
    lastSeen: Number(r.last_seen),
    clockOffsetMs: r.clock_offset_ms === null ? null : Number(r.clock_offset_ms),
    appVersion: (r.app_version as string | null) ?? null,
    shownView: (r.shown_view as string | null) ?? null,
    urlView: (r.url_view as string | null) ?? null,
    assignedOverUrl: (r.assigned_over_url as string | null) ?? null,
  };
}

/** Opens (creating when needed) the database in `dataDir` and runs the migrations. */
export function openStore(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a commit is in the WAL before the ack leaves, so a killed or crashed hub
  // loses no acknowledged change, and the file never corrupts. Only an OS crash or power cut in
  // the moment after a commit could roll it back; the hub closes that window right after each
  // broadcast with `syncToDisk`, so the fsync (7 ms on a slow disk) never delays a screen update.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const q = {
    event: db.prepare<[], { json: string; source: string; report: string; imported_at: number }>(
      "SELECT json, source, report, imported_at FROM event WHERE id = 1",
    ),
    putEvent: db.prepare(
      "INSERT INTO event (id, json, source, report, imported_at) VALUES (1, ?, ?, ?, ?) " +
        "ON CONFLICT (id) DO UPDATE SET json = excluded.json, source = excluded.source, report = excluded.report, imported_at = excluded.imported_at",
    ),
    changes: db.prepare<[], { seq: number; id: string; body: string; at: number; real_at: number; author: string; author_link: string | null }>(
      "SELECT seq, id, body, at, real_at, author, author_link FROM changes ORDER BY seq",
    ),
    maxSeq: db.prepare<[], { seq: number | null }>("SELECT MAX(seq) AS seq FROM changes"),
    insertChange: db.prepare(
      "INSERT INTO changes (seq, id, kind, body, at, real_at, author, author_link) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    clearChanges: db.prepare("DELETE FROM changes"),
    getSetting: db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?"),
    setSetting: db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    screens: db.prepare<[], Record<string, unknown>>("SELECT * FROM screens"),
    screen: db.prepare<[string], Record<string, unknown>>("SELECT * FROM screens WHERE id = ?"),
    recentScreens: db.prepare<[number], Record<string, unknown>>("SELECT * FROM screens WHERE last_seen >= (SELECT MAX(last_seen) FROM screens) - ?"),
    screenCount: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM screens"),
    pairingCodeTaken: db.prepare<[string], { one: number }>("SELECT 1 AS one FROM screens WHERE pairing_code = ?"),
    idleScreens: db.prepare<[], { id: string }>("SELECT id FROM screens WHERE view IS NULL AND name IS NULL ORDER BY last_seen, id"),
    upsertScreen: db.prepare(
      "INSERT INTO screens (id, pairing_code, name, view, first_seen, last_seen, clock_offset_ms, app_version, shown_view, url_view, assigned_over_url) " +
        "VALUES (@id, @pairingCode, @name, @view, @firstSeen, @lastSeen, @clockOffsetMs, @appVersion, @shownView, @urlView, @assignedOverUrl) " +
        "ON CONFLICT (id) DO UPDATE SET pairing_code = excluded.pairing_code, name = excluded.name, view = excluded.view, " +
        "last_seen = excluded.last_seen, clock_offset_ms = excluded.clock_offset_ms, app_version = excluded.app_version, shown_view = excluded.shown_view, " +
        "url_view = excluded.url_view, assigned_over_url = excluded.assigned_over_url",
    ),
    deleteScreen: db.prepare("DELETE FROM screens WHERE id = ?"),
    getCredential: db.prepare<[string], { hash: string }>("SELECT hash FROM credentials WHERE name = ?"),
    setCredential: db.prepare(
      "INSERT INTO credentials (name, hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at",
    ),
    insertSession: db.prepare("INSERT INTO login_sessions (token_hash, role, link_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
    getSession: db.prepare<[string], { token_hash: string; role: "organizer" | "volunteer"; link_id: string | null; created_at: number; expires_at: number }>(
      "SELECT * FROM login_sessions WHERE token_hash = ?",
    ),
    deleteSession: db.prepare("DELETE FROM login_sessions WHERE token_hash = ?"),
    deleteLinkSessions: db.prepare("DELETE FROM login_sessions WHERE link_id = ?"),
    deleteOrganizerSessions: db.prepare("DELETE FROM login_sessions WHERE role = 'organizer'"),
    deleteOrganizerSessionsExcept: db.prepare("DELETE FROM login_sessions WHERE role = 'organizer' AND token_hash <> ?"),
    purgeSessions: db.prepare("DELETE FROM login_sessions WHERE expires_at <= ?"),
    insertLink: db.prepare(
      "INSERT INTO volunteer_links (id, token_hash, label, room_ids, expires_at, revoked, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
    ),
    links: db.prepare<[], Record<string, unknown>>("SELECT * FROM volunteer_links ORDER BY created_at"),
    linkById: db.prepare<[string], Record<string, unknown>>("SELECT * FROM volunteer_links WHERE id = ?"),
    linkByToken: db.prepare<[string], Record<string, unknown>>("SELECT * FROM volunteer_links WHERE token_hash = ?"),
    revokeLink: db.prepare("UPDATE volunteer_links SET revoked = 1 WHERE id = ?"),
  };

  // A new database starts its version at a random base: a screen whose cache came from another
  // hub (or from this data directory before it was wiped) never matches a version by accident.
  if (q.getSetting.get("version") === undefined) {
    const base = String(randomInt(1_000, 1_000_000_000));
    db.transaction(() => {
      q.setSetting.run("version", base);
      q.setSetting.run("version_base", base);
    })();
  }
  const getVersion = (): number => Number(q.getSetting.get("version")?.value ?? 0);
  const bumpVersion = (): number => {
    const next = getVersion() + 1;
    q.setSetting.run("version", String(next));
    return next;
  };

  const toLink = (r: Record<string, unknown>): VolunteerLinkRow => ({
    id: String(r.id),
    tokenHash: String(r.token_hash),
    label: String(r.label),
    roomIds: JSON.parse(String(r.room_ids)) as string[],
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    revoked: r.revoked === 1,
    createdAt: Number(r.created_at),
  });

  return {
    /** Monotonic schedule version; bumps with every change and import, survives restarts. */
    version: getVersion,
    /** The version a new database started at (0 for databases older than this rule). */
    versionBase: (): number => Number(q.getSetting.get("version_base")?.value ?? 0),

    getEvent(): StoredEvent | null {
      const row = q.event.get();
      if (!row) return null;
      return {
        event: JSON.parse(row.json) as Event,
        source: row.source,
        report: JSON.parse(row.report) as ImportReport,
        importedAt: row.imported_at,
      };
    },

    /**
     * Replaces the imported event in one transaction and returns the new version. Changes are
     * kept (those that no longer apply are reported by the fold as orphaned) unless `clearChanges`
     * — used when disposable demo data is replaced.
     */
    replaceEvent(event: Event, source: string, report: ImportReport, options: { clearChanges?: boolean; now?: number } = {}): number {
      return db.transaction(() => {
        q.putEvent.run(JSON.stringify(event), source, JSON.stringify(report), options.now ?? Date.now());
        if (options.clearChanges) q.clearChanges.run();
        return bumpVersion();
      }).immediate();
    },

    listChanges(): StoredChange[] {
      return q.changes.all().map((r) => ({
        change: { ...(JSON.parse(r.body) as ChangeInput), id: r.id, seq: r.seq, at: r.at, realAt: r.real_at, author: r.author },
        authorLink: r.author_link,
      }));
    },

    /** A new version with nothing else changed (the conference day turned: what lobbies carry moves on). */
    newVersion(): number {
      return db.transaction(() => bumpVersion()).immediate();
    },

    /** Appends one change and bumps the version, in one committed transaction. */
    appendChange(input: ChangeInput, stamp: ChangeStamp): { change: Change; version: number } {
      return db.transaction(() => {
        const seq = (q.maxSeq.get()?.seq ?? 0) + 1;
        q.insertChange.run(seq, stamp.id, input.kind, JSON.stringify(input), stamp.at, stamp.realAt, stamp.author, stamp.authorLink);
        const version = bumpVersion();
        const change: Change = { ...input, id: stamp.id, seq, at: stamp.at, realAt: stamp.realAt, author: stamp.author };
        return { change, version };
      }).immediate();
    },

    getSetting: (key: string): string | null => q.getSetting.get(key)?.value ?? null,
    setSetting: (key: string, value: string): void => void q.setSetting.run(key, value),

    listScreens: (): ScreenRow[] => q.screens.all().map(toScreenRow),
    getScreen(id: string): ScreenRow | null {
      const row = q.screen.get(id);
      return row ? toScreenRow(row) : null;
    },
    /** Screens seen within `withinMs` of the last screen seen (those online when the hub stopped). */
    recentScreens: (withinMs: number): ScreenRow[] => q.recentScreens.all(withinMs).map(toScreenRow),
    countScreens: (): number => q.screenCount.get()?.n ?? 0,
    pairingCodeTaken: (code: string): boolean => q.pairingCodeTaken.get(code) !== undefined,
    /** Ids of screens nobody named or assigned, longest unseen first. */
    idleScreenIds: (): string[] => q.idleScreens.all().map((r) => r.id),
    /** Writes many screens in one transaction (the hub batches heartbeats). */
    saveScreens(rows: ScreenRow[]): void {
      if (rows.length === 0) return;
      db.transaction(() => rows.forEach((row) => q.upsertScreen.run(row)))();
    },
    deleteScreen: (id: string): void => void q.deleteScreen.run(id),
    deleteScreens(ids: string[]): void {
      db.transaction(() => ids.forEach((id) => q.deleteScreen.run(id)))();
    },

    getCredential: (name: string): string | null => q.getCredential.get(name)?.hash ?? null,
    setCredential: (name: string, hash: string, now: number): void => void q.setCredential.run(name, hash, now),

    insertSession(row: LoginSessionRow): void {
      q.insertSession.run(row.tokenHash, row.role, row.linkId, row.createdAt, row.expiresAt);
    },
    getSession(tokenHash: string): LoginSessionRow | null {
      const r = q.getSession.get(tokenHash);
      return r ? { tokenHash: r.token_hash, role: r.role, linkId: r.link_id, createdAt: r.created_at, expiresAt: r.expires_at } : null;
    },
    deleteSession: (tokenHash: string): void => void q.deleteSession.run(tokenHash),
    deleteOrganizerSessions: (): void => void q.deleteOrganizerSessions.run(),
    /** Signs out every organizer but the session `keep` (the one that changed the password). */
    deleteOrganizerSessionsExcept: (keep: string): void => void q.deleteOrganizerSessionsExcept.run(keep),
    purgeSessions: (now: number): void => void q.purgeSessions.run(now),

    insertLink(link: VolunteerLinkRow): void {
      q.insertLink.run(link.id, link.tokenHash, link.label, JSON.stringify(link.roomIds), link.expiresAt, link.createdAt);
    },
    listLinks: (): VolunteerLinkRow[] => q.links.all().map(toLink),
    getLink(id: string): VolunteerLinkRow | null {
      const r = q.linkById.get(id);
      return r ? toLink(r) : null;
    },
    findLinkByToken(tokenHash: string): VolunteerLinkRow | null {
      const r = q.linkByToken.get(tokenHash);
      return r ? toLink(r) : null;
    },
    /** Revokes a link and ends every session it opened, in one transaction. */
    revokeLink(id: string): void {
      db.transaction(() => {
        q.revokeLink.run(id);
        q.deleteLinkSessions.run(id);
      })();
    },

    /** Makes everything committed so far durable against power loss (syncs the WAL, checkpoints). */
    syncToDisk(): void {
      db.pragma("wal_checkpoint(PASSIVE)");
    },

    close(): void {
      db.close();
    },
  };
}
