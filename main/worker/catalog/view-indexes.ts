/**
 * Expression indexes for the fields the grid sorts and filters by (DESIGN.md section 4),
 * made the first time a view needs one. Each is one index over every type,
 * (engine, type, field COLLATE NOCASE), so it also serves counts and rowid sets without
 * reading documents. Their use is tracked so the ones nobody sorts or filters by any more
 * are dropped: each costs space and time on every write.
 */
import { createHash } from 'node:crypto';
import { prepared, type SqliteDatabase } from '../store/open';
import { fieldKeySql } from './field-sql';

/** Indexes kept at most; the least recently used go first. */
export const MAX_FIELD_INDEXES = 10;
/** An index not used for this long is dropped. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;
/** Use is written down at most this often per index (every write is a disk sync). */
const USE_NOTE_MS = 3600 * 1000;

export function fieldIndexName(field: string): string {
  return `items_field_${createHash('sha1').update(field).digest('hex').slice(0, 16)}`;
}

interface IndexRow {
  name: string;
  field: string;
  used_at: string;
}

export class FieldIndexes {
  /** When each index's use was last written down (this session). */
  private readonly noted = new Map<string, number>();

  constructor(private readonly db: SqliteDatabase) {}

  /** Makes the indexes these fields need; returns the fields whose index was made now. */
  ensure(fields: readonly string[], now = Date.now()): string[] {
    const made: string[] = [];
    for (const field of fields) {
      const known = prepared(this.db, 'SELECT used_at FROM view_indexes WHERE field = ?').pluck().get(field) as
        string | undefined;
      if (known !== undefined) {
        this.noteUse(field, now, Date.parse(known));
        continue;
      }
      this.create(field, now);
      made.push(field);
    }
    if (made.length > 0) this.dropUnused(fields, now);
    return made;
  }

  /** Fields that have an index now. */
  indexed(): string[] {
    return prepared(this.db, 'SELECT field FROM view_indexes ORDER BY field').pluck().all() as string[];
  }

  private create(field: string, now: number): void {
    const name = fieldIndexName(field);
    const at = new Date(now).toISOString();
    this.db.transaction(() => {
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON items(engine, type, ${fieldKeySql(field)})`);
      prepared(
        this.db,
        'INSERT OR REPLACE INTO view_indexes (name, field, created_at, used_at, uses) VALUES (?, ?, ?, ?, 1)',
      ).run(name, field, at, at);
    })();
    this.noted.set(field, now);
  }

  private noteUse(field: string, now: number, stored: number): void {
    // Written down less than an hour ago (maybe before a restart): no write, and no disk sync, before the answer.
    if (now - Math.max(this.noted.get(field) ?? 0, stored || 0) < USE_NOTE_MS) return;
    this.noted.set(field, now);
    prepared(this.db, 'UPDATE view_indexes SET used_at = ?, uses = uses + 1 WHERE field = ?').run(
      new Date(now).toISOString(),
      field,
    );
  }

  /** Drops indexes unused for a month, and the least recently used beyond the limit (never one in use now). */
  private dropUnused(inUse: readonly string[], now: number): void {
    const rows = prepared(
      this.db,
      'SELECT name, field, used_at FROM view_indexes ORDER BY used_at DESC',
    ).all() as IndexRow[];
    const keep = new Set(inUse);
    const doomed = rows.filter(
      (row, rank) => !keep.has(row.field) && (rank >= MAX_FIELD_INDEXES || now - Date.parse(row.used_at) > UNUSED_MS),
    );
    for (const row of doomed) {
      this.db.transaction(() => {
        this.db.exec(`DROP INDEX IF EXISTS ${row.name}`);
        prepared(this.db, 'DELETE FROM view_indexes WHERE name = ?').run(row.name);
      })();
      this.noted.delete(row.field);
    }
  }
}
