/**
 * Management API v1 (management-api-v1.md): one thin typed function per endpoint.
 * Pagination, retries and pacing live elsewhere (the client); these only say what to send.
 */
import type { DoofinderClient } from './client';
import type { ItemFailure } from './errors';
import type { Priority } from './rate-limiter';

export interface Call {
  priority: Priority;
  signal?: AbortSignal;
}

export interface SearchEngine {
  site_url: string;
  name: string;
  language: string;
  currency: string;
  hashid: string;
  id: number;
  url?: string;
}

export type SearchEngineFields = Pick<SearchEngine, 'site_url' | 'name' | 'language' | 'currency'>;

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export type Item = Record<string, unknown> & { id: string };

export interface ScrollPage {
  scroll_id: string;
  count: number;
  next: string | null;
  results: Item[];
}

export interface TypeInfo {
  name: string;
  sources: string[];
  df_url?: string;
}

export interface TypeDeletion {
  state: string;
  message: string;
  detail: string;
}

export interface BulkDeleteResult {
  errors: string[];
  success: string[];
}

export interface TaskAccepted {
  state: 'PENDING' | 'WAITING';
  link: string;
  message: string;
  task_name: string;
}

export type TaskState = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE' | 'NOTFOUND' | 'WAITING';

export interface TaskInfo {
  state: TaskState;
  message: string;
  task_name: string;
}

export interface LogLine {
  date: string;
  level: string;
  msg: string;
  log_type?: string;
}

export interface DailyAggregate {
  date: string;
  searches: number;
  clicks: number;
  api: number;
  parser: number;
  queries: number;
  requests: number;
}

export type TopListKind = 'searches' | 'clicked' | 'opportunities' | 'noresults';

export interface TopEntry {
  count: number;
  term: string;
  url?: string;
}

export interface StatsPeriod {
  /** YYYYMMDD */
  from?: string;
  to?: string;
  page?: number;
  /** Rows per page (default 10, at most 100): stats paginate "the same as list items". */
  rpp?: number;
}

/** A top list either is ready (200) or is being generated (202: ask again later). */
export type TopListAnswer =
  | { ready: true; start: string; end: string; count: number; next: string | null; entries: TopEntry[] }
  | { ready: false; url: string; message: string };

const enc = encodeURIComponent;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function apiRoot(client: DoofinderClient, call: Call): Promise<Record<string, unknown>> {
  return (await client.request<Record<string, unknown>>({ api: 'management', method: 'GET', path: '/v1/', ...call }))
    .body;
}

export async function listSearchEngines(client: DoofinderClient, call: Call, page = 1): Promise<Page<SearchEngine>> {
  const query = page > 1 ? { page } : undefined;
  return (
    await client.request<Page<SearchEngine>>({
      api: 'management',
      method: 'GET',
      path: '/v1/searchengines',
      query,
      ...call,
    })
  ).body;
}

/** Every engine of the account, following `next` pages. */
export async function allSearchEngines(client: DoofinderClient, call: Call): Promise<SearchEngine[]> {
  const engines: SearchEngine[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await listSearchEngines(client, call, page);
    engines.push(...answer.results);
    if (!answer.next || answer.results.length === 0) return engines;
  }
}

export async function createSearchEngine(
  client: DoofinderClient,
  fields: SearchEngineFields,
  call: Call,
): Promise<SearchEngine> {
  return (
    await client.request<SearchEngine>({
      api: 'management',
      method: 'POST',
      path: '/v1/searchengines',
      body: fields,
      ...call,
    })
  ).body;
}

export async function getSearchEngine(client: DoofinderClient, hashid: string, call: Call): Promise<SearchEngine> {
  return (
    await client.request<SearchEngine>({
      api: 'management',
      method: 'GET',
      path: `/v1/searchengines/${enc(hashid)}`,
      ...call,
    })
  ).body;
}

export async function updateSearchEngine(
  client: DoofinderClient,
  hashid: string,
  fields: SearchEngineFields,
  call: Call,
): Promise<SearchEngine> {
  return (
    await client.request<SearchEngine>({
      api: 'management',
      method: 'PUT',
      path: `/v1/searchengines/${enc(hashid)}`,
      body: fields,
      ...call,
    })
  ).body;
}

export async function patchSearchEngine(
  client: DoofinderClient,
  hashid: string,
  fields: Partial<SearchEngineFields>,
  call: Call,
): Promise<SearchEngine> {
  return (
    await client.request<SearchEngine>({
      api: 'management',
      method: 'PATCH',
      path: `/v1/searchengines/${enc(hashid)}`,
      body: fields,
      ...call,
    })
  ).body;
}

