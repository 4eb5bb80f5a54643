/**
 * What the sandbox tests share: a sandbox on a free port with small, explicit accounts
 * (no generated catalog, so nothing here depends on the sample data), a client that speaks
 * HTTP the way a Doofinder client does, and the control API.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox, type Sandbox, type SandboxConfig, type SeedSpec } from '../../../main/sandbox/index';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** Typed access to a JSON answer in assertions. */
export function body<T = Record<string, unknown>>(answer: Answer): T {
  return answer.json as T;
}

export interface Account {
  apiKey: string;
  token: string;
  uid: string;
  hashids: string[];
}

export interface TestSandbox {
  sandbox: Sandbox;
  url: string;
  /** Account A: two engines ("Shop A1" with types product and article, "Shop A2" with product). */
  a: Account;
  /** Account B: one engine with product. */
  b: Account;
  close(): Promise<void>;
}

export const TOKEN_A = 'a'.repeat(8) + '0123456789abcdef0123456789abcdef';
export const TOKEN_B = 'b'.repeat(8) + '0123456789abcdef0123456789abcdef';

export function sampleItems(prefix: string, count: number): Array<Record<string, unknown> & { id: string }> {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${String(index).padStart(3, '0')}`,
    title: `${prefix} item ${index}`,
    price: 10 + index,
    link: `https://shop.example.com/${prefix}/${index}`,
  }));
}

/** Two accounts, so every test can also check that one key never reaches the other's engines. */
export function twoAccounts(itemsPerEngine = 25): SeedSpec {
  return {
    accounts: [
      {
        zone: 'eu1',
        token: TOKEN_A,
        uid: 'user-a',
        engines: [
          {
            name: 'Shop A1',
            site_url: 'https://a1.example.com/',
            types: [
              { name: 'product', items: sampleItems('P', itemsPerEngine) },
              { name: 'article', items: sampleItems('A', 3) },
            ],
          },
          { name: 'Shop A2', site_url: 'https://a2.example.com/', types: [{ name: 'product', items: [] }] },
        ],
      },
      {
        zone: 'us1',
        token: TOKEN_B,
        uid: 'user-b',
        engines: [{ name: 'Shop B', types: [{ name: 'product', items: sampleItems('B', 5) }] }],
      },
    ],
  };
}

/**
 * A sandbox seeded with `twoAccounts()`. The 2 requests/s limit is off unless asked for:
 * tests that are not about it would otherwise have to wait between requests.
 */
export async function startTestSandbox(
  options: { config?: Partial<SandboxConfig>; items?: number } = {},
): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    seed: twoAccounts(options.items),
    config: { managementRatePerSecond: null, visitRatePerSecond: null, ...options.config },
  });
  const accounts = (sandbox.seeded?.accounts ?? []).map((account) => ({
    apiKey: account.apiKey,
    token: account.apiKey.replace(/^[a-z0-9]+-/, ''),
    uid: account.uid,
    hashids: account.engines.map((engine) => engine.hashid),
  }));
  const [a, b] = accounts;
  if (!a || !b) throw new Error('the test seed did not create two accounts');
  return { sandbox, url: sandbox.url, a, b, close: () => sandbox.close() };
}

/** Re-creates the two accounts on a running sandbox (after tests changed things). */
export async function reseed(t: TestSandbox, items?: number): Promise<void> {
  await control(t, 'POST', '/reset');
  const seeded = body<{ accounts: Array<{ apiKey: string; uid: string; engines: Array<{ hashid: string }> }> }>(
    await control(t, 'POST', '/seed', twoAccounts(items)),
  );
  const [a, b] = seeded.accounts.map((account) => ({
    apiKey: account.apiKey,
    token: account.apiKey.replace(/^[a-z0-9]+-/, ''),
    uid: account.uid,
    hashids: account.engines.map((engine) => engine.hashid),
  }));
  if (!a || !b) throw new Error('reseed did not create two accounts');
  t.a = a;
  t.b = b;
}

export interface RequestOptions {
  /** A value to send as JSON, or a string/Buffer sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Authorization header; `null` sends none. Defaults to `Token {token}` when a token is given. */
  authorization?: string | null;
}

