/**
 * The fields of a type, with their kinds and how many items have them (`catalog:fields`).
 * Read from a sample (a million documents are too many to read on every change): rows
 * spread over the type in id order, every row with local changes (a new column lives
 * there first), and the columns added here. Counts are exact when the sample is the whole
 * type and scaled from it otherwise. Kept until the type's documents change; kinds, which
 * edits need on every keystroke, are kept across changes and only refreshed with the list.
 */
import type { FieldInfo, FieldKind } from '../../../preload/contract';
import { prepared, type SqliteDatabase } from '../store/open';
import type { Doc } from '../sync/merge';
import { detectKind } from './field-kinds';
import { ID_FIELD } from './field-sql';
import { typeVersion } from './versions';

/** Documents read per sample chunk, and chunks spread over the type. */
const CHUNK = 1_000;
const CHUNKS = 4;
/** Values per field looked at to tell its kind. */
const VALUES_FOR_KIND = 500;

interface CachedFields {
  docs: number;
  fields: FieldInfo[];
}

export class TypeFields {
  private readonly cache = new Map<string, CachedFields>();

  constructor(private readonly db: SqliteDatabase) {}

  list(engine: string, type: string): FieldInfo[] {
    const key = `${engine}\t${type}`;
    const version = typeVersion(this.db, engine, type);
    const cached = this.cache.get(key);
    if (cached && cached.docs === version.docs) return cached.fields;
    const fields = this.read(engine, type, version.items);
    this.cache.set(key, { docs: version.docs, fields });
    return fields;
  }

  /** A field's kind; fields no item has yet (a new column) are text. */
  kindOf(engine: string, type: string): (field: string) => FieldKind | undefined {
    const cached = this.cache.get(`${engine}\t${type}`)?.fields ?? this.list(engine, type);
    const kinds = new Map(cached.map((field) => [field.name, field.kind]));
    return (field) => (field === ID_FIELD ? 'id' : kinds.get(field));
  }

  /** A column added here: kept in the list even when few items have it. */
  addField(engine: string, type: string, name: string): void {
    prepared(this.db, 'INSERT OR IGNORE INTO added_fields (engine, type, name, added_at) VALUES (?, ?, ?, ?)').run(
      engine,
      type,
      name,
      new Date().toISOString(),
    );
    const cached = this.cache.get(`${engine}\t${type}`);
    if (cached && !cached.fields.some((field) => field.name === name))
      cached.fields = [...cached.fields, { name, kind: 'text', count: 0 }];
  }

  forget(): void {
    this.cache.clear();
  }

  private sample(engine: string, type: string, items: number): { docs: Doc[]; whole: boolean } {
    const chunk = prepared(
      this.db,
      'SELECT doc FROM items WHERE rowid IN (SELECT rowid FROM items WHERE engine = ? AND type = ? ORDER BY id LIMIT ? OFFSET ?)',
    );
    const whole = items <= CHUNK * CHUNKS;
    const offsets = whole ? [0] : Array.from({ length: CHUNKS }, (_, index) => Math.floor((index * items) / CHUNKS));
    const texts = offsets.flatMap(
      (offset) => chunk.pluck().all(engine, type, whole ? CHUNK * CHUNKS : CHUNK, offset) as string[],
    );
    return { docs: texts.map((text) => JSON.parse(text) as Doc), whole };
  }

  private read(engine: string, type: string, items: number): FieldInfo[] {
    const { docs, whole } = this.sample(engine, type, items);
    const pending = (
      prepared(
        this.db,
        "SELECT doc FROM items INDEXED BY items_pending WHERE engine = ? AND type = ? AND status != 'clean' LIMIT ?",
      )
        .pluck()
        .all(engine, type, CHUNK * CHUNKS) as string[]
    ).map((text) => JSON.parse(text) as Doc);
    const added = prepared(this.db, 'SELECT name FROM added_fields WHERE engine = ? AND type = ? ORDER BY added_at')
      .pluck()
      .all(engine, type) as string[];

    const counts = new Map<string, number>();
    const pendingCounts = new Map<string, number>();
    const values = new Map<string, unknown[]>();
    const see = (doc: Doc, tally: Map<string, number>) => {
      for (const [name, value] of Object.entries(doc)) {
        if (value === null || value === undefined) continue;
        tally.set(name, (tally.get(name) ?? 0) + 1);
        const seen = values.get(name) ?? [];
        if (seen.length < VALUES_FOR_KIND) seen.push(value);
        values.set(name, seen);
      }
    };
    for (const doc of docs) see(doc, counts);
    for (const doc of pending) see(doc, pendingCounts);

    const scale = whole || docs.length === 0 ? 1 : items / docs.length;
    // A field the sample missed is counted in the changed rows it came from (a new column).
    const countOf = (name: string) =>
      counts.has(name) ? Math.round((counts.get(name) ?? 0) * scale) : (pendingCounts.get(name) ?? 0);
    const names = [...new Set([ID_FIELD, ...counts.keys(), ...pendingCounts.keys(), ...added])];
    return names.map((name) => ({
      name,
      kind: detectKind(name, values.get(name) ?? []),
      count: name === ID_FIELD ? items : countOf(name),
    }));
  }
}
