/**
 * Part (b) of the sandbox benchmark: Search v5 latency over HTTP against a sandbox in this
 * process, holding the sample catalog twice: once in an engine without facets (plain and
 * filtered queries) and once in an engine with terms and range facets configured.
 */
import { Faker, en } from '@faker-js/faker';
import { fashion } from '../../main/sandbox/catalog/fashion';
import { startSandbox, type Sandbox, type SeedSpec } from '../../main/sandbox/index';
import type { EngineOptions } from '../../main/sandbox/store/records';
import type { Log } from './benchmark';
import { percentile, round, thousands } from './measure';

export type QueryKind = 'plain' | 'filtered' | 'faceted';
export const QUERY_KINDS: readonly QueryKind[] = ['plain', 'filtered', 'faceted'];

export interface KindFigures {
  p50: number;
  p95: number;
  mean: number;
  max: number;
  samples: number;
  /** Median `total` of the answers: shows the queries found something to rank and facet. */
  medianTotal: number;
  /** Samples that found nothing: Search v5 then tries every query_name in turn, the slowest path. */
  zeroResults: number;
  /** The slowest request, to reproduce an outlier. */
  slowest: { ms: number; path: string };
}

export interface SearchFigures {
  items: number;
  seedSeconds: number;
  /** The first search of each engine, which loads its columns into memory (not in the percentiles). */
  coldMs: { plain: number; faceted: number };
  warmup: number;
  distinctQueries: number;
  search: Record<QueryKind, KindFigures>;
}

/** /5/search answered something other than 200: the benchmark cannot measure it (yet). */
export class SearchUnavailable extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`GET /5/search answered ${status}: ${body.slice(0, 200)}`);
  }
}

const FACETS: EngineOptions['facets'] = [
  { name: 'brand', label: 'Brand', type: 'terms', size: 20 },
  { name: 'color', label: 'Color', type: 'terms', size: 20 },
  { name: 'categories', label: 'Category', type: 'terms', size: 30 },
  { name: 'availability', label: 'Availability', type: 'terms', size: 5 },
  {
    name: 'price',
    label: 'Price',
    type: 'range',
    ranges: [{ to: 50 }, { from: 50, to: 100 }, { from: 100, to: 200 }, { from: 200 }],
  },
];

const PRICE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [20, 100],
  [50, 200],
  [10, 60],
  [30, 150],
];

function benchSeed(items: number): SeedSpec {
  const generate = { count: items, seed: 1, profile: 'shop' as const };
  return {
    accounts: [
      {
        engines: [
          { name: 'Plain', types: [{ name: 'product', generate }] },
          { name: 'Faceted', options: { facets: FACETS }, types: [{ name: 'product', generate }] },
        ],
      },
    ],
  };
}

/** What shoppers type in a fashion store: "dress", "linen shirt", "black ankle boots"; shuffled once, reproducibly. */
export function queryPool(): string[] {
  const faker = new Faker({ locale: [en] });
  faker.seed(1);
  const queries = new Set<string>();
  for (const leaf of fashion.leaves) {
    for (const noun of leaf.nouns) {
      queries.add(noun.toLowerCase());
      queries.add(`${faker.helpers.arrayElement(leaf.materials)} ${noun}`.toLowerCase());
      queries.add(`${faker.helpers.weightedArrayElement(fashion.colors)} ${noun}`.toLowerCase());
    }
  }
  return faker.helpers.shuffle([...queries]);
}

interface Target {
  sandbox: Sandbox;
  token: string;
  hashids: { plain: string; faceted: string };
}

function searchPath(target: Target, kind: QueryKind, query: string, n: number): string {
  const params = new URLSearchParams({
    hashid: kind === 'faceted' ? target.hashids.faceted : target.hashids.plain,
    query,
    rpp: '20',
  });
  if (kind === 'filtered') {
    const brand = fashion.brands[n % 8]?.name ?? '';
    const [low, high] = PRICE_BANDS[n % PRICE_BANDS.length] ?? [0, 1000];
    // The brief's form; qs parses it to {brand: [...], price: {gte, lte}}. Brackets escaped as the document asks.
    params.append('filter[brand][]', brand);
    params.append('filter[price][gte]', String(low));
    params.append('filter[price][lte]', String(high));
  }
  return `/5/search?${params.toString()}`;
}

