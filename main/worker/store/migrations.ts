/**
 * Numbered migrations for the app's two kinds of database: `app.db` (profiles, settings;
 * no secrets) and one `accounts/{profile}.db` per account (its mirror and local edits).
 * `PRAGMA user_version` records how many have run; each runs in its own transaction.
 */
import type { SqliteDatabase } from './open';

export const appMigrations: readonly string[] = [
  /* 1 */ `
  CREATE TABLE profiles (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('doofinder', 'sandbox')),
    zone TEXT NOT NULL,
    -- Host overrides (a proxy, or a sandbox), null for Doofinder's own hosts.
    management_url TEXT,
    search_url TEXT,
    -- 'ok', or why the account cannot work: 'needs_key' after a 401, 'quota' after a spent plan.
    state TEXT NOT NULL DEFAULT 'ok',
    created_at TEXT NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
];

export const accountMigrations: readonly string[] = [
  /* 1 */ `
  CREATE TABLE engines (
    hashid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    site_url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL DEFAULT '',
    refreshed_at TEXT NOT NULL
  );

  CREATE TABLE types (
    engine TEXT NOT NULL REFERENCES engines(hashid) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- Items the server reported at the last mirror (scroll "count").
    server_count INTEGER,
    last_mirror_at TEXT,
    PRIMARY KEY (engine, name)
  ) WITHOUT ROWID;

  -- Items keep their sync state on the row (DESIGN.md section 4): no separate queue to drift.
  CREATE TABLE items (
    rowid INTEGER PRIMARY KEY,
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    -- What the user sees: server state plus local edits.
    doc TEXT NOT NULL,
    -- The server state the local edits were made on; NULL when clean.
    base TEXT,
    -- For a conflict: the server's version that disagrees with a local edit.
    theirs TEXT,
    status TEXT NOT NULL DEFAULT 'clean'
      CHECK (status IN ('clean', 'dirty', 'new', 'deleted', 'pushing', 'failed', 'conflict')),
    error TEXT,
    rev INTEGER NOT NULL DEFAULT 0,
    -- The mirror pass that last saw this item on the server.
    seen INTEGER NOT NULL DEFAULT 0,
    batch TEXT
  );
  CREATE UNIQUE INDEX items_by_key ON items(engine, type, id);
  CREATE INDEX items_pending ON items(engine, type, status) WHERE status != 'clean';
  CREATE INDEX items_by_pass ON items(engine, type, seen);

  -- One row per mirror of an engine's type: progress, and what a resume needs.
  CREATE TABLE mirror_runs (
    id INTEGER PRIMARY KEY,
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    pass INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'completed', 'cancelled', 'failed')),
    scroll_id TEXT,
    -- Items received in this pass, and the server's count when the scroll started.
    fetched INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    error TEXT
  );
  CREATE INDEX mirror_runs_by_type ON mirror_runs(engine, type, id);

  -- Every user action, with its changes, for exact undo and redo (DESIGN.md section 4).
  CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    origin TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
  );
  `,
  /* 2 */ `
  -- What a row in 'pushing' was sent for ('patch', 'put', 'delete'): after a crash the row is
  -- sent again as the same operation, and a failed batch puts the row back as it was.
  ALTER TABLE items ADD COLUMN pending_op TEXT;
  `,
];

export function migrate(db: SqliteDatabase, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `This database was written by a newer Catalog Studio (schema ${current}, this version knows ${migrations.length}). Update the app to open it.`,
    );
  }
  for (let version = current; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
