/** The search tests' helpers: a worker on the Sandbox account, its request log, default parameters. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountsSnapshot, EnginesSnapshot, SearchParamsView } from '../../../../preload/contract';
import type { WorkerRuntime } from '../../../../main/worker/runtime';
import { sandboxWorker, type Call } from '../../../helpers/sandbox-worker';

export interface Logged {
  method: string;
  path: string;
  query: string;
  status: number;
  authorization: string | null;
}

export interface SearchApp {
  runtime: WorkerRuntime;
  call: Call;
  url: string;
  apiKey: string;
  /** hashids by engine name: the Fashion store and the Outdoor shop (with a geo field, `location`). */
  fashion: string;
  outdoor: string;
}

export function searchWorker(items = 60) {
  const worker = sandboxWorker({ items, validate: true });
  return {
    worker,
    async boot(): Promise<SearchApp> {
      const { runtime, call } = await worker.boot(mkdtempSync(join(tmpdir(), 'cs-search-')));
      const accounts = await call<AccountsSnapshot>('accounts:list');
      const url = accounts.accounts.find((account) => account.kind === 'sandbox')?.managementUrl ?? '';
      const sandbox = (await control(url, 'GET', '/accounts')) as { accounts: Array<{ apiKey: string }> };
      const engines = await call<EnginesSnapshot>('engines:list', { refresh: true });
      const hashidOf = (name: string) => engines.engines.find((engine) => engine.name === name)?.hashid ?? '';
      return {
        runtime,
        call,
        url,
        apiKey: sandbox.accounts[0]?.apiKey ?? '',
        fashion: hashidOf('Fashion store'),
        outdoor: hashidOf('Outdoor shop'),
      };
    },
  };
}

export async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

export async function loggedRequests(url: string, path?: string): Promise<Logged[]> {
  const body = (await (await fetch(`${url}/_sandbox/requests?limit=100000`)).json()) as { requests: Logged[] };
  return path === undefined ? body.requests : body.requests.filter((request) => request.path === path);
}

/** The query string of the last /5/search the sandbox received. */
export async function lastSearchQuery(url: string): Promise<string> {
  const searches = await loggedRequests(url, '/5/search');
  return searches.at(-1)?.query ?? '';
}

/** search-api-v5.md's spelling with the brackets escaped, as the document asks them sent. */
export const escaped = (documented: string) => documented.replaceAll('[', '%5B').replaceAll(']', '%5D');

export function params(overrides: Partial<SearchParamsView> = {}): SearchParamsView {
  return {
    query: '',
    page: 1,
    rpp: 10,
    transformer: 'none',
    types: [],
    queryName: null,
    filters: [],
    excludes: [],
    filterExecution: 'or',
    excludeExecution: 'or',
    sort: [],
    nostats: true,
    ...overrides,
  };
}
