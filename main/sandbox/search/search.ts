/**
 * Running a /5/search: the text match for the query_name (or the first of them that finds
 * something, filters applied), filters and excludes over the in-memory columns, facets,
 * the requested page in order, and the response in search-api-v5.md's shape.
 */
import type { SandboxContext } from '../context';
import type { Engine } from '../store/records';
import { clauseTest, type SlotTest } from './clause-matchers';
import type { EngineColumns, FoundItems } from './engine-columns';
import type { FieldColumn } from './field-column';
import { facetsOf } from './facets';
import { orderedWindow } from './ordering';
import { documentsOf, shapeResult, type Transformer } from './results';
import { emptyScan, MAX_FILTER_FIELDS, resultsOf, type Scan, type ScanRules, scanAll, scanMatch } from './scan';
import { searchError } from './search-error';
import { MAX_RESULTS, type SearchParams } from './search-params';
import { expressionFor, QUERY_NAMES, type QueryName, textMatch, vocabularyOf } from './text-match';
import { wordsOf } from './words';

export interface SearchAnswer {
  body: Record<string, unknown>;
  totalFound: number;
  queryName: QueryName;
}

/** The in-memory columns disagree with the items table (a write rolled back after reaching them). */
class StaleColumns extends Error {}

function fieldsNeeded(engine: Engine, params: SearchParams): string[] {
  return [
    ...params.filters.map((clause) => clause.field),
    ...params.excludes.map((clause) => clause.field),
    ...params.sort.flatMap((spec) => (spec.kind === 'score' ? [] : [spec.field])),
    ...(engine.options.facets ?? []).map((facet) => facet.name),
  ];
}

function typeTest(columns: EngineColumns, types: string[] | null): SlotTest | null {
  if (types === null) return null;
  const codes = new Set(types.flatMap((type) => columns.typeCode(type) ?? []));
  const { typeCodes } = columns;
  return (slot) => codes.has(typeCodes[slot] as number);
}

/**
 * Excludes, read the way search-api-v5.md describes them: an item is left out when it
 * matches any excluded value of a field, and (by default) when that happens for any
 * excluded field; `exclude_execution=and` leaves it out only when it does for every one.
 */
function excludeTest(params: SearchParams, fieldColumns: Map<string, FieldColumn>): SlotTest | null {
  if (params.excludes.length === 0) return null;
  const tests = params.excludes.map((clause) =>
    clauseTest(clause, fieldColumns.get(clause.field) as FieldColumn, false),
  );
  return params.excludeExecution === 'and'
    ? (slot) => tests.every((test) => test(slot))
    : (slot) => tests.some((test) => test(slot));
}

/**
 * Filters: different fields must all match; values of one field are alternatives unless
 * `filter_execution=and` asks for all of them.
 */
function rulesOf(columns: EngineColumns, params: SearchParams, fieldColumns: Map<string, FieldColumn>): ScanRules {
  const types = typeTest(columns, params.types);
  const excluded = excludeTest(params, fieldColumns);
  const admits: SlotTest | null =
    types && excluded ? (slot) => types(slot) && !excluded(slot) : excluded ? (slot) => !excluded(slot) : types;
  const filters = params.filters.map((clause) =>
    clauseTest(clause, fieldColumns.get(clause.field) as FieldColumn, params.filterExecution === 'and'),
  );
  return { admits, filters };
}

/** Doofinder tries the query_names in order and keeps the first that finds something. */
function scanQuery(
  ctx: SandboxContext,
  columns: EngineColumns,
  params: SearchParams,
  rules: ScanRules,
): { scan: Scan; queryName: QueryName } {
  // A blank query (the npm client keeps a single space) browses every item.
  if (params.query.trim() === '') return { scan: scanAll(columns, rules), queryName: params.queryName ?? 'match_and' };
  const words = wordsOf(params.query);
  const names = params.queryName ? [params.queryName] : QUERY_NAMES;
  const tried = new Set<string>();
  let outcome = { scan: emptyScan(), queryName: names[0] };
  for (const queryName of names) {
    const expression = expressionFor(queryName, words, () => vocabularyOf(ctx.fts, columns));
    if (expression !== null && !tried.has(expression)) {
      tried.add(expression);
      outcome = { scan: scanMatch(textMatch(ctx.fts, columns, expression), rules), queryName };
    } else {
      outcome = { scan: outcome.scan, queryName };
    }
    if (outcome.scan.found > 0) break;
  }
  return outcome;
}

