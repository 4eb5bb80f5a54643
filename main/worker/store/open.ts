/**
 * Opens a SQLite database with the settings user data needs: WAL so the UI can read while
 * a sync writes, synchronous=FULL so an acknowledged edit survives a power cut, foreign
 * keys on. Under Electron the Node build of better-sqlite3 does not load (a different
 * ABI), so `npm start` prepares an Electron build and passes its path as `nativeBinding`.
 */
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime's ABI (Electron); null under Node. */
  nativeBinding?: string | null;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): SqliteDatabase {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

const statementCache = new WeakMap<SqliteDatabase, Map<string, Database.Statement>>();

/**
 * A prepared statement, made once per database and SQL text. Preparing in a loop leaks: each
 * statement holds native memory that V8 does not see, so a million-item mirror that prepared
 * per page grew past a gigabyte before the collector ran.
 */
export function prepared(db: SqliteDatabase, sql: string): Database.Statement {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = new Map();
    statementCache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
