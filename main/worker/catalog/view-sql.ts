/**
 * A grid view (`ViewSpec`) as SQL. The rows of a view are the rows of its type that pass
 * every filter, the quick search and "pending only"; each of those is a set of rowids that
 * SQLite can read from an index alone (the field's expression index, the FTS table, the
 * partial index of unsynced rows), and the view is their intersection. The same conditions
 * also come in an inline form, checked row by row while an index gives the sort order: the
 * cheaper plan when most rows pass (see view-rows.ts for which plan is used when).
 */
import type { FieldKind, FilterSpec, SortSpec, ViewSpec } from '../../../preload/contract';
import { ID_FIELD, fieldKeySql, fieldValueSql, pathLiteral } from './field-sql';
import { parseBoolean, parseNumber } from './convert';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

export interface ViewSql {
  engine: string;
  type: string;
  /** Whether anything narrows the view below its whole type. */
  narrowed: boolean;
  /** `SELECT rowid ...` of the rows in the view, in no order (null when not narrowed). */
  match: SqlPart | null;
  /**
   * The same, except that a search's rows are not checked for their type: a superset of the
   * view for a caller that keeps only rows of the type anyway (reading the FTS table alone is
   * a fraction of looking each found row up).
   */
  loose: SqlPart | null;
  /** `AND ...` conditions for a scan of the type in sort order, checked row by row. */
  inline: SqlPart;
  /** ORDER BY terms SQLite can serve from an index, and the same forced to sort the rows it has. */
  order: string;
  orderBySorting: string;
  /** Fields whose expression index serves this view (its first sort field and its filters). */
  indexFields: string[];
  /** Fields the view's order and membership depend on (for keeping its cache across edits). */
  fields: Set<string>;
}

/** Field kinds, where known, decide how a filter's text compares (a list, a number, a boolean). */
export type KindOf = (field: string) => FieldKind | undefined;

interface Condition {
  field: string;
  /** The condition over the field's key (as `keyFor` writes it). */
  build: (key: string) => SqlPart;
  /** Whether the field's expression index can find the rows (an equality or a range can; LIKE cannot). */
  indexable: boolean;
}

const LIKE_ESCAPE = "ESCAPE '\\'";
const likeText = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The field's key as an index serves it, or as a value read row by row (a `+` hides it from the planner). */
function keyFor(field: string, indexed: boolean): string {
  if (indexed) return fieldKeySql(field);
  return field === ID_FIELD ? '+id' : `(+${fieldValueSql(field)}) COLLATE NOCASE`;
}

/** A filter's text as the field holds it: numbers as numbers, booleans as SQLite reads JSON true/false. */
function typedValues(text: string, kind: FieldKind | undefined): unknown[] {
  if (kind === 'boolean') {
    const flag = parseBoolean(text);
    return flag === null ? [text] : [flag ? 1 : 0];
  }
  const number = parseNumber(text);
  return number === null ? [text] : [text, number];
}

const isList = (kind: FieldKind | undefined) => kind === 'list' || kind === 'categories';

function condition(filter: FilterSpec, kindOf: KindOf): Condition {
  const { field } = filter;
  const kind = kindOf(field);
  const indexable = (build: Condition['build']): Condition => ({ field, build, indexable: true });
  const rowByRow = (build: Condition['build']): Condition => ({ field, build, indexable: false });
  switch (filter.op) {
    case 'contains':
      return rowByRow((key) => ({ sql: `${key} LIKE ? ${LIKE_ESCAPE}`, params: [`%${likeText(filter.value)}%`] }));
    case 'notContains':
      return rowByRow((key) => ({
        sql: `(${key} IS NULL OR ${key} NOT LIKE ? ${LIKE_ESCAPE})`,
        params: [`%${likeText(filter.value)}%`],
      }));
    case 'startsWith':
      return rowByRow((key) => ({ sql: `${key} LIKE ? ${LIKE_ESCAPE}`, params: [`${likeText(filter.value)}%`] }));
    case 'equals': {
      const values = typedValues(filter.value, kind);
      if (isList(kind)) return listMembership(field, values);
      return indexable((key) => ({ sql: `${key} IN (${values.map(() => '?').join(', ')})`, params: values }));
    }
    case 'in': {
      const values = filter.values.flatMap((value) => typedValues(value, kind));
      if (values.length === 0) return rowByRow(() => ({ sql: '0', params: [] }));
      if (isList(kind)) return listMembership(field, values);
      return indexable((key) => ({ sql: `${key} IN (${values.map(() => '?').join(', ')})`, params: values }));
    }
    case 'eq':
      return indexable((key) => ({ sql: `${key} = ?`, params: [filter.value] }));
    case 'ne':
      return rowByRow((key) => ({ sql: `(${key} IS NULL OR ${key} != ?)`, params: [filter.value] }));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[filter.op];
      // Text sorts after numbers in SQLite: keep the range to numbers.
      return indexable((key) => ({
        sql: `${key} ${op} ? AND ${key} < ''`,
        params: [filter.value],
      }));
    }
    case 'between':
      return indexable((key) => ({ sql: `${key} BETWEEN ? AND ?`, params: [filter.from, filter.to] }));
    case 'blank':
      return rowByRow((key) => ({ sql: `(${key} IS NULL OR ${key} IN ('', '[]'))`, params: [] }));
    case 'notBlank':
      return rowByRow((key) => ({ sql: `(${key} IS NOT NULL AND ${key} NOT IN ('', '[]'))`, params: [] }));
  }
}

