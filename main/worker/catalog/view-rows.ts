/**
 * The rows of a view, by position: what the grid's infinite row model asks for, a block
 * [start, end) at a time, over up to a million items.
 *
 * Near the top of a big view a block is one query that walks the sort field's index and
 * checks the filters row by row (LIMIT/OFFSET). Deeper down that walk gets long, so the
 * view's whole order is read once and kept: every later block, anywhere in the view, is a
 * slice of it. The order is read from the sort index and the filters' indexes alone
 * (covering), or cut from the whole type's order in the same sort (kept too, so the next
 * filter or search is quick), or, for a view that keeps few of its type's rows, from its own
 * rows sorted. The count and the order are kept until the type's rows change (see
 * versions.ts); an edit that changes no field the view sorts or filters by keeps them, one
 * that moves a few rows patches them (`keepAfterWrite`).
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
 * A walk that reads the sort index alone (a view of the whole type sorted by at most one
 * field) costs about a tenth a row of one that reads documents: 0.2 against 2 microseconds.
 */
const INDEX_ONLY_STEP = 0.1;
/**
 * Reading a view's order from the sort index costs about a twelfth of sorting the same
 * number of rows by their documents (measured at 1M items: 0.24 vs 3 microseconds a row),
 * so views holding less than that share of their type are sorted from their own rows.
 */
const SORT_OWN_ROWS_SHARE = 1 / 12;
/**
 * A view sorted by one field (which its index serves) is cut from its whole type's order in
 * that sort, kept like any view: members marked, the type's order filtered (a few ms at 1M
 * items). Once that order is kept every view with the same sort uses it (another filter,
 * the next word typed in the search box); reading it first (0.2 s at 1M items) is only
 * worth it for views holding at least this share of their type, else they sort their rows.
 */
const TYPE_ORDER_SHARE = 1 / 50;
/** Views whose order and count are kept, per account. */
const CACHED_VIEWS = 8;
/**
 * Rows an own write may have changed for a view's kept order to be patched (each placed by
 * a binary search, about 20 two-row comparisons) rather than read again (0.2 s at 1M items).
 */
const PATCHED_ROWS = 100;