export async function deleteSearchEngine(client: DoofinderClient, hashid: string, call: Call): Promise<void> {
  await client.request({ api: 'management', method: 'DELETE', path: `/v1/searchengines/${enc(hashid)}`, ...call });
}

// ---- Types -----------------------------------------------------------------------------

export async function listTypes(client: DoofinderClient, hashid: string, call: Call): Promise<string[]> {
  return (
    await client.request<string[]>({ api: 'management', method: 'GET', path: `/v1/${enc(hashid)}/types`, ...call })
  ).body;
}

export async function getType(client: DoofinderClient, hashid: string, type: string, call: Call): Promise<TypeInfo> {
  return (
    await client.request<TypeInfo>({
      api: 'management',
      method: 'GET',
      path: `/v1/${enc(hashid)}/types/${enc(type)}`,
      ...call,
    })
  ).body;
}

export async function createType(
  client: DoofinderClient,
  hashid: string,
  type: TypeInfo,
  call: Call,
): Promise<string[]> {
  return (
    await client.request<string[]>({
      api: 'management',
      method: 'POST',
      path: `/v1/${enc(hashid)}/types`,
      body: type,
      idempotent: true,
      ...call,
    })
  ).body;
}

export async function putType(client: DoofinderClient, hashid: string, type: TypeInfo, call: Call): Promise<TypeInfo> {
  return (
    await client.request<TypeInfo>({
      api: 'management',
      method: 'PUT',
      path: `/v1/${enc(hashid)}/types/${enc(type.name)}`,
      body: type,
      ...call,
    })
  ).body;
}

/** Deletes types (a list, or every type with '_all'); asynchronous on Doofinder's side. */
export async function deleteTypes(
  client: DoofinderClient,
  hashid: string,
  types: string[] | '_all',
  call: Call,
): Promise<TypeDeletion> {
  const list = types === '_all' ? '_all' : types.map(enc).join(',');
  return (
    await client.request<TypeDeletion>({
      api: 'management',
      method: 'DELETE',
      path: `/v1/${enc(hashid)}/types/${list}`,
      ...call,
    })
  ).body;
}

// ---- Items -----------------------------------------------------------------------------

const itemsPath = (hashid: string, type: string) => `/v1/${enc(hashid)}/items/${enc(type)}`;
const itemPath = (hashid: string, type: string, id: string) => `${itemsPath(hashid, type)}/${enc(id)}`;

export async function getItem(
  client: DoofinderClient,
  hashid: string,
  type: string,
  id: string,
  call: Call,
): Promise<Item> {
  return (await client.request<Item>({ api: 'management', method: 'GET', path: itemPath(hashid, type, id), ...call }))
    .body;
}

/** POST creates; without an id the server makes one, so it is not safe to repeat. */
export async function createItem(
  client: DoofinderClient,
  hashid: string,
  type: string,
  item: Partial<Item>,
  call: Call,
): Promise<Item> {
  return (
    await client.request<Item>({
      api: 'management',
      method: 'POST',
      path: itemsPath(hashid, type),
      body: item,
      ...call,
    })
  ).body;
}

export async function createItems(
  client: DoofinderClient,
  hashid: string,
  type: string,
  items: Array<Partial<Item>>,
  call: Call,
): Promise<Item[]> {
  return (
    await client.request<Item[]>({
      api: 'management',
      method: 'POST',
      path: itemsPath(hashid, type),
      body: items,
      ...call,
    })
  ).body;
}

/** Create or replace one item by id (201 when created). */
export async function putItem(
  client: DoofinderClient,
  hashid: string,
  type: string,
  item: Item,
  call: Call,
): Promise<Item> {
  return (
    await client.request<Item>({
      api: 'management',
      method: 'PUT',
      path: itemPath(hashid, type, item.id),
      body: item,
      ...call,
    })
  ).body;
}

/** Create or replace up to 100 items by id: idempotent, so safe to retry. */
export async function putItems(
  client: DoofinderClient,
  hashid: string,
  type: string,
  items: Item[],
  call: Call,
): Promise<Item[]> {
  return (
    await client.request<Item[]>({
      api: 'management',
      method: 'PUT',
      path: itemsPath(hashid, type),
      body: items,
      ...call,
    })
  ).body;
}

export async function patchItem(
  client: DoofinderClient,
  hashid: string,
  type: string,
  id: string,
  fields: Record<string, unknown>,
  call: Call,
): Promise<Item> {
  return (
    await client.request<Item>({
      api: 'management',
      method: 'PATCH',
      path: itemPath(hashid, type, id),
      body: fields,
      ...call,
    })
  ).body;
}