function pageResults(
  ctx: SandboxContext,
  engine: Engine,
  columns: EngineColumns,
  slots: number[],
  transformer: Transformer,
) {
  const docs = documentsOf(
    ctx.db,
    slots.map((slot) => columns.rowids[slot] as number),
  );
  return slots.map((slot) => {
    const doc = docs.get(columns.rowids[slot] as number);
    if (!doc) throw new StaleColumns();
    return shapeResult(doc, engine.hashid, columns.typeNames[columns.typeCodes[slot] as number] as string, transformer);
  });
}

/** Matching, filtering and facets for a search, or what the same search found last time. */
function foundItems(
  ctx: SandboxContext,
  engine: Engine,
  columns: EngineColumns,
  fieldColumns: Map<string, FieldColumn>,
  params: SearchParams,
): FoundItems {
  const facetConfigs = engine.options.facets ?? [];
  const key = JSON.stringify([
    params.query,
    params.queryName,
    params.types,
    params.filters,
    params.filterExecution,
    params.excludes,
    params.excludeExecution,
    facetConfigs,
  ]);
  const cached = columns.searches.get(key);
  if (cached) return cached;
  const { scan, queryName } = scanQuery(ctx, columns, params, rulesOf(columns, params, fieldColumns));
  const filterBits = new Map<string, number>();
  params.filters.forEach((clause, bit) =>
    filterBits.set(clause.field, (filterBits.get(clause.field) ?? 0) | (1 << bit)),
  );
  const found = { ...resultsOf(scan), queryName, facets: facetsOf(facetConfigs, fieldColumns, scan, filterBits) };
  columns.searches.set(key, found, found.slots.length + 1);
  return found;
}

function attempt(ctx: SandboxContext, engine: Engine, params: SearchParams): SearchAnswer {
  if (params.filters.length > MAX_FILTER_FIELDS) {
    throw searchError(`filter can name at most ${MAX_FILTER_FIELDS} fields at once.`);
  }
  const columns = ctx.columns.engine(engine.id);
  const fieldColumns = columns.columns(fieldsNeeded(engine, params));
  const found = foundItems(ctx, engine, columns, fieldColumns, params);
  const window = orderedWindow(
    found,
    params.sort,
    columns,
    fieldColumns,
    (params.page - 1) * params.rpp,
    params.page * params.rpp,
  );
  const totalFound = found.slots.length;
  return {
    totalFound,
    queryName: found.queryName,
    body: {
      ...(params.queryCounter === null ? {} : { query_counter: params.queryCounter }),
      results_per_page: params.rpp,
      page: params.page,
      // "total: The total number of results that can be obtained": no more than 1,000.
      total: Math.min(totalFound, MAX_RESULTS),
      total_found: totalFound,
      query: params.query,
      hashid: engine.hashid,
      max_score: found.maxScore,
      results: pageResults(ctx, engine, columns, window, params.transformer),
      query_name: found.queryName,
      facets: found.facets,
      ...(params.filterEcho ? { filter: params.filterEcho } : {}),
    },
  };
}

/** Runs `work`, once more on columns reloaded from the items table if they turn out stale. */
function withFreshColumns<T>(ctx: SandboxContext, engine: Engine, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof StaleColumns)) throw error;
    ctx.columns.dropEngine(engine.id);
    return work();
  }
}

export function runSearch(ctx: SandboxContext, engine: Engine, params: SearchParams): SearchAnswer {
  return withFreshColumns(ctx, engine, () => attempt(ctx, engine, params));
}

const DFID = /^([0-9a-f]{32})@([\w-]+)@([0-9a-f]{32})$/i;

/** POST /5/search {"items": [dfid, …]}: those items of this engine, in the order asked (the npm client's getItems). */
export function itemsByDfid(
  ctx: SandboxContext,
  engine: Engine,
  dfids: string[],
  transformer: Transformer,
): Record<string, unknown> {
  const results = withFreshColumns(ctx, engine, () => {
    const columns = ctx.columns.engine(engine.id);
    const slots = dfids.flatMap((dfid) => {
      const match = DFID.exec(dfid);
      if (!match || match[1]?.toLowerCase() !== engine.hashid) return [];
      return columns.slotOfDfid(match[2] as string, match[3] as string) ?? [];
    });
    return pageResults(ctx, engine, columns, slots, transformer);
  });
  return {
    results_per_page: results.length,
    page: 1,
    total: results.length,
    total_found: results.length,
    query: '',
    hashid: engine.hashid,
    max_score: 0,
    results,
    query_name: null,
    facets: {},
  };
}
