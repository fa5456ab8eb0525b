// Numbered schema migrations, run in order at start inside one transaction each.
// Never edit a released migration: append a new one.
import type Database from "better-sqlite3";

export const MIGRATIONS: readonly string[] = [
  // 1: the imported event, the append-only change log, screens, credentials, sessions, links.
  `
  CREATE TABLE event (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL,
    source TEXT NOT NULL,
    report TEXT NOT NULL,
    imported_at INTEGER NOT NULL
  );
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    at INTEGER NOT NULL,
    real_at INTEGER NOT NULL,
    author TEXT NOT NULL,
    author_link TEXT
  );
  CREATE TABLE screens (
    id TEXT PRIMARY KEY,
    pairing_code TEXT NOT NULL UNIQUE,
    name TEXT,
    view TEXT,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    clock_offset_ms REAL,
    app_version TEXT
  );
  CREATE TABLE credentials (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE volunteer_links (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    room_ids TEXT NOT NULL,
    expires_at INTEGER,
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE login_sessions (
    token_hash TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('organizer', 'volunteer')),
    link_id TEXT REFERENCES volunteer_links(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: what each screen last showed (its URL view or assignment), so a screen coming back with a
  // cache of another view is never told its cache is current.
  `
  ALTER TABLE screens ADD COLUMN shown_view TEXT;
  `,
  // 3: the view a screen's URL names, and the URL view an organizer's assignment was made over,
  // so an assignment outlives the screen's reboots while that URL stays, and a URL typed in
  // later wins again.
  `
  ALTER TABLE screens ADD COLUMN url_view TEXT;
  ALTER TABLE screens ADD COLUMN assigned_over_url TEXT;
  `,
];

/** Brings the database to the latest schema; `user_version` holds the number of migrations applied. */
export function migrate(db: Database.Database): void {
  const applied = db.pragma("user_version", { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(`database schema ${applied} is newer than this Roomcast (${MIGRATIONS.length}); upgrade Roomcast`);
  }
  for (let i = applied; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i] ?? "");
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
