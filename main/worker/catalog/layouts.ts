/** The grid's column state (order, widths, visibility, sort) per engine and type, kept across restarts. */
import { prepared, type SqliteDatabase } from '../store/open';

export function readLayout(db: SqliteDatabase, engine: string, type: string): unknown {
  const text = prepared(db, 'SELECT layout FROM grid_layouts WHERE engine = ? AND type = ?')
    .pluck()
    .get(engine, type) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

export function saveLayout(db: SqliteDatabase, engine: string, type: string, layout: unknown): void {
  prepared(
    db,
    `INSERT INTO grid_layouts (engine, type, layout, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (engine, type) DO UPDATE SET layout = excluded.layout, saved_at = excluded.saved_at`,
  ).run(engine, type, JSON.stringify(layout ?? null), new Date().toISOString());
}
