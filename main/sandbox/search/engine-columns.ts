/**
 * An engine's items as search sees them, in memory: per item slot its rowid, type, id and
 * df_manual_boost, plus dictionary-encoded columns of the fields searches filter, facet
 * and sort on (built from the stored documents the first time a search names the field).
 * Item writes reach it through the ItemIndex calls ItemStore makes inside each write, so it
 * never needs a scan of the documents per query. Text matches and search results cached
 * here are dropped on each write; the vocabulary learns the written item's words.
 */
import type { SandboxDb } from '../store/database';
import { md5 } from '../store/items';
import type { ItemDoc } from '../store/records';
import { FieldColumn } from './field-column';
import { documentText } from './fts-index';
import { LruCache } from './lru-cache';
import { RowidSlots } from './rowid-slots';
import type { QueryName } from './text-match';
import type { Vocabulary } from './vocabulary';
import { wordsOf } from './words';

/** typeCodes value of a slot whose item was deleted. */
export const DEAD = -1;

/** Items a text expression matched: slots with their score (bm25 × df_manual_boost). */
export interface TextMatch {
  slots: Int32Array;
  scores: Float64Array;
}

/**
 * What a search found before ordering and paging: the same search for another page or
 * order (or simply again, as layers and benchmarks do) skips matching, filtering and facets.
 */
export interface FoundItems {
  slots: Int32Array;
  scores: Float64Array;
  maxScore: number;
  facets: Record<string, unknown>;
  queryName: QueryName;
}

/** A repeated query reuses its bm25 scores: FTS5 spends ~1 µs per matching row on them. */
const TEXT_CACHE_ENTRIES = 128;
const SEARCH_CACHE_ENTRIES = 128;
/** Items held by each cache at most (12 bytes each). */
const CACHE_RESULTS = 2_000_000;

function boostOf(value: unknown): number {
  const boost = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(boost) ? boost : 1;
}

