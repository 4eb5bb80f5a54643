/**
 * Opens the sandbox's SQLite file (or an in-memory database for tests) and runs migrations.
 * WAL but synchronous=NORMAL: this is a test double, speed matters more than surviving a
 * power cut.
 */
import Database from 'better-sqlite3';
import { migrations } from './schema';

export type SandboxDb = Database.Database;

/** `nativeBinding`: better-sqlite3 built for Electron's ABI, when the sandbox runs inside the app. */
export function openSandboxDb(file = ':memory:', nativeBinding: string | null = null): SandboxDb {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

function migrate(db: SandboxDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** Empties every table (the control API's reset) without reopening the file. */
export function wipe(db: SandboxDb): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  // Search index tables are made per engine (see search/); they go with their engines.
  const virtual = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const table of virtual) db.exec(`DROP TABLE IF EXISTS "${table}"`);
      const remaining = new Set(
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
      );
      for (const table of tables) if (remaining.has(table)) db.exec(`DELETE FROM "${table}"`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
