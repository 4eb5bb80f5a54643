/**
 * The grid's sort and column filters, as AG Grid reports them, turned into the contract's
 * view (SortSpec, FilterSpec). The worker filters in SQLite; AG Grid's filter popups are only
 * the way people say what they want, so they offer exactly the operators the view supports.
 */
import type { FilterSpec, SortSpec } from '../../preload/contract';

/** The text filter options the view supports (AG Grid's names). */
export const TEXT_FILTER_OPTIONS = ['contains', 'notContains', 'equals', 'startsWith', 'blank', 'notBlank'] as const;
/** The number filter options the view supports (AG Grid's names). */
export const NUMBER_FILTER_OPTIONS = [
  'equals',
  'notEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const;

/** The view takes at most five sort keys (the contract's limit). */
const MAX_SORT = 5;

const NUMBER_OPS: Record<string, 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'> = {
  equals: 'eq',
  notEqual: 'ne',
  greaterThan: 'gt',
  greaterThanOrEqual: 'gte',
  lessThan: 'lt',
  lessThanOrEqual: 'lte',
};

const TEXT_OPS = new Set(['contains', 'notContains', 'equals', 'startsWith']);

interface SimpleModel {
  filterType?: string;
  type?: string | null;
  filter?: unknown;
  filterTo?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function conditionToSpec(field: string, model: SimpleModel): FilterSpec | null {
  const type = model.type ?? '';
  if (type === 'blank' || type === 'notBlank') return { field, op: type };
  if (model.filterType === 'number') {
    if (typeof model.filter !== 'number') return null;
    if (type === 'inRange') {
      return typeof model.filterTo === 'number'
        ? { field, op: 'between', from: model.filter, to: model.filterTo }
        : null;
    }
    const op = NUMBER_OPS[type];
    return op ? { field, op, value: model.filter } : null;
  }
  if (typeof model.filter !== 'string' || model.filter === '' || !TEXT_OPS.has(type)) return null;
  return { field, op: type as 'contains' | 'notContains' | 'equals' | 'startsWith', value: model.filter };
}

/**
 * AG Grid's filter model (column id -> model) as the view's filters. Conditions joined by AND
 * become separate filters; an OR cannot be said in the view, so the filter popups allow one
 * condition per column and anything else is ignored rather than misread.
 */
export function filtersFromModel(model: unknown): FilterSpec[] {
  if (!isRecord(model)) return [];
  const specs: FilterSpec[] = [];
  for (const [field, entry] of Object.entries(model)) {
    if (!isRecord(entry)) continue;
    const conditions = Array.isArray(entry.conditions) ? (entry.conditions as unknown[]) : [entry];
    if (Array.isArray(entry.conditions) && entry.operator !== 'AND') continue;
    for (const condition of conditions) {
      if (!isRecord(condition)) continue;
      const spec = conditionToSpec(field, { filterType: entry.filterType as string | undefined, ...condition });
      if (spec) specs.push(spec);
    }
  }
  return specs;
}

export function sortFromModel(model: readonly { colId: string; sort: string }[]): SortSpec[] {
  return model
    .filter((item) => item.sort === 'asc' || item.sort === 'desc')
    .slice(0, MAX_SORT)
    .map((item) => ({ field: item.colId, dir: item.sort as 'asc' | 'desc' }));
}