/** One search, timed from sending the request to having the parsed JSON. */
async function timedSearch(target: Target, path: string): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const response = await fetch(`${target.sandbox.url}${path}`, { headers: { Authorization: target.token } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new SearchUnavailable(response.status, text);
  const answer = JSON.parse(text) as { total?: unknown };
  return { ms, total: Number(answer.total ?? 0) };
}

interface Sample {
  ms: number;
  total: number;
  path: string;
}

function figuresOf(measured: Sample[]): KindFigures {
  const samples = measured.map((sample) => sample.ms);
  const slowest = measured.reduce((worst, sample) => (sample.ms > worst.ms ? sample : worst));
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    mean: round(samples.reduce((sum, ms) => sum + ms, 0) / samples.length),
    max: round(Math.max(...samples)),
    samples: samples.length,
    medianTotal: percentile(
      measured.map((sample) => sample.total),
      50,
    ),
    zeroResults: measured.filter((sample) => sample.total === 0).length,
    slowest: { ms: round(slowest.ms), path: slowest.path },
  };
}

async function seededTarget(items: number, log: Log): Promise<{ target: Target; seedSeconds: number }> {
  log(`Seeding two engines with ${thousands(items)} items each (one with terms and range facets)…`);
  const started = performance.now();
  const sandbox = await startSandbox({ seed: benchSeed(items) });
  const seedSeconds = round((performance.now() - started) / 1000, 1);
  const account = sandbox.seeded?.accounts[0];
  const [plain, faceted] = account?.engines.map((engine) => engine.hashid) ?? [];
  if (!account || !plain || !faceted) throw new Error('The benchmark seed made no engines.');
  log(`  ${seedSeconds} s`);
  // Search v5 takes the bare token (search-api-v5.md "Authorization").
  const token = account.apiKey.slice(account.apiKey.indexOf('-') + 1);
  return { target: { sandbox, token, hashids: { plain, faceted } }, seedSeconds };
}

export async function measureSearch(
  options: { items: number; samples: number; warmup: number },
  log: Log,
): Promise<SearchFigures> {
  const { target, seedSeconds } = await seededTarget(options.items, log);
  try {
    const pool = queryPool();
    const queryFor = (kind: QueryKind, n: number): string => {
      // Each kind walks the pool from a different place, so one kind never warms the next one's query.
      const offset = Math.floor((QUERY_KINDS.indexOf(kind) * pool.length) / QUERY_KINDS.length);
      return pool[(n + offset) % pool.length] ?? 'dress';
    };
    const coldMs = {
      plain: round((await timedSearch(target, searchPath(target, 'plain', 'dress', 0))).ms),
      faceted: round((await timedSearch(target, searchPath(target, 'faceted', 'dress', 0))).ms),
    };
    log(
      `First search (loads the engine's columns): plain engine ${coldMs.plain} ms, faceted engine ${coldMs.faceted} ms`,
    );

    log(`Warming up: ${options.warmup} searches of each kind…`);
    for (let n = 0; n < options.warmup; n += 1) {
      for (const kind of QUERY_KINDS) await timedSearch(target, searchPath(target, kind, queryFor(kind, n), n));
    }

    log(`Measuring: ${options.samples} searches of each kind, interleaved, ${pool.length} distinct queries…`);
    const measured: Record<QueryKind, Sample[]> = { plain: [], filtered: [], faceted: [] };
    for (let n = options.warmup; n < options.warmup + options.samples; n += 1) {
      for (const kind of QUERY_KINDS) {
        const path = searchPath(target, kind, queryFor(kind, n), n);
        measured[kind].push({ ...(await timedSearch(target, path)), path });
      }
    }
    const search = {
      plain: figuresOf(measured.plain),
      filtered: figuresOf(measured.filtered),
      faceted: figuresOf(measured.faceted),
    };
    for (const kind of QUERY_KINDS) {
      const f = search[kind];
      log(
        `  ${kind.padEnd(8)} p50 ${f.p50} ms  p95 ${f.p95} ms  mean ${f.mean} ms  max ${f.max} ms  (median total ${f.medianTotal}, ${f.zeroResults} with no results; target p95 < 20 ms)`,
      );
      log(`           slowest: ${f.slowest.path.replace(/%5B/g, '[').replace(/%5D/g, ']')}`);
    }
    return {
      items: options.items,
      seedSeconds,
      coldMs,
      warmup: options.warmup,
      distinctQueries: pool.length,
      search,
    };
  } finally {
    await target.sandbox.close();
  }
}