/** A list field holds the value when one of its elements is it. */
function listMembership(field: string, values: unknown[]): Condition {
  const path = pathLiteral(field);
  return {
    field,
    indexable: false,
    build: () => ({
      sql: `EXISTS (SELECT 1 FROM json_each(items.doc, ${path}) WHERE value IN (${values.map(() => '?').join(', ')}))`,
      params: values,
    }),
  };
}

/** What the quick search box holds, as an FTS5 query: every word, as a prefix. */
export function quickQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

function orderTerms(sort: SortSpec[], indexed: boolean): string {
  const terms = sort.length > 0 ? sort : [{ field: ID_FIELD, dir: 'asc' as const }];
  const last = terms.at(-1)?.dir ?? 'asc';
  // The rowid breaks ties, so blocks of the same view never overlap or skip a row.
  return [
    ...terms.map((term) => `${keyFor(term.field, indexed)} ${term.dir.toUpperCase()}`),
    `rowid ${last.toUpperCase()}`,
  ].join(', ');
}

const TYPE_ROWS = 'SELECT rowid FROM items WHERE engine = ? AND type = ?';

export function viewSql(view: ViewSpec, kindOf: KindOf): ViewSql {
  const { engine, type } = view;
  const conditions = view.filters.map((filter) => condition(filter, kindOf));
  const quick = quickQuery(view.quick);
  const groups: SqlPart[] = [];
  // The search as a group of `match`, and as the FTS table alone (for `loose`).
  let search: { strict: SqlPart; loose: SqlPart } | null = null;
  const inline: SqlPart = { sql: '', params: [] };
  const rowByRow: SqlPart[] = [];

  for (const cond of conditions) {
    const part = cond.build(keyFor(cond.field, true));
    if (cond.indexable) groups.push({ sql: `${TYPE_ROWS} AND ${part.sql}`, params: [engine, type, ...part.params] });
    else rowByRow.push(part);
    const check = cond.build(keyFor(cond.field, false));
    inline.sql += ` AND ${check.sql}`;
    inline.params.push(...check.params);
  }
  // Conditions no index serves share one scan of the type.
  if (rowByRow.length > 0) {
    groups.push({
      sql: `${TYPE_ROWS} AND ${rowByRow.map((part) => part.sql).join(' AND ')}`,
      params: [engine, type, ...rowByRow.flatMap((part) => part.params)],
    });
  }
  if (quick) {
    const found = 'rowid IN (SELECT rowid FROM items_search WHERE items_search MATCH ?)';
    // The found rowids looked up one by one (`+` keeps the type's index out of it): else SQLite
    // walks the whole type in that index, checking each rowid against the search (twice the time at 1M items).
    search = {
      strict: {
        sql: `SELECT rowid FROM items WHERE ${found} AND +engine = ? AND +type = ?`,
        params: [quick, engine, type],
      },
      loose: { sql: 'SELECT rowid FROM items_search WHERE items_search MATCH ?', params: [quick] },
    };
    groups.push(search.strict);
    inline.sql += ` AND ${found}`;
    inline.params.push(quick);
  }
  if (view.pendingOnly) {
    // Read from the partial index of unsynced rows: left to itself, SQLite may pick another index and read every row.
    groups.push({
      sql: "SELECT rowid FROM items INDEXED BY items_pending WHERE engine = ? AND type = ? AND status != 'clean'",
      params: [engine, type],
    });
    inline.sql += " AND status != 'clean'";
  }

  const intersect = (parts: SqlPart[]): SqlPart | null =>
    parts.length === 0
      ? null
      : { sql: parts.map((part) => part.sql).join(' INTERSECT '), params: parts.flatMap((part) => part.params) };
  const match = intersect(groups);
  const strictSearch = search?.strict;
  const loose = search ? intersect([...groups.filter((group) => group !== strictSearch), search.loose]) : match;
  const first = view.sort[0]?.field;
  const indexFields = [
    ...new Set([
      ...(first && first !== ID_FIELD ? [first] : []),
      ...conditions.flatMap((cond) => (cond.indexable && cond.field !== ID_FIELD ? [cond.field] : [])),
    ]),
  ];
  return {
    engine,
    type,
    narrowed: match !== null,
    match,
    loose,
    inline,
    order: orderTerms(view.sort, true),
    orderBySorting: orderTerms(view.sort, false),
    indexFields,
    fields: new Set([...view.sort.map((term) => term.field), ...view.filters.map((filter) => filter.field)]),
  };
}
