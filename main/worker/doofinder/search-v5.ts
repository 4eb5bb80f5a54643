/** Search API v5 (search-api-v5.md): one thin typed function per endpoint. */
import type { DoofinderClient } from './client';
import type { Call } from './management-v1';

export type QueryName = 'match_and' | 'match_or' | 'fuzzy' | 'phonetic_text';

export interface RangeFilter {
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
}

export interface GeoDistanceFilter {
  distance: string;
  /** The geo field's name, with "lat,lon" as its value. */
  [field: string]: string;
}

export type FilterValue = string[] | RangeFilter;

export interface SearchParams {
  hashid: string;
  query: string;
  page?: number;
  rpp?: number;
  transformer?: 'basic' | 'onlyid';
  type?: string | string[];
  query_name?: QueryName;
  /** Testing must not pollute the shop's stats: the app sets this unless told otherwise. */
  nostats?: boolean;
  filter?: Record<string, FilterValue> & { geo_distance?: GeoDistanceFilter };
  exclude?: Record<string, FilterValue> & { geo_distance?: GeoDistanceFilter };
  filter_execution?: 'and' | 'or';
  exclude_execution?: 'and' | 'or';
  /** In order: `[{price: 'asc'}, {dfscore: 'desc'}]`, or `[{_geo_distance: {location: '40,-70', order: 'asc'}}]`. */
  sort?: Array<Record<string, unknown>>;
  query_counter?: number;
  session_id?: string;
}

export interface TermsFacet {
  doc_count: number;
  missing?: { doc_count: number };
  terms: {
    buckets: Array<{ key: string; doc_count: number }>;
    doc_count_error_upper_bound?: number;
    sum_other_doc_count?: number;
  };
}

export interface RangeFacet {
  doc_count: number;
  range: {
    buckets: Array<{
      key: string;
      doc_count: number;
      from?: number;
      to?: number;
      stats?: { from?: number; count: number; min: number; max: number; avg: number };
    }>;
  };
}

export interface SearchResponse {
  query_counter?: number;
  results_per_page: number;
  page: number;
  total: number;
  total_found?: number;
  query: string;
  hashid: string;
  max_score: number | null;
  /** The query type that answered (Doofinder may add new ones). */
  query_name: string;
  results: Array<Record<string, unknown> & { id: string; dfid: string; type: string }>;
  facets?: Record<string, TermsFacet | RangeFacet>;
  filter?: Record<string, unknown>;
}

function searchQuery(params: SearchParams): Record<string, unknown> {
  const { nostats, ...rest } = params;
  return nostats ? { ...rest, nostats: 'true' } : rest;
}

export async function search(client: DoofinderClient, params: SearchParams, call: Call): Promise<SearchResponse> {
  return (
    await client.request<SearchResponse>({
      api: 'search',
      method: 'GET',
      path: '/5/search',
      query: searchQuery(params),
      ...call,
    })
  ).body;
}

/** Specific items by dfid (what the official npm client's getItems sends). */
export async function itemsByDfid(
  client: DoofinderClient,
  hashid: string,
  dfids: string[],
  call: Call,
): Promise<SearchResponse> {
  return (
    await client.request<SearchResponse>({
      api: 'search',
      method: 'POST',
      path: '/5/search',
      query: { hashid, query: '' },
      body: { items: dfids },
      idempotent: true,
      ...call,
    })
  ).body;
}

export async function searchOptions(
  client: DoofinderClient,
  hashid: string,
  call: Call,
): Promise<Record<string, unknown>> {
  return (
    await client.request<Record<string, unknown>>({
      api: 'search',
      method: 'GET',
      path: `/5/options/${encodeURIComponent(hashid)}`,
      ...call,
    })
  ).body;
}

export type StatsEvent =
  'click' | 'init' | 'add-to-cart' | 'remove-from-cart' | 'clear-cart' | 'checkout' | 'img_display' | 'img_click';

/** The /5/stats/* events; each answers "OK". A random value defeats caches, as the document asks. */
export async function sendSearchEvent(
  client: DoofinderClient,
  event: StatsEvent,
  params: Record<string, string | number | undefined> & { hashid: string },
  call: Call,
): Promise<void> {
  await client.request({
    api: 'search',
    method: 'GET',
    path: `/5/stats/${event}`,
    query: { ...params, random: Date.now() },
    idempotent: event !== 'add-to-cart' && event !== 'remove-from-cart',
    ...call,
  });
}
