/**
 * Numbered migrations for the app's two kinds of database: `app.db` (profiles, settings;
 * no secrets) and one `accounts/{profile}.db` per account (its mirror and local edits).
 * `PRAGMA user_version` records how many have run; each runs in its own transaction.
 */
import type { SqliteDatabase } from './open';

/**
 * The text the grid's quick search finds an item by (SQL over the row `ref`): its id, then
 * every text value of its document at any depth (so lists of categories too), leaving out
 * URLs and long texts other than the title and description. Part of migration 3 and of
 * the rows indexed since: never change it (a row leaves the index by the text it went in
 * with); a different text needs a new migration that rebuilds the index and its triggers.
 */
export const searchText = (ref: string) => `(${ref}.id || ' ' || coalesce((
      SELECT group_concat(value, ' ') FROM json_tree(${ref}.doc)
      WHERE type = 'text' AND value NOT LIKE 'http%' AND (length(value) <= 200 OR key IN ('title', 'description'))
    ), ''))`;

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
  /* 3 */ `
  -- The catalog grid (main/worker/catalog/). Each change of an item, by the user, an undo or
  -- the server, for the item's history: fields is JSON [[field, before, after], ...].
  CREATE TABLE item_history (
    id INTEGER PRIMARY KEY,
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    item TEXT NOT NULL,
    at TEXT NOT NULL,
    origin TEXT NOT NULL,
    action INTEGER,
    summary TEXT NOT NULL,
    fields TEXT NOT NULL
  );
  CREATE INDEX item_history_by_item ON item_history(engine, type, item, id);

  -- Column state (order, widths, visibility, sort) per engine and type.
  CREATE TABLE grid_layouts (
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    layout TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (engine, type)
  ) WITHOUT ROWID;

  -- Columns added here, so a field few items have stays in the grid once synced.
  CREATE TABLE added_fields (
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (engine, type, name)
  ) WITHOUT ROWID;

  -- Expression indexes made for the grid's sorts and filters, and their use, so unused ones go.
  CREATE TABLE view_indexes (
    name TEXT PRIMARY KEY,
    field TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    used_at TEXT NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0
  );

  -- Moves with every write to a type's items (kept by the triggers below, whoever writes:
  -- grid, mirror, push), so the grid's cached view orders and counts know when they are stale.
  -- docs: a document, an insert or a delete; states: a status; items: rows in the type.
  CREATE TABLE type_versions (
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    docs INTEGER NOT NULL DEFAULT 0,
    states INTEGER NOT NULL DEFAULT 0,
    items INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (engine, type)
  ) WITHOUT ROWID;
  INSERT INTO type_versions (engine, type, items) SELECT engine, type, count(*) FROM items GROUP BY engine, type;

  CREATE TRIGGER items_versions_insert AFTER INSERT ON items BEGIN
    INSERT INTO type_versions (engine, type, docs, items) VALUES (NEW.engine, NEW.type, 1, 1)
      ON CONFLICT (engine, type) DO UPDATE SET docs = docs + 1, items = items + 1;
  END;
  CREATE TRIGGER items_versions_delete AFTER DELETE ON items BEGIN
    UPDATE type_versions SET docs = docs + 1, items = items - 1 WHERE engine = OLD.engine AND type = OLD.type;
  END;
  CREATE TRIGGER items_versions_doc AFTER UPDATE OF doc ON items WHEN NEW.doc IS NOT OLD.doc BEGIN
    UPDATE type_versions SET docs = docs + 1 WHERE engine = NEW.engine AND type = NEW.type;
  END;
  CREATE TRIGGER items_versions_status AFTER UPDATE OF status ON items WHEN NEW.status IS NOT OLD.status BEGIN
    UPDATE type_versions SET states = states + 1 WHERE engine = NEW.engine AND type = NEW.type;
  END;

  -- The grid's quick search: the id and the text of every field (long texts only for title
  -- and description, no URLs). Contentless (the text lives in items): a row leaves the
  -- index by the 'delete' command with the very text it was indexed with. New rows are
  -- indexed at once. A changed text is not re-indexed in the writing transaction (that is
  -- most of what a 10,000-row paste would cost): the row goes to items_search_stale with the
  -- text the index holds for it, and the grid re-indexes stale rows in the background and
  -- before any search (catalog/search-index.ts).
  CREATE VIRTUAL TABLE items_search USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
  CREATE TABLE items_search_stale (
    rowid INTEGER PRIMARY KEY,
    -- The text the index holds for the row (to take it out again).
    indexed TEXT NOT NULL
  );
  CREATE TRIGGER items_search_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_search (rowid, text) VALUES (NEW.rowid, ${searchText('NEW')});
  END;
  CREATE TRIGGER items_search_update AFTER UPDATE OF doc ON items
    WHEN NEW.doc IS NOT OLD.doc AND ${searchText('NEW')} IS NOT ${searchText('OLD')} BEGIN
    INSERT OR IGNORE INTO items_search_stale (rowid, indexed) VALUES (OLD.rowid, ${searchText('OLD')});
  END;
  CREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_search (items_search, rowid, text)
      VALUES ('delete', OLD.rowid, coalesce((SELECT indexed FROM items_search_stale WHERE rowid = OLD.rowid), ${searchText('OLD')}));
    DELETE FROM items_search_stale WHERE rowid = OLD.rowid;
  END;
  INSERT INTO items_search (rowid, text) SELECT rowid, ${searchText('items')} FROM items;
  `,
  /* 4 */ `
  -- CSV import (main/worker/csv/). Column mappings saved by name per engine and type; the
  -- header they were made for (names as compared: case and accents ignored) finds them again.
  CREATE TABLE csv_presets (
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    header_key TEXT NOT NULL,
    mapping TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (engine, type, name)
  ) WITHOUT ROWID;
  CREATE INDEX csv_presets_by_header ON csv_presets(engine, type, header_key);

  -- One row per import: its file, choices, dry-run counts and what became of it. Its rows
  -- are staged in a table of their own, csv_stage_{id}, dropped once the import is done with.
  CREATE TABLE csv_imports (
    id INTEGER PRIMARY KEY,
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    file TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('merge', 'replace', 'add', 'update')),
    dialect TEXT NOT NULL,
    mapping TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('staging', 'staged', 'applied', 'discarded', 'failed')),
    counts TEXT,
    action INTEGER,
    created_at TEXT NOT NULL,
    applied_at TEXT
  );
  `,
  /* 5 */ `
  -- Each sync's outcome per item (issue 9: a result per item after a sync, kept across
  -- restarts). A run is one sync of the account (a paused run resumed is the same run);
  -- its results are written as the push settles each batch, in the same transaction. Only
  -- the newest few runs are kept (sync/run-results.ts), so the tables stay small.
  CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    -- JSON {engine?, type?}: what the sync was asked to push.
    scope TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'completed', 'cancelled', 'failed')),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    error TEXT
  );
  CREATE TABLE sync_results (
    seq INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    engine TEXT NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('patch', 'put', 'delete')),
    outcome TEXT NOT NULL CHECK (outcome IN ('synced', 'failed', 'conflict', 'not-sent')),
    message TEXT,
    UNIQUE (run, engine, type, id)
  );
  -- Pages of one outcome in the order the items were settled.
  CREATE INDEX sync_results_by_outcome ON sync_results (run, outcome, seq);
  `,
  /* 6 */ `
  -- Feed processing (issue 11, main/worker/feeds/). Every run of an engine's feed the app
  -- started or saw: origin 'app' (our POST), 'elsewhere' (seen active on tasks/process).
  -- state is Doofinder's task state; result is what history filters on. health is JSON
  -- (feeds/feed-health.ts): item counts per type and flags, set once the run has ended.
  CREATE TABLE feed_runs (
    id INTEGER PRIMARY KEY,
    engine TEXT NOT NULL,
    task_id TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('app', 'elsewhere')),
    force INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL CHECK (state IN ('PENDING', 'STARTED', 'SUCCESS', 'FAILURE', 'NOTFOUND', 'WAITING')),
    result TEXT NOT NULL CHECK (result IN ('running', 'success', 'failure', 'unknown')),
    message TEXT,
    -- The URL the run is followed on (tasks/{id}, or tasks/process for a WAITING run).
    link TEXT,
    -- Null for a run first seen already finished (its start is unknown).
    started_at TEXT,
    ended_at TEXT,
    next_poll_at TEXT,
    poll_note TEXT,
    health TEXT
  );
  CREATE INDEX feed_runs_by_engine ON feed_runs (engine, id);
  CREATE INDEX feed_runs_active ON feed_runs (result) WHERE result = 'running';

  -- The last answer of tasks/process per engine, so repeated checks add no duplicate runs.
  CREATE TABLE feed_observations (
    engine TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    message TEXT,
    -- Whether that answer showed a process going.
    seen_active INTEGER NOT NULL DEFAULT 0,
    observed_at TEXT NOT NULL
  ) WITHOUT ROWID;

  -- The engine's processing log as last fetched (/logs), shown offline; replaced per refresh.
  CREATE TABLE feed_logs (
    engine TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    level TEXT NOT NULL,
    message TEXT NOT NULL,
    line INTEGER,
    PRIMARY KEY (engine, seq)
  ) WITHOUT ROWID;
  CREATE TABLE feed_log_fetches (
    engine TEXT PRIMARY KEY,
    fetched_at TEXT,
    error TEXT
  ) WITHOUT ROWID;

  -- The app's activity list: what happened in the background (a feed run ended, ...).
  CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('info', 'success', 'warning', 'error')),
    engine TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    run_id INTEGER,
    notify INTEGER NOT NULL DEFAULT 0,
    offer_remirror INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX activity_unread ON activity (read) WHERE read = 0;
  `,
  /* 7 */ `
  -- Stats (issue 11, main/worker/stats/): the last answer per engine, date range and part
  -- (the aggregates or one top list), rows as JSON, so the page opens at once and offline.
  CREATE TABLE stats_cache (
    engine TEXT NOT NULL,
    -- YYYYMMDD, inclusive, as the API takes them.
    range_from TEXT NOT NULL,
    range_to TEXT NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('aggregates', 'searches', 'clicked', 'opportunities', 'noresults')),
    rows TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (engine, range_from, range_to, part)
  ) WITHOUT ROWID;
  CREATE INDEX stats_cache_by_age ON stats_cache (fetched_at);

  -- Requests this app sent for the account, per calendar month (worker's local date) and
  -- API, counted by the client and written in batches (stats/request-counter.ts).
  CREATE TABLE app_requests (
    month TEXT NOT NULL,
    api TEXT NOT NULL CHECK (api IN ('management', 'search', 'stats')),
    count INTEGER NOT NULL,
    PRIMARY KEY (month, api)
  ) WITHOUT ROWID;
  `,
  /* 8 */ `
  -- Relevance cases (issue 12, main/worker/relevance/): named sets of queries on one engine,
  -- with the user's grades (0-3) of results per query, and every run kept with its results
  -- and its metrics as they were when it ended, so history does not move when grades do.
  CREATE TABLE relevance_cases (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    engine TEXT NOT NULL,
    k INTEGER NOT NULL DEFAULT 10,
    threshold INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
  );
  CREATE TABLE relevance_queries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES relevance_cases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    -- SearchParamsView as JSON; its query is also in its own column (CSV import finds it).
    query TEXT NOT NULL,
    params TEXT NOT NULL
  );
  CREATE INDEX relevance_queries_by_case ON relevance_queries (case_id, position);
  CREATE TABLE relevance_judgments (
    query_id INTEGER NOT NULL REFERENCES relevance_queries (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 3),
    graded_at TEXT NOT NULL,
    PRIMARY KEY (query_id, item_id)
  ) WITHOUT ROWID;
  CREATE TABLE relevance_runs (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES relevance_cases (id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'cancelled', 'failed')),
    total INTEGER NOT NULL,
    -- Mean metrics over the queries that ran, with the grades at the run's end (JSON).
    metrics TEXT,
    -- What the app knew changed on the engine since the previous run started (JSON list).
    changes_since TEXT NOT NULL DEFAULT '[]',
    error TEXT
  );
  CREATE INDEX relevance_runs_by_case ON relevance_runs (case_id, id);
  -- One row per query a run ran: its metrics at the run's end, or why it failed.
  CREATE TABLE relevance_run_queries (
    run_id INTEGER NOT NULL REFERENCES relevance_runs (id) ON DELETE CASCADE,
    -- No foreign key: a query deleted later stays in the runs that ran it.
    query_id INTEGER NOT NULL,
    query TEXT NOT NULL,
    ran_at TEXT NOT NULL,
    metrics TEXT,
    error TEXT,
    PRIMARY KEY (run_id, query_id)
  ) WITHOUT ROWID;
  -- A query's latest run (the case view reads it for every query).
  CREATE INDEX relevance_run_queries_by_query ON relevance_run_queries (query_id, run_id);
  CREATE TABLE relevance_results (
    run_id INTEGER NOT NULL REFERENCES relevance_runs (id) ON DELETE CASCADE,
    query_id INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    -- The result as shown (SearchResultView without its fields), JSON.
    result TEXT NOT NULL,
    PRIMARY KEY (run_id, query_id, rank)
  ) WITHOUT ROWID;
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
