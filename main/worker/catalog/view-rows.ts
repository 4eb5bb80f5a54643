/**
 * The rows of a view, by position: what the grid's infinite row model asks for, a block
 * [start, end) at a time, over up to a million items.
 *
 * Near the top of a big view a block is one query that walks the sort field's index and
 * checks the filters row by row (LIMIT/OFFSET). Deeper down that walk gets long, so the
 * view's whole order is read once and kept: every later block, anywhere in the view, is a
 * slice of it. The order is read from the sort index and the filters' indexes alone
 * (covering), or, for a view that keeps few of its type's rows, from its own rows sorted. The
 * count and the order are kept until the type's rows change (see versions.ts); an edit
 * that changes no field the view sorts or filters by keeps them (`keepAfterWrite`).
 */
import type { ViewSpec } from '../../../preload/contract';
import { prepared, type SqliteDatabase } from '../store/open';
import type { FieldIndexes } from './view-indexes';
import { reindexStale } from './search-index';
import { quickQuery, viewSql, type KindOf, type SqlPart, type ViewSql } from './view-sql';
import { typeVersion, type TypeVersion } from './versions';

/** Where one plan gives way to another (tests lower them to see every plan on a small catalog). */
export interface ViewPlanLimits {
  /** Rows a block query may walk before reading the whole order is the better deal. */
  directWalk: number;
  /** Views this small are always read from their own rows and sorted. */
  smallView: number;
}

/** A walk of 10,000 rows reading documents takes about 20 ms at 1M items. */
const LIMITS: ViewPlanLimits = { directWalk: 10_000, smallView: 5_000 };
/**
 * Reading a view's order from the sort index costs about a twelfth of sorting the same
 * number of rows by their documents (measured at 1M items: 0.24 vs 3 microseconds a row),
 * so views holding less than that share of their type are sorted from their own rows.
 */
const SORT_OWN_ROWS_SHARE = 1 / 12;
/** Views whose order and count are kept, per account. */
const CACHED_VIEWS = 8;

interface CachedView {
  engine: string;
  type: string;
  docs: number;
  states: number;
  total: number;
  order: Float64Array | null;
  sql: ViewSql;
  pendingOnly: boolean;
  quick: boolean;
}

export interface ViewBlock {
  rowids: number[];
  total: number;
}

export interface OwnWrite {
  engine: string;
  type: string;
  before: TypeVersion;
  after: TypeVersion;
  /** Fields whose values changed. */
  fields: ReadonlySet<string>;
  /** Rows were added or removed. */
  membership: boolean;
}

const keyOf = (view: ViewSpec) =>
  JSON.stringify([view.engine, view.type, view.sort, view.filters, view.quick.trim(), view.pendingOnly ?? false]);

