/**
 * Where an error from a search belongs on the page. The worker names the parameter in
 * `details.field` (the contract's spelling, "rpp", "queryName", "filters" with `details.index`, or the API's,
 * "query_name", "filter[brand]"); the router names it in `details.issues[].path`
 * ("params.rpp"). An error that names nothing is shown as a banner instead.
 */
import type { FieldKey, SearchForm } from './search-form';

const SIMPLE: Record<string, FieldKey> = {
  query: { field: 'query' },
  page: { field: 'page' },
  rpp: { field: 'rpp' },
  transformer: { field: 'transformer' },
  type: { field: 'types' },
  types: { field: 'types' },
  queryname: { field: 'queryName' },
  query_name: { field: 'queryName' },
  nostats: { field: 'nostats' },
  filterexecution: { field: 'filters', index: null },
  filter_execution: { field: 'filters', index: null },
  excludeexecution: { field: 'excludes', index: null },
  exclude_execution: { field: 'excludes', index: null },
};

const LISTS: Record<string, 'filters' | 'excludes' | 'sort'> = {
  filter: 'filters',
  filters: 'filters',
  exclude: 'excludes',
  excludes: 'excludes',
  sort: 'sort',
};

/** The row of `list` a name points at: an index ("2") or a field name ("brand", "geo_distance"). */
function rowOf(form: SearchForm | null, list: 'filters' | 'excludes' | 'sort', key: string | undefined): number | null {
  if (key === undefined || key === '') return null;
  if (/^\d+$/.test(key)) return Number(key);
  if (!form) return null;
  if (list === 'sort') {
    const at = form.sort.findIndex((sort) => sort.kind !== 'score' && sort.field === key);
    return at < 0 ? null : at;
  }
  const rows = form[list];
  const at = rows.findIndex((clause) => clause.field === key || (key === 'geo_distance' && clause.kind === 'geo'));
  return at < 0 ? null : at;
}

export function fieldKeyOf(name: string, form: SearchForm | null = null): FieldKey | null {
  const path = name.replace(/^params[.[]/, '').replace(/\]/g, '');
  const [head = '', key] = path.split(/[.[]/);
  const simple = SIMPLE[head.toLowerCase()];
  if (simple) return simple;
  const list = LISTS[head.toLowerCase()];
  return list ? { field: list, index: rowOf(form, list, key) } : null;
}

/** The field an error from `search:run` names, if any. */
export function fieldOfError(details: Record<string, unknown> | undefined, form: SearchForm | null): FieldKey | null {
  if (!details) return null;
  if (typeof details.field === 'string') {
    const key = fieldKeyOf(details.field, form);
    // The worker names a row as {field: 'filters', index: 2}.
    if (key && 'index' in key && key.index === null && typeof details.index === 'number') {
      return { field: key.field, index: details.index };
    }
    // Doofinder's own message may name the row, as in `filter[geo_distance]: "color" is not a geo field`.
    const named =
      typeof details.serverMessage === 'string'
        ? /\b(filter|exclude|sort)\[([^\]]+)\]/.exec(details.serverMessage)
        : null;
    if (key && 'index' in key && key.index === null && named) {
      const row = fieldKeyOf(`${named[1] ?? ''}[${named[2] ?? ''}]`, form);
      if (row && row.field === key.field) return row;
    }
    return key;
  }
  const issues = Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  for (const issue of issues) {
    const path = (issue as { path?: unknown }).path;
    const key = typeof path === 'string' ? fieldKeyOf(path, form) : null;
    if (key) return key;
  }
  return null;
}

/** The messages that belong exactly at `key` (a list's own messages have `index: null`). */
export function messagesAt(problems: ReadonlyArray<{ at: FieldKey; message: string }>, key: FieldKey): string[] {
  return problems
    .filter(
      ({ at }) => at.field === key.field && ('index' in at ? at.index : null) === ('index' in key ? key.index : null),
    )
    .map(({ message }) => message);
}
