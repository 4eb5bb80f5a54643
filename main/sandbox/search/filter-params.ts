/**
 * `filter` and `exclude` as search-api-v5.md writes them, whatever bracket form qs parsed:
 * terms (`filter[color][]=blue`, `filter[color]=blue`), ranges (`gt`, `gte`, `lt`, `lte`, and
 * `from`/`to`, which the npm client sends, both inclusive like Elasticsearch's) and geo
 * distance (`filter[geo_distance][distance]=200km&filter[geo_distance][position]=40,-70`).
 */
import { parseLatLon } from './field-column';
import { parseDistance } from './geo';
import { asList, isRecord, mergedRecord } from './qs-shapes';
import { searchError } from './search-error';

/** Numeric text compares as a number; anything else (ISO dates) as text. */
export type Bound = number | string;

export interface RangeBounds {
  gt?: Bound;
  gte?: Bound;
  lt?: Bound;
  lte?: Bound;
}

export type Clause =
  | { kind: 'terms'; field: string; values: string[] }
  | { kind: 'range'; field: string; bounds: RangeBounds; echo: Record<string, Bound> }
  | { kind: 'geo'; field: string; origin: { lat: number; lon: number }; meters: number; echo: Record<string, string> };

/** What the response's `filter` repeats of the request's filters. */
export interface FilterEcho {
  terms?: Record<string, string[]>;
  range?: Record<string, Record<string, Bound>>;
  geo_distance?: Record<string, string>;
}

const RANGE_OPERATORS: Record<string, keyof RangeBounds> = {
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  from: 'gte',
  to: 'lte',
};

function boundOf(text: string): Bound {
  const number = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(number) ? number : text;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function rangeClause(param: string, field: string, spec: Record<string, unknown>): Clause | null {
  const bounds: RangeBounds = {};
  const echo: Record<string, Bound> = {};
  for (const [operator, raw] of Object.entries(spec)) {
    const target = RANGE_OPERATORS[operator];
    if (!target) {
      throw searchError(
        `${param}[${field}] has an unknown operator "${operator}": a range takes gt, gte, lt, lte, from or to.`,
      );
    }
    const text = scalarText(raw);
    if (text === null) throw searchError(`${param}[${field}][${operator}] must be a single value.`);
    // The npm client sends an unset end of a range as an empty value.
    if (text.trim() === '') continue;
    bounds[target] = boundOf(text);
    echo[operator] = boundOf(text);
  }
  return Object.keys(echo).length === 0 ? null : { kind: 'range', field, bounds, echo };
}

function geoClause(param: string, spec: unknown, geoFields: readonly string[]): Clause {
  const merged = mergedRecord(spec);
  const usage = `${param}[geo_distance] takes {distance: "200km", <geo field>: "lat,lon"}`;
  if (!merged) throw searchError(`${usage}.`);
  const { distance, ...rest } = merged;
  const fields = Object.keys(rest);
  if (typeof distance !== 'string' || fields.length !== 1) {
    throw searchError(`${usage}: both keys are mandatory.`);
  }
  const field = fields[0] as string;
  if (!geoFields.includes(field)) {
    throw searchError(
      `${param}[geo_distance]: "${field}" is not a geo field of this search engine (geo fields: ${geoFields.join(', ') || 'none'}).`,
    );
  }
  const meters = parseDistance(distance);
  if (meters === null)
    throw searchError(`${param}[geo_distance][distance] "${distance}" is not a distance like 200km.`);
  const position = rest[field];
  const origin = typeof position === 'string' ? parseLatLon(position) : null;
  if (!origin) throw searchError(`${param}[geo_distance][${field}] must be a "lat,lon" position.`);
  return { kind: 'geo', field, origin, meters, echo: { distance, [field]: position as string } };
}

function fieldClause(param: string, field: string, spec: unknown): Clause | null {
  const list = asList(spec);
  if (list.every((value) => scalarText(value) !== null)) {
    return { kind: 'terms', field, values: list.map((value) => scalarText(value) as string) };
  }
  const range = mergedRecord(spec);
  if (range) return rangeClause(param, field, range);
  throw searchError(`${param}[${field}] must be a list of values or a range (gt, gte, lt, lte, from, to).`);
}

/** The clauses of `filter` or `exclude`, one per field, in the order sent. */
export function parseClauses(param: 'filter' | 'exclude', raw: unknown, geoFields: readonly string[]): Clause[] {
  if (raw === undefined || raw === '') return [];
  if (!isRecord(raw)) throw searchError(`${param} must be given per field, like ${param}[color][]=blue.`);
  const clauses: Clause[] = [];
  for (const [field, spec] of Object.entries(raw)) {
    const clause = field === 'geo_distance' ? geoClause(param, spec, geoFields) : fieldClause(param, field, spec);
    if (clause) clauses.push(clause);
  }
  return clauses;
}

/** The response's `filter`: terms under `terms`, ranges under `range`, geo under `geo_distance`. */
export function echoOf(clauses: Clause[]): FilterEcho | null {
  if (clauses.length === 0) return null;
  const echo: FilterEcho = {};
  for (const clause of clauses) {
    if (clause.kind === 'terms') (echo.terms ??= {})[clause.field] = clause.values;
    else if (clause.kind === 'range') (echo.range ??= {})[clause.field] = clause.echo;
    else echo.geo_distance = clause.echo;
  }
  return echo;
}