export class ViewRows {
  private readonly cache = new Map<string, CachedView>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly indexes: FieldIndexes,
    private readonly kindsOf: (engine: string, type: string) => KindOf,
    private readonly limits: ViewPlanLimits = LIMITS,
  ) {}

  block(view: ViewSpec, start: number, end: number): ViewBlock {
    const entry = this.entry(view);
    const last = Math.min(end, entry.total);
    if (start >= last) return { rowids: [], total: entry.total };
    if (!entry.order && this.walkFor(entry, last) <= this.limits.directWalk) {
      return { rowids: this.walk(entry.sql, start, last), total: entry.total };
    }
    const order = this.order(entry);
    return { rowids: Array.from(order.subarray(start, last)), total: entry.total };
  }

  /** The view's total without reading rows. */
  total(view: ViewSpec): number {
    return this.entry(view).total;
  }

  /** The rowids of every row in the view (that also passes `extra`, if given), in no particular order. */
  members(view: ViewSpec, extra: SqlPart | null = null): number[] {
    const sql = this.sqlFor(view);
    const within = sql.match ? ` AND rowid IN (${sql.match.sql})` : '';
    return prepared(
      this.db,
      `SELECT rowid FROM items WHERE engine = ? AND type = ?${within}${extra ? ` AND ${extra.sql}` : ''}`,
    )
      .pluck()
      .all(view.engine, view.type, ...(sql.match?.params ?? []), ...(extra?.params ?? [])) as number[];
  }

  /** After a write of our own: keeps what it cannot have changed, drops the rest. */
  keepAfterWrite(write: OwnWrite): void {
    for (const [key, entry] of this.cache) {
      if (entry.engine !== write.engine || entry.type !== write.type) continue;
      const wasCurrent =
        entry.docs === write.before.docs && (!entry.pendingOnly || entry.states === write.before.states);
      const touched = [...entry.sql.fields].some((field) => write.fields.has(field));
      const statusMatters = entry.pendingOnly && write.after.states !== write.before.states;
      if (!wasCurrent || write.membership || entry.quick || touched || statusMatters) {
        this.cache.delete(key);
        continue;
      }
      entry.docs = write.after.docs;
      entry.states = write.after.states;
    }
  }

  forget(): void {
    this.cache.clear();
  }

  private sqlFor(view: ViewSpec): ViewSql {
    // A search must see every edit: rows waiting to be re-indexed are done first.
    if (quickQuery(view.quick)) reindexStale(this.db);
    const sql = viewSql(view, this.kindsOf(view.engine, view.type));
    this.indexes.ensure(sql.indexFields);
    return sql;
  }

  private entry(view: ViewSpec): CachedView {
    const key = keyOf(view);
    const version = typeVersion(this.db, view.engine, view.type);
    const cached = this.cache.get(key);
    if (cached && cached.docs === version.docs && (!cached.pendingOnly || cached.states === version.states)) {
      // Most recently used last: the first entry is the one to evict.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const sql = this.sqlFor(view);
    const entry: CachedView = {
      engine: view.engine,
      type: view.type,
      docs: version.docs,
      states: version.states,
      total: this.count(sql, version),
      order: null,
      sql,
      pendingOnly: view.pendingOnly ?? false,
      quick: sql.match !== null && view.quick.trim() !== '',
    };
    this.cache.delete(key);
    this.cache.set(key, entry);
    while (this.cache.size > CACHED_VIEWS) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return entry;
  }

  private count(sql: ViewSql, version: TypeVersion): number {
    if (!sql.match) return version.items;
    return prepared(this.db, `SELECT count(*) FROM (${sql.match.sql})`)
      .pluck()
      .get(...sql.match.params) as number;
  }

  /**
   * Rows a block query would walk in sort order to reach `end`, checking each against the
   * filters: the view holds `total` of its type's rows, spread along the sort order. Small
   * views, and searches, are cheaper to read whole.
   */
  private walkFor(entry: CachedView, end: number): number {
    if (!entry.sql.narrowed) return end;
    // A search's rowids come from the FTS table whole on every query: read them once, with the order.
    if (entry.quick || entry.total <= this.limits.smallView) return Number.POSITIVE_INFINITY;
    const items = typeVersion(this.db, entry.engine, entry.type).items;
    return (end * items) / entry.total;
  }

  private sortsOwnRows(entry: CachedView, items: number): boolean {
    return entry.total <= this.limits.smallView || entry.total <= items * SORT_OWN_ROWS_SHARE;
  }

  private walk(sql: ViewSql, start: number, end: number): number[] {
    return prepared(
      this.db,
      `SELECT rowid FROM items WHERE engine = ? AND type = ?${sql.inline.sql} ORDER BY ${sql.order} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(sql.engine, sql.type, ...sql.inline.params, end - start, start) as number[];
  }

  private order(entry: CachedView): Float64Array {
    if (entry.order) return entry.order;
    const { sql } = entry;
    const items = typeVersion(this.db, entry.engine, entry.type).items;
    let rowids: number[];
    if (sql.match && this.sortsOwnRows(entry, items)) {
      rowids = prepared(
        this.db,
        `SELECT rowid FROM items WHERE rowid IN (${sql.match.sql}) ORDER BY ${sql.orderBySorting}`,
      )
        .pluck()
        .all(...sql.match.params) as number[];
    } else {
      const within = sql.match ? ` AND rowid IN (${sql.match.sql})` : '';
      rowids = prepared(this.db, `SELECT rowid FROM items WHERE engine = ? AND type = ?${within} ORDER BY ${sql.order}`)
        .pluck()
        .all(sql.engine, sql.type, ...(sql.match?.params ?? [])) as number[];
    }
    entry.order = Float64Array.from(rowids);
    entry.total = rowids.length;
    return entry.order;
  }
}