/** A JSON path naming one top-level field; null for names SQLite's path syntax cannot quote. */
function jsonPath(field: string): string | null {
  return /["\\]/.test(field) ? null : `$."${field}"`;
}

export class EngineColumns {
  readonly rowids: number[] = [];
  /** Per slot: the code of the item's type (see typeNames), or DEAD. */
  readonly typeCodes: number[] = [];
  readonly ids: string[] = [];
  readonly boosts: number[] = [];
  readonly typeNames: string[] = [];
  readonly textMatches = new LruCache<TextMatch>(TEXT_CACHE_ENTRIES, CACHE_RESULTS);
  readonly searches = new LruCache<FoundItems>(SEARCH_CACHE_ENTRIES, CACHE_RESULTS);
  vocabulary: Vocabulary | null = null;
  dead = 0;
  private readonly typeCodeOf = new Map<string, number>();
  private readonly slotByRowid = new RowidSlots();
  private readonly fields = new Map<string, FieldColumn>();
  private dfids: Map<string, number> | null = null;

  constructor(
    private readonly db: SandboxDb,
    readonly engineId: number,
  ) {
    const rows = db
      .prepare(`SELECT rowid, type, id, doc ->> '$.df_manual_boost' FROM items WHERE engine_id = ? ORDER BY rowid`)
      .raw()
      .all(engineId) as Array<[number, string, string, unknown]>;
    for (const [rowid, type, id, boost] of rows) this.place(rowid, type, id, boostOf(boost));
  }

  get size(): number {
    return this.rowids.length;
  }

  slotOfRowid(rowid: number): number | undefined {
    return this.slotByRowid.get(rowid);
  }

  typeCode(type: string): number | undefined {
    return this.typeCodeOf.get(type);
  }

  put(rowid: number, type: string, doc: ItemDoc): void {
    const slot = this.place(rowid, type, doc.id, boostOf(doc.df_manual_boost));
    for (const [field, column] of this.fields) column.set(slot, doc[field]);
    if (this.vocabulary) {
      const { title, body } = documentText(doc);
      this.vocabulary.learn(wordsOf(`${title} ${body}`));
    }
    this.forgetResults();
  }

  remove(rowid: number): void {
    const slot = this.slotByRowid.get(rowid);
    if (slot === undefined) return;
    this.dfids?.delete(this.dfidKey(slot));
    this.slotByRowid.delete(rowid);
    this.typeCodes[slot] = DEAD;
    this.dead += 1;
    for (const column of this.fields.values()) column.clear(slot);
    this.forgetResults();
  }

  /**
   * The columns of these fields, building the missing ones in one pass over the documents.
   * A field no item has ever held (the engine's mappings do not know it) gets an empty
   * column that is not kept: clients name any field they like, and each kept column costs
   * memory per item.
   */
  columns(fields: Iterable<string>): Map<string, FieldColumn> {
    const wanted = [...new Set(fields)];
    const missing = wanted.filter((field) => !this.fields.has(field));
    if (missing.length > 0) this.build(missing.filter((field) => this.isMapped(field)));
    return new Map(wanted.map((field) => [field, this.fields.get(field) ?? new FieldColumn()]));
  }

  /** The slot of the item a dfid names (`{type}` and `md5(id)` parts), if it exists. */
  slotOfDfid(type: string, hash: string): number | undefined {
    if (!this.dfids) {
      this.dfids = new Map();
      for (let slot = 0; slot < this.size; slot += 1) {
        if (this.typeCodes[slot] !== DEAD) this.dfids.set(this.dfidKey(slot), slot);
      }
    }
    return this.dfids.get(`${type}@${hash.toLowerCase()}`);
  }

  private isMapped(field: string): boolean {
    // ItemStore maps every field but the id, which every item has.
    return (
      field === 'id' ||
      this.db.prepare('SELECT 1 FROM mappings WHERE engine_id = ? AND field = ? LIMIT 1').get(this.engineId, field) !==
        undefined
    );
  }

  private build(fields: string[]): void {
    if (fields.length === 0) return;
    const paths = fields.map(jsonPath);
    const columns = fields.map(() => new FieldColumn());
    const readable = paths.flatMap((path, index) => (path ? [{ path, column: columns[index] as FieldColumn }] : []));
    if (readable.length > 0) {
      const select = readable.map(() => 'doc -> ?').join(', ');
      const rows = this.db
        .prepare(`SELECT rowid, ${select} FROM items WHERE engine_id = ?`)
        .raw()
        .iterate(...readable.map((entry) => entry.path), this.engineId) as IterableIterator<Array<number | string>>;
      for (const row of rows) {
        const slot = this.slotByRowid.get(row[0] as number);
        if (slot === undefined) continue;
        readable.forEach((entry, index) => {
          const json = row[index + 1];
          if (typeof json === 'string') entry.column.set(slot, JSON.parse(json));
        });
      }
    }
    fields.forEach((field, index) => {
      const column = columns[index] as FieldColumn;
      column.fill(this.size);
      this.fields.set(field, column);
    });
  }

  private place(rowid: number, type: string, id: string, boost: number): number {
    let slot = this.slotByRowid.get(rowid);
    if (slot === undefined) {
      slot = this.rowids.length;
      this.slotByRowid.set(rowid, slot);
      this.rowids.push(rowid);
      this.typeCodes.push(DEAD);
      this.ids.push(id);
      this.boosts.push(boost);
      for (const column of this.fields.values()) column.fill(this.size);
    } else {
      this.dfids?.delete(this.dfidKey(slot));
    }
    let typeCode = this.typeCodeOf.get(type);
    if (typeCode === undefined) {
      typeCode = this.typeNames.length;
      this.typeNames.push(type);
      this.typeCodeOf.set(type, typeCode);
    }
    this.typeCodes[slot] = typeCode;
    this.ids[slot] = id;
    this.boosts[slot] = boost;
    this.dfids?.set(this.dfidKey(slot), slot);
    return slot;
  }

  private forgetResults(): void {
    this.textMatches.clear();
    this.searches.clear();
  }

  private dfidKey(slot: number): string {
    return `${this.typeNames[this.typeCodes[slot] ?? DEAD] ?? ''}@${md5(this.ids[slot] ?? '')}`;
  }
}
