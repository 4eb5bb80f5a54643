/**
 * SearchParamsView as search-api-v5.md spells it in a query string, in a fixed order (it shows
 * in the curl command and the raw view). Where the document gives a form, that form is used:
 * `filter[color][]=blue`, `filter[price][][gte]=4.36`, `filter[geo_distance][][distance]=200km`
 * with `filter[geo_distance][][<geo field>]=40,-70`, `sort[0][price]=asc`, `sort[1][dfscore]=desc`
 * and, alone, `sort[_geo_distance][<geo field>]=40,-70&sort[_geo_distance][order]=asc`.
 */
import type { SearchFilterClause, SearchParamsView, SearchSortClause } from '../../../preload/contract';

export type QueryPairs = Array<[string, string]>;

const RANGE_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;

function clausePairs(name: 'filter' | 'exclude', clause: SearchFilterClause): QueryPairs {
  switch (clause.kind) {
    case 'terms':
      return clause.values.map((value) => [`${name}[${clause.field}][]`, value]);
    case 'range':
      return RANGE_OPERATORS.flatMap((operator): QueryPairs => {
        const bound = clause[operator];
        return bound === undefined || bound === '' ? [] : [[`${name}[${clause.field}][][${operator}]`, String(bound)]];
      });
    case 'geo':
      return [
        [`${name}[geo_distance][][distance]`, clause.distance.trim()],
        [`${name}[geo_distance][][${clause.field}]`, clause.point.replace(/\s+/g, '')],
      ];
  }
}

function sortPairs(sort: SearchSortClause[]): QueryPairs {
  // The document's geo sort has no index; with other sorts an index keeps the order.
  const prefix = (index: number) => (sort.length === 1 ? 'sort' : `sort[${index}]`);
  return sort.flatMap((clause, index): QueryPairs => {
    switch (clause.kind) {
      case 'field':
        return [[`sort[${index}][${clause.field}]`, clause.order]];
      case 'score':
        return [[`sort[${index}][dfscore]`, clause.order]];
      case 'geo':
        return [
          [`${prefix(index)}[_geo_distance][${clause.field}]`, clause.point.replace(/\s+/g, '')],
          [`${prefix(index)}[_geo_distance][order]`, clause.order],
        ];
    }
  });
}

function typePairs(types: string[]): QueryPairs {
  if (types.length === 0) return [];
  if (types.length === 1) return [['type', types[0] as string]];
  return types.map((type) => ['type[]', type]);
}

/** Every parameter of one search, in the order they are sent. */
export function spellParams(hashid: string, params: SearchParamsView): QueryPairs {
  return [
    ['hashid', hashid],
    ['query', params.query],
    ['page', String(params.page)],
    ['rpp', String(params.rpp)],
    // Without a transformer the results carry the indexed fields as they are.
    ...(params.transformer === 'none' ? [] : ([['transformer', params.transformer]] as QueryPairs)),
    ...typePairs(params.types),
    ...(params.queryName ? ([['query_name', params.queryName]] as QueryPairs) : []),
    ...params.filters.flatMap((clause) => clausePairs('filter', clause)),
    ...(params.filterExecution === 'and' ? ([['filter_execution', 'and']] as QueryPairs) : []),
    ...params.excludes.flatMap((clause) => clausePairs('exclude', clause)),
    ...(params.excludeExecution === 'and' ? ([['exclude_execution', 'and']] as QueryPairs) : []),
    ...sortPairs(params.sort),
    ...(params.nostats ? ([['nostats', 'true']] as QueryPairs) : []),
  ];
}

/**
 * Percent-encoding with brackets escaped (%5B, %5D) as the document asks; commas stay readable,
 * and quotes are escaped so the URL can sit inside the curl command's single quotes.
 */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/'/g, '%27');
}

export function queryString(pairs: QueryPairs): string {
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}
