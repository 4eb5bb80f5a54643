/**
 * `sort` in every form the clients send: `sort=price` (ascending), `sort[price]=desc`,
 * `sort[][price]=asc`, `sort[0][price]=asc&sort[1][brand]=desc`, the special `dfscore`
 * field, and `sort[_geo_distance][location]=40,-70&sort[_geo_distance][order]=asc`.
 */
import { parseLatLon } from './field-column';
import { asList, isRecord, mergedRecord } from './qs-shapes';
import { searchError } from './search-error';

export type SortOrder = 'asc' | 'desc';

export type SortSpec =
  | { kind: 'score'; order: SortOrder }
  | { kind: 'field'; field: string; order: SortOrder }
  | { kind: 'geo'; field: string; origin: { lat: number; lon: number }; order: SortOrder };

function orderOf(value: unknown, what: string): SortOrder {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (text === 'asc' || text === 'desc') return text;
  throw searchError(`sort: the order of ${what} must be asc or desc.`);
}

function geoSort(spec: unknown, geoFields: readonly string[]): SortSpec {
  const merged = mergedRecord(spec);
  if (!merged) throw searchError('sort[_geo_distance] takes {<geo field>: "lat,lon", order: "asc" | "desc"}.');
  const { order, unit: _unit, ...rest } = merged;
  const fields = Object.keys(rest);
  const field = fields[0];
  if (fields.length !== 1 || field === undefined) {
    throw searchError('sort[_geo_distance] needs exactly one geo field with a "lat,lon" origin.');
  }
  if (!geoFields.includes(field)) {
    throw searchError(
      `sort[_geo_distance]: "${field}" is not a geo field of this search engine (geo fields: ${geoFields.join(', ') || 'none'}).`,
    );
  }
  const position = rest[field];
  const origin = typeof position === 'string' ? parseLatLon(position) : null;
  if (!origin) throw searchError(`sort[_geo_distance][${field}] must be a "lat,lon" position.`);
  return { kind: 'geo', field, origin, order: order === undefined ? 'asc' : orderOf(order, '_geo_distance') };
}

function specsOf(entry: unknown, geoFields: readonly string[]): SortSpec[] {
  if (typeof entry === 'string' && entry !== '') {
    return [entry === 'dfscore' ? { kind: 'score', order: 'desc' } : { kind: 'field', field: entry, order: 'asc' }];
  }
  if (!isRecord(entry)) throw searchError('sort takes a field name or {field: "asc" | "desc"}.');
  return Object.entries(entry).map(([field, value]): SortSpec => {
    if (field === '_geo_distance') return geoSort(value, geoFields);
    const order = orderOf(value, field);
    return field === 'dfscore' ? { kind: 'score', order } : { kind: 'field', field, order };
  });
}

const isGeoPart = (entry: unknown) => isRecord(entry) && Object.keys(entry).join() === '_geo_distance';

export function parseSort(raw: unknown, geoFields: readonly string[]): SortSpec[] {
  if (raw === undefined || raw === '') return [];
  const entries = asList(raw);
  // `sort[][_geo_distance][location]=…&sort[][_geo_distance][order]=asc` arrives in two parts.
  const geoParts = entries.filter(isGeoPart).map((entry) => (entry as Record<string, unknown>)._geo_distance);
  const first = entries.findIndex(isGeoPart);
  const merged = entries.flatMap((entry, index) => {
    if (!isGeoPart(entry) || geoParts.length === 1) return [entry];
    return index === first ? [{ _geo_distance: geoParts }] : [];
  });
  return merged.flatMap((entry) => specsOf(entry, geoFields));
}
