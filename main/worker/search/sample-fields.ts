/**
 * The fields of an engine read off a few results, for engines not mirrored yet: a field's kind
 * from the values it shows, and the fields holding "lat,lon" positions (geo fields).
 */
import type { FieldKind } from '../../../preload/contract';

const POINT = /^\s*-?\d{1,2}(\.\d+)?\s*,\s*-?\d{1,3}(\.\d+)?\s*$/;
const URL = /^https?:\/\//i;
const IMAGE = /\.(jpe?g|png|gif|webp|avif)(\?|$)/i;
/** Every result carries these; filtering or sorting on them means nothing. */
const MARKS = new Set(['dfid', 'type']);

function kindOf(name: string, values: unknown[]): FieldKind {
  if (name === 'id') return 'id';
  if (values.every((value) => typeof value === 'number')) return /price/i.test(name) ? 'price' : 'number';
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (values.some((value) => Array.isArray(value))) return /categor/i.test(name) ? 'categories' : 'list';
  const texts = values.filter((value): value is string => typeof value === 'string');
  if (texts.length > 0 && texts.every((text) => URL.test(text)))
    return texts.every((text) => IMAGE.test(text)) ? 'image' : 'url';
  if (texts.length > 0 && texts.every((text) => !Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}/.test(text)))
    return 'date';
  return 'text';
}

export interface SampledFields {
  fields: Array<{ name: string; kind: FieldKind }>;
  geoFields: string[];
}

export function sampleFields(results: Array<Record<string, unknown>>): SampledFields {
  const values = new Map<string, unknown[]>();
  for (const result of results) {
    for (const [name, value] of Object.entries(result)) {
      if (MARKS.has(name) || value === null || value === undefined || value === '') continue;
      const seen = values.get(name);
      if (seen) seen.push(value);
      else values.set(name, [value]);
    }
  }
  const names = [...values.keys()].sort();
  return {
    fields: names.map((name) => ({ name, kind: kindOf(name, values.get(name) ?? []) })),
    geoFields: names.filter((name) =>
      (values.get(name) ?? []).every((value) => typeof value === 'string' && POINT.test(value)),
    ),
  };
}