/** Partial update of up to 100 items; only the sent fields come back. */
export async function patchItems(
  client: DoofinderClient,
  hashid: string,
  type: string,
  items: Item[],
  call: Call,
): Promise<Item[]> {
  return (
    await client.request<Item[]>({
      api: 'management',
      method: 'PATCH',
      path: itemsPath(hashid, type),
      body: items,
      ...call,
    })
  ).body;
}

export async function deleteItem(
  client: DoofinderClient,
  hashid: string,
  type: string,
  id: string,
  call: Call,
): Promise<void> {
  await client.request({ api: 'management', method: 'DELETE', path: itemPath(hashid, type, id), ...call });
}

export async function deleteItems(
  client: DoofinderClient,
  hashid: string,
  type: string,
  ids: string[],
  call: Call,
): Promise<BulkDeleteResult> {
  return (
    await client.request<BulkDeleteResult>({
      api: 'management',
      method: 'DELETE',
      path: itemsPath(hashid, type),
      body: ids.map((id) => ({ id })),
      ...call,
    })
  ).body;
}

/** The first page of a scroll; `rpp` (at most 100) can only be chosen here. */
export async function startScroll(
  client: DoofinderClient,
  hashid: string,
  type: string,
  rpp: number,
  call: Call,
): Promise<ScrollPage> {
  return (
    await client.request<ScrollPage>({
      api: 'management',
      method: 'GET',
      path: itemsPath(hashid, type),
      query: { rpp },
      ...call,
    })
  ).body;
}

/** The next page of a scroll; each request keeps the scroll_id valid 5 more minutes. */
export async function continueScroll(
  client: DoofinderClient,
  hashid: string,
  type: string,
  scrollId: string,
  call: Call,
): Promise<ScrollPage> {
  return (
    await client.request<ScrollPage>({
      api: 'management',
      method: 'GET',
      path: itemsPath(hashid, type),
      query: { scroll_id: scrollId },
      ...call,
    })
  ).body;
}

// ---- Stats -----------------------------------------------------------------------------

export async function statsAggregates(
  client: DoofinderClient,
  hashid: string,
  period: StatsPeriod,
  call: Call,
): Promise<{ start: string; end: string; count: number; next: string | null; aggregates: DailyAggregate[] }> {
  return (
    await client.request({
      api: 'management',
      method: 'GET',
      path: `/v1/${enc(hashid)}/stats`,
      query: { ...period },
      ...call,
    })
  ).body as {
    start: string;
    end: string;
    count: number;
    next: string | null;
    aggregates: DailyAggregate[];
  };
}

export async function statsTopList(
  client: DoofinderClient,
  hashid: string,
  kind: TopListKind,
  period: StatsPeriod,
  call: Call,
): Promise<TopListAnswer> {
  const response = await client.request<Record<string, unknown>>({
    api: 'management',
    method: 'GET',
    path: `/v1/${enc(hashid)}/stats/top_${kind}`,
    query: { ...period },
    ...call,
  });
  const body = response.body;
  if (response.status === 202) return { ready: false, url: text(body.url), message: text(body.message) };
  return {
    ready: true,
    start: text(body.start),
    end: text(body.end),
    count: Number(body.count ?? 0),
    next: typeof body.next === 'string' ? body.next : null,
    entries: (body[kind] as TopEntry[] | undefined) ?? [],
  };
}

// ---- Tasks and logs ----------------------------------------------------------------------

export async function processFeeds(
  client: DoofinderClient,
  hashid: string,
  force: boolean,
  call: Call,
): Promise<TaskAccepted> {
  return (
    await client.request<TaskAccepted>({
      api: 'management',
      method: 'POST',
      path: `/v1/${enc(hashid)}/tasks/process`,
      query: force ? { force: 'true' } : undefined,
      // A repeated start answers WAITING, never a second run.
      idempotent: true,
      ...call,
    })
  ).body;
}

export async function taskInfo(client: DoofinderClient, hashid: string, taskId: string, call: Call): Promise<TaskInfo> {
  return (
    await client.request<TaskInfo>({
      api: 'management',
      method: 'GET',
      path: `/v1/${enc(hashid)}/tasks/${enc(taskId)}`,
      ...call,
    })
  ).body;
}

export async function lastProcessTask(client: DoofinderClient, hashid: string, call: Call): Promise<TaskInfo> {
  return (
    await client.request<TaskInfo>({
      api: 'management',
      method: 'GET',
      path: `/v1/${enc(hashid)}/tasks/process`,
      ...call,
    })
  ).body;
}

export async function processLogs(client: DoofinderClient, hashid: string, call: Call): Promise<LogLine[]> {
  return (
    await client.request<LogLine[]>({ api: 'management', method: 'GET', path: `/v1/${enc(hashid)}/logs`, ...call })
  ).body;
}

export type { ItemFailure };
