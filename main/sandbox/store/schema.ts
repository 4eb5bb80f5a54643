/**
 * The sandbox's own SQLite schema: Doofinder's state as a client can observe it.
 * Numbered migrations; `PRAGMA user_version` says which have run.
 */
export const migrations: readonly string[] = [
  /* 1 */ `
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    zone TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    monthly_quota INTEGER,
    quota_month TEXT,
    quota_used INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE engines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hashid TEXT NOT NULL UNIQUE,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    site_url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    currency TEXT NOT NULL DEFAULT 'EUR',
    -- Origins allowed to search from a browser (the site URL's origin is always allowed).
    allowed_origins TEXT NOT NULL DEFAULT '[]',
    -- What /5/options answers, and the search configuration: facets, sort options, geo fields.
    options TEXT NOT NULL DEFAULT '{}',
    -- Indexing answers 409 until this clock time (a type deletion or a feed run in progress).
    blocked_until INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE types (
    id INTEGER PRIMARY KEY,
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]',
    -- 'api' types can be changed through the API; 'crawling' and 'shopify' ones cannot.
    kind TEXT NOT NULL DEFAULT 'api',
    UNIQUE (engine_id, name)
  );

  CREATE TABLE items (
    rowid INTEGER PRIMARY KEY,
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE UNIQUE INDEX items_by_key ON items(engine_id, type, id);

  -- Like an Elasticsearch mapping: a field's kind is fixed by the first value indexed, and a
  -- later value that does not fit fails that item ("failed to parse [field]").
  CREATE TABLE mappings (
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (engine_id, type, field)
  ) WITHOUT ROWID;

  CREATE TABLE scrolls (
    scroll_id TEXT PRIMARY KEY,
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    rpp INTEGER NOT NULL,
    after_rowid INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );

  -- What stats are computed from: searches, clicks, API and parser requests, cart events.
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    term TEXT,
    total INTEGER,
    query_name TEXT,
    item_type TEXT,
    item_id TEXT,
    session_id TEXT,
    amount INTEGER NOT NULL DEFAULT 1,
    detail TEXT
  );
  CREATE INDEX events_by_day ON events(engine_id, kind, day);

  -- A top list asked for a period answers 202 until ready_at, then 200.
  CREATE TABLE stats_reports (
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    ready_at INTEGER NOT NULL,
    PRIMARY KEY (engine_id, kind, from_day, to_day)
  ) WITHOUT ROWID;

  CREATE TABLE carts (
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL,
    datatype TEXT NOT NULL,
    item_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (engine_id, session_id, datatype, item_id)
  ) WITHOUT ROWID;

  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    message TEXT NOT NULL,
    force INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    result TEXT
  );
  CREATE INDEX tasks_by_engine ON tasks(engine_id, created_at);

  CREATE TABLE logs (
    id INTEGER PRIMARY KEY,
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    task_id TEXT,
    date TEXT NOT NULL,
    level TEXT NOT NULL,
    msg TEXT NOT NULL,
    log_type TEXT NOT NULL DEFAULT 'log.parser'
  );
  CREATE INDEX logs_by_engine ON logs(engine_id, id);

  -- Fingerprint of each feed source at its last processing, for "No changes".
  CREATE TABLE feed_state (
    engine_id INTEGER NOT NULL REFERENCES engines(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (engine_id, type, source)
  ) WITHOUT ROWID;
  `,
  /* 2 */ `
  -- Scrolls walk a type in rowid order; without this, each page sorted the whole type.
  CREATE INDEX items_by_type ON items(engine_id, type);
  `,
  /* 3 */ `
  -- The search a click came from ("clickthrough" stats need it).
  ALTER TABLE events ADD COLUMN query TEXT;
  `,
];
