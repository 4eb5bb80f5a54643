/**
 * Not a test: a local measurement of /5/search latency on the default seed (100,000
 * fashion items by default). Run: `npx tsx test/sandbox/search/measure-search.ts [items]`.
 *
 * Per kind of query, p50/p95 of: "cold", with the engine's text-match and search caches
 * emptied before each request (what an uncached search costs), and "warm", the same requests
 * repeated. Each is measured over HTTP (wall clock) and, to see past a busy machine, as the
 * CPU time the search itself takes in process.
 */
import { parseQuery } from '../../../main/sandbox/app';
import { startSandbox } from '../../../main/sandbox/index';
import { runSearch } from '../../../main/sandbox/search/search';
import { parseSearchParams } from '../../../main/sandbox/search/search-params';
import { engineByHashid } from '../../../main/sandbox/store/engines';

const items = Number(process.argv[2] ?? 100_000);
const started = performance.now();
const sandbox = await startSandbox({ seed: 'default', items });
const account = sandbox.seeded?.accounts[0];
const hashid = account?.engines[0]?.hashid ?? '';
const token = account?.apiKey.split('-')[1] ?? '';
const engine = engineByHashid(sandbox.ctx.db, hashid);
if (!engine) throw new Error('no engine');
console.log(`seeded ${items} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// Words shoppers would type, taken from the catalog's titles.
const titles = sandbox.ctx.db
  .prepare("SELECT doc ->> '$.title' FROM items WHERE engine_id = ? LIMIT 2000")
  .pluck()
  .all(engine.id) as string[];
const words = [...new Set(titles.flatMap((title) => title.toLowerCase().split(/\s+/)))].filter((w) => w.length > 2);
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;

const kinds: Record<string, () => string> = {
  plain: () => `query=${encodeURIComponent(pick(words))}`,
  'two words': () => `query=${encodeURIComponent(`${pick(words)} ${pick(words)}`)}`,
  filtered: () =>
    `query=${encodeURIComponent(pick(words))}&filter[color][]=${pick(['Black', 'Navy', 'White'])}&filter[price][gte]=20&filter[price][lt]=150`,
  'browse + filter + sort': () =>
    `query=&filter[brand][]=${encodeURIComponent(pick(['Calloway', 'Northline', 'Marlow']))}&sort[0][price]=asc&page=${1 + Math.floor(random() * 5)}`,
  'browse everything': () => `query=&rpp=20`,
  'typo (fuzzy)': () => `query=${encodeURIComponent(pick(words).replace(/^(.)(.)/, '$2$1'))}`,
};

function forgetCaches(): void {
  const columns = sandbox.ctx.columns.engine(engine!.id);
  columns.textMatches.clear();
  columns.searches.clear();
}

async function overHttp(query: string): Promise<number> {
  const at = performance.now();
  const response = await fetch(`${sandbox.url}/5/search?hashid=${hashid}&nostats&${query}`, {
    headers: { Authorization: `Token ${token}` },
  });
  await response.json();
  if (response.status !== 200) throw new Error(`${response.status} for ${query}`);
  return performance.now() - at;
}

function cpuOf(query: string): number {
  const before = process.cpuUsage();
  runSearch(sandbox.ctx, engine!, parseSearchParams(parseQuery(`hashid=${hashid}&${query}`), engine!));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
const show = (list: number[]) => `p50 ${percentile(list, 50).toFixed(1)}, p95 ${percentile(list, 95).toFixed(1)}`;

await overHttp('query=warm'); // loads the engine's columns once
console.log('ms                       HTTP cold          HTTP warm          CPU cold           CPU warm');
for (const [kind, make] of Object.entries(kinds)) {
  const queries = Array.from({ length: 100 }, make);
  const results: number[][] = [[], [], [], []];
  for (const query of queries) {
    forgetCaches();
    results[0]?.push(await overHttp(query));
  }
  for (const query of queries) await overHttp(query); // fills the caches
  for (const query of queries) results[1]?.push(await overHttp(query));
  for (const query of queries) {
    forgetCaches();
    results[2]?.push(cpuOf(query));
  }
  for (const query of queries) cpuOf(query);
  for (const query of queries) results[3]?.push(cpuOf(query));
  console.log(`${kind.padEnd(24)} ${results.map((list) => show(list).padEnd(18)).join(' ')}`);
}
await sandbox.close();