export async function send(
  url: string,
  method: string,
  path: string,
  options: RequestOptions & { token?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const authorization =
    options.authorization === undefined ? (options.token ? `Token ${options.token}` : null) : options.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  let payload: string | Blob | undefined;
  if (typeof options.body === 'string') payload = options.body;
  else if (Buffer.isBuffer(options.body)) payload = new Blob([new Uint8Array(options.body)]);
  else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(`${url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A Management v1 client for one account: `api(t, t.a).get('/v1/searchengines')`. */
export function api(t: { url: string }, account: { token: string }) {
  const call =
    (method: string) =>
    (path: string, options: RequestOptions = {}) =>
      send(t.url, method, path, { token: account.token, ...options });
  return {
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    request: (method: string, path: string, options: RequestOptions = {}) =>
      send(t.url, method, path, { token: account.token, ...options }),
  };
}

/** The control API (`/_sandbox/...`), which needs no authentication. */
export function control(t: { url: string }, method: string, path: string, payload?: unknown): Promise<Answer> {
  return send(t.url, method, `/_sandbox${path}`, { body: payload, authorization: null });
}

export async function advanceClock(t: { url: string }, ms: number): Promise<void> {
  const answer = await control(t, 'POST', '/clock', { advanceMs: ms });
  if (answer.status !== 200) throw new Error(`the clock did not move: ${answer.status} ${answer.text}`);
}

/** Every item of a type, by scrolling as a client would. */
export async function scrollAll(
  t: { url: string },
  account: { token: string },
  hashid: string,
  type: string,
): Promise<Array<Record<string, unknown>>> {
  const client = api(t, account);
  const all: Array<Record<string, unknown>> = [];
  let page = body<{ scroll_id: string; results: Array<Record<string, unknown>> }>(
    await client.get(`/v1/${hashid}/items/${type}?rpp=100`),
  );
  while (page.results.length > 0) {
    all.push(...page.results);
    page = body(await client.get(`/v1/${hashid}/items/${type}?scroll_id=${encodeURIComponent(page.scroll_id)}`));
  }
  return all;
}

// ---- Fixtures: the examples of management-api-v1.md ----------------------------------------

export interface Example {
  section: string;
  request: { method: string; path: string; body?: unknown };
  response: { status: number; headers?: Record<string, string>; body?: unknown };
  notes?: string;
}

export function fixture(file: string): Record<string, Example> {
  const path = resolve(import.meta.dirname, '../../fixtures/doofinder', file);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, Example>;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Where an answer's shape differs from the document's example: keys missing or extra, and
 * values of another JSON type. Ids, URLs and numbers differ, shapes must not. An example's
 * `null` stands for "null or a string" (df_indexed_text, next, previous), `next` and
 * `previous` may always be null; `allowExtra`
 * lists keys the sandbox adds on purpose (each one a documented choice).
 */
export function shapeDifferences(
  example: unknown,
  actual: unknown,
  options: { allowExtra?: string[]; allowMissing?: string[] } = {},
  path = '$',
): string[] {
  const expected = kindOf(example);
  const got = kindOf(actual);
  if (expected === 'null')
    return got === 'null' || got === 'string' ? [] : [`${path}: null or string expected, got ${got}`];
  // Page links are null on the first and last pages (the engine list example shows both).
  if (got === 'null' && /\.(next|previous)$/.test(path)) return [];
  if (expected !== got) return [`${path}: ${expected} expected, got ${got}`];
  if (expected === 'array') {
    const examples = example as unknown[];
    const values = actual as unknown[];
    if (examples.length === 0) return [];
    if (values.length === 0) return [`${path}: the example has elements, the answer none`];
    // Each element must look like one of the example's elements (they differ in the documents).
    return values.flatMap((value, index) => {
      const attempts = examples.map((candidate) => shapeDifferences(candidate, value, options, `${path}[${index}]`));
      return attempts.some((problems) => problems.length === 0)
        ? []
        : (attempts.sort((x, y) => x.length - y.length)[0] ?? []);
    });
  }
  if (expected === 'object') {
    const want = example as Record<string, unknown>;
    const have = actual as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(want)) {
      if (!(key in have)) {
        if (!options.allowMissing?.includes(key)) problems.push(`${path}.${key}: missing`);
        continue;
      }
      problems.push(...shapeDifferences(want[key], have[key], options, `${path}.${key}`));
    }
    for (const key of Object.keys(have)) {
      if (!(key in want) && !options.allowExtra?.includes(key)) problems.push(`${path}.${key}: not in the example`);
    }
    return problems;
  }
  return [];
}