interface CachedView {
  spec: ViewSpec;
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
  /** The rows written (removed ones too). */
  rowids: ReadonlySet<number>;
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
    const also = extra ? ` AND ${extra.sql}` : '';
    // The view's rows looked up by rowid: with `engine = ?` beside them SQLite walks the whole type instead.
    if (sql.match)
      return prepared(this.db, `SELECT rowid FROM items WHERE rowid IN (${sql.match.sql})${also}`)
        .pluck()
        .all(...sql.match.params, ...(extra?.params ?? [])) as number[];
    return prepared(this.db, `SELECT rowid FROM items WHERE engine = ? AND type = ?${also}`)
      .pluck()
      .all(view.engine, view.type, ...(extra?.params ?? [])) as number[];
  }

  /**
   * After a write of our own: keeps what it cannot have changed, patches a kept order the
   * write moved a few rows in or out of, drops the rest. A search is always dropped: the
   * words an edit changed are only indexed before the next search (search-index.ts).
   */
  keepAfterWrite(write: OwnWrite): void {
    for (const [key, entry] of this.cache) {
      if (entry.engine !== write.engine || entry.type !== write.type) continue;
      const wasCurrent =
        entry.docs === write.before.docs && (!entry.pendingOnly || entry.states === write.before.states);
      const touched = [...entry.sql.fields].some((field) => write.fields.has(field));
      const statusMatters = entry.pendingOnly && write.after.states !== write.before.states;
      const moved = write.membership || touched || statusMatters;
      const patchable = entry.order !== null && write.rowids.size <= PATCHED_ROWS;
      if (!wasCurrent || entry.quick || (moved && !patchable)) {
        this.cache.delete(key);
        continue;
      }
      if (moved) this.patchOrder(entry, write.rowids);
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
    const quick = quickQuery(view.quick);
    const entry: CachedView = {
      spec: view,
      engine: view.engine,
      type: view.type,
      docs: version.docs,
      states: version.states,
      total: 0,
      order: null,
      sql,
      pendingOnly: view.pendingOnly ?? false,
      quick: quick !== null,
    };
    if (quick === null) entry.total = this.count(sql, version);
    else {
      // A search's rows come whole from the FTS table on every query, so its order is read at
      // once and gives the total (one pass, not two). What the search finds in every type
      // bounds the view's size, which picks how the order is read.
      entry.total = prepared(this.db, 'SELECT count(*) FROM items_search WHERE items_search MATCH ?')
        .pluck()
        .get(quick) as number;
      this.order(entry);
    }
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
    if (!entry.sql.narrowed) return entry.spec.sort.length > 1 ? end : end * INDEX_ONLY_STEP;
    if (entry.total <= this.limits.smallView) return Number.POSITIVE_INFINITY;
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

  /**
   * The kept order with `rowids` taken out and those of them now in the view put back in
   * place. Every other row is as it was (the order was current before the write), so the
   * order among them holds; SQLite itself says which of two rows comes first, so the
   * places are exactly what reading the order again would give.
   */
  private patchOrder(entry: CachedView, rowids: ReadonlySet<number>): void {
    if (!entry.order) return;
    const { sql } = entry;
    const kept = entry.order.filter((rowid) => !rowids.has(rowid));
    const arrived = prepared(
      this.db,
      `SELECT rowid FROM items WHERE rowid IN (SELECT value FROM json_each(?)) AND +engine = ? AND +type = ?${sql.inline.sql}
       ORDER BY ${sql.orderBySorting}`,
    )
      .pluck()
      .all(JSON.stringify([...rowids]), sql.engine, sql.type, ...sql.inline.params) as number[];
    const first = prepared(
      this.db,
      `SELECT rowid FROM items WHERE rowid IN (?, ?) ORDER BY ${sql.orderBySorting} LIMIT 1`,
    ).pluck();
    const order = new Float64Array(kept.length + arrived.length);
    let from = 0;
    let to = 0;
    for (const rowid of arrived) {
      // The first kept row that comes after this one (arrivals are in view order, so never before the last place).
      let low = from;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (first.get(rowid, kept[middle]) === rowid) high = middle;
        else low = middle + 1;
      }
      order.set(kept.subarray(from, low), to);
      to += low - from;
      order[to] = rowid;
      to += 1;
      from = low;
    }
    order.set(kept.subarray(from), to);
    entry.order = order;
    entry.total = order.length;
  }

  /** The whole type's order in the view's sort, when the view can be cut from it (see TYPE_ORDER_SHARE). */
  private typeOrder(entry: CachedView, items: number): Float64Array | null {
    const { spec } = entry;
    if (!entry.sql.narrowed || spec.sort.length > 1 || entry.total <= this.limits.smallView) return null;
    const whole = this.entry({ engine: spec.engine, type: spec.type, sort: spec.sort, filters: [], quick: '' });
    if (whole.order) return whole.order;
    return entry.total >= items * TYPE_ORDER_SHARE ? this.order(whole) : null;
  }

  /** The rows of `order` that are in the view (`loose` may name rows of other types: the order has none). */
  private cut(entry: CachedView, order: Float64Array): Float64Array {
    const loose = entry.sql.loose ?? entry.sql.match;
    const members = loose
      ? (prepared(this.db, `SELECT rowid FROM (${loose.sql})`)
          .pluck()
          .all(...loose.params) as number[])
      : [];
    let highest = 0;
    for (const rowid of members) if (rowid > highest) highest = rowid;
    const marked = new Uint8Array(highest + 1);
    for (const rowid of members) marked[rowid] = 1;
    const rows = new Float64Array(Math.min(members.length, order.length));
    let count = 0;
    for (const rowid of order) if (rowid <= highest && marked[rowid] === 1) rows[count++] = rowid;
    return rows.slice(0, count);
  }

  private order(entry: CachedView): Float64Array {
    if (entry.order) return entry.order;
    const { sql } = entry;
    const items = typeVersion(this.db, entry.engine, entry.type).items;
    const whole = this.typeOrder(entry, items);
    if (whole) {
      entry.order = this.cut(entry, whole);
      entry.total = entry.order.length;
      return entry.order;
    }
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
