/**
 * Mappings saved by name per engine and type (`csv_presets`), found again when a file with
 * the same header comes (names compared with case and accents ignored), so a monthly
 * supplier file is mapped once.
 */
import { prepared, type SqliteDatabase } from '../../store/open';
import type { CsvMapping } from './mapping';
import { nameKey } from './names';

export interface MappingPreset {
  name: string;
  mapping: CsvMapping;
  savedAt: string;
}

export function headerKey(columns: readonly string[]): string {
  return columns.map(nameKey).join('\t');
}

interface PresetRow {
  name: string;
  mapping: string;
  saved_at: string;
}

const fromRow = (row: PresetRow): MappingPreset => ({
  name: row.name,
  mapping: JSON.parse(row.mapping) as CsvMapping,
  savedAt: row.saved_at,
});

export function savePreset(
  db: SqliteDatabase,
  engine: string,
  type: string,
  name: string,
  mapping: CsvMapping,
): MappingPreset {
  const savedAt = new Date().toISOString();
  const key = headerKey(mapping.columns.map((column) => column.column));
  prepared(
    db,
    `INSERT INTO csv_presets (engine, type, name, header_key, mapping, saved_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (engine, type, name) DO UPDATE SET header_key = excluded.header_key, mapping = excluded.mapping, saved_at = excluded.saved_at`,
  ).run(engine, type, name, key, JSON.stringify(mapping), savedAt);
  return { name, mapping, savedAt };
}

export function listPresets(db: SqliteDatabase, engine: string, type: string): MappingPreset[] {
  const rows = prepared(
    db,
    'SELECT name, mapping, saved_at FROM csv_presets WHERE engine = ? AND type = ? ORDER BY name',
  ).all(engine, type) as PresetRow[];
  return rows.map(fromRow);
}

export function deletePreset(db: SqliteDatabase, engine: string, type: string, name: string): boolean {
  return (
    prepared(db, 'DELETE FROM csv_presets WHERE engine = ? AND type = ? AND name = ?').run(engine, type, name).changes >
    0
  );
}

/** The newest preset made for this very header, if any. */
export function presetForHeader(
  db: SqliteDatabase,
  engine: string,
  type: string,
  columns: readonly string[],
): MappingPreset | null {
  const row = prepared(
    db,
    'SELECT name, mapping, saved_at FROM csv_presets WHERE engine = ? AND type = ? AND header_key = ? ORDER BY saved_at DESC LIMIT 1',
  ).get(engine, type, headerKey(columns)) as PresetRow | undefined;
  if (!row) return null;
  const preset = fromRow(row);
  return {
    ...preset,
    mapping: {
      ...preset.mapping,
      columns: preset.mapping.columns.map((column) => ({ ...column, matchedBy: 'preset' })),
    },
  };
}
