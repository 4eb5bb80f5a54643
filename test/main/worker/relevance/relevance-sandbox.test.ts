/**
 * A relevance case on the built-in Sandbox account, through the channels the renderer calls:
 * three queries graded and run through the real search, metrics worked out by hand from the
 * grades, grading that sends nothing, and a title edited and synced between two runs showing
 * as the change that moved the metric.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AccountsSnapshot,
  RelevanceCaseView,
  RelevanceQueryView,
  RelevanceRunCompareView,
  RelevanceRunView,
  SyncProgress,
} from '../../../../preload/contract';
import { defaultQueryParams } from '../../../../main/worker/relevance/default-params';
import { sandboxWorker, until, type Call } from '../../../helpers/sandbox-worker';

const worker = sandboxWorker({ items: 60, validate: true });
afterEach(() => worker.reset());

interface Logged {
  method: string;
  path: string;
  query: string;
  status: number;
}

async function searchesLogged(url: string): Promise<Logged[]> {
  const body = (await (await fetch(`${url}/_sandbox/requests?limit=100000`)).json()) as { requests: Logged[] };
  return body.requests.filter((request) => request.path === '/5/search');
}

const K = 3;

async function sandboxCase() {
  const { call } = await worker.boot(mkdtempSync(join(tmpdir(), 'cs-relevance-sandbox-')));
  const accounts = await call<AccountsSnapshot>('accounts:list');
  const url = accounts.accounts.find((account) => account.kind === 'sandbox')?.searchUrl ?? '';
  const engine = await worker.mirrorFirstEngine(call);
  let view = await call<RelevanceCaseView>('relevance:saveCase', { name: 'Outerwear', engine, k: K, threshold: 1 });
  for (const query of ['jacket', 'dress', 'shoes'])
    view = await call<RelevanceCaseView>('relevance:saveQuery', {
      caseId: view.id,
      params: defaultQueryParams(query, K),
    });
  return { call, url, engine, caseId: view.id };
}

const run = (call: Call, caseId: number) => call<RelevanceRunView>('relevance:run', { caseId });
const grade = (call: Call, query: RelevanceQueryView | undefined, rank: number, value: number) =>
  call<RelevanceQueryView>('relevance:grade', {
    queryId: query?.id ?? -1,
    itemId: query?.results[rank - 1]?.id ?? '',
    grade: value,
  });

describe('a relevance case on the Sandbox account', { timeout: 60_000 }, () => {
  it('is graded without a request, scored by hand, and shows a synced title edit as what moved the score', async () => {
    const { call, url, engine, caseId } = await sandboxCase();
    const searchesBefore = (await searchesLogged(url)).length;
    const first = await run(call, caseId);
    expect(first).toMatchObject({ state: 'completed', done: 3, total: 3, changesSince: [], error: null });
    const sent = (await searchesLogged(url)).slice(searchesBefore);
    expect(sent.map((request) => new URLSearchParams(request.query).get('query'))).toEqual([
      'jacket',
      'dress',
      'shoes',
    ]);
    for (const request of sent) {
      const params = new URLSearchParams(request.query);
      expect([params.get('hashid'), params.get('rpp'), params.get('nostats'), request.status]).toEqual([
        engine,
        String(K),
        'true',
        200,
      ]);
    }

    const ran = await call<RelevanceCaseView>('relevance:case', { id: caseId });
    const [jacket, dress, shoes] = ran.queries;
    expect(ran.queries.map((query) => query.results.length)).toEqual([K, K, K]);
    expect(ran.queries.map((query) => query.ungradedInTopK)).toEqual([K, K, K]);

    // jacket: the first result perfect, the others irrelevant; dress: only the second good.
    const logged = (await searchesLogged(url)).length;
    await grade(call, jacket, 1, 3);
    await grade(call, jacket, 2, 0);
    const gradedJacket = await grade(call, jacket, 3, 0);
    await grade(call, dress, 1, 0);
    await grade(call, dress, 2, 2);
    const gradedDress = await grade(call, dress, 3, 0);
    expect((await searchesLogged(url)).length).toBe(logged);
    expect(gradedJacket).toMatchObject({ coverage: 1, ungradedInTopK: 0 });
    expect(gradedJacket.metrics).toEqual({ ndcg: 1, precision: 1 / 3, mrr: 1, err: 7 / 8 });
    // [0, 2, 0]: DCG = 3 / log2(3) against the ideal 3 / log2(2).
    expect(gradedDress.metrics?.ndcg).toBeCloseTo(1 / Math.log2(3), 10);
    expect(gradedDress.metrics).toMatchObject({ precision: 1 / 3, mrr: 1 / 2, err: 3 / 8 / 2 });
    expect(shoes?.metrics).toEqual({ ndcg: 0, precision: 0, mrr: 0, err: 0 });

    const second = await run(call, caseId);
    expect(second.changesSince).toEqual([]);
    expect(second.metrics?.mrr).toBeCloseTo((1 + 1 / 2 + 0) / 3, 10);

    // The perfect jacket loses "Jacket" from its title (its description still says it).
    const perfect = jacket?.results[0]?.id ?? '';
    await call('catalog:edit', {
      engine,
      type: 'product',
      origin: 'edit',
      cells: [{ id: perfect, field: 'title', value: 'Classic Leather Coat' }],
    });
    await call('sync:start', { engine });
    await until(() =>
      worker.events.find(
        (event) => event.channel === 'sync:progress' && (event.payload as SyncProgress).state !== 'running',
      ),
    );

    const third = await run(call, caseId);
    expect(third.changesSince).toMatchObject([{ kind: 'sync', summary: 'Sync: 1 item pushed' }]);
    const compared = await call<RelevanceRunCompareView>('relevance:compareRuns', {
      before: second.id,
      after: third.id,
    });
    const jacketMoves = compared.queries.find((query) => query.query === 'jacket');
    expect(jacketMoves?.moved).toContainEqual({
      id: perfect,
      title: 'Classic Leather Coat',
      rankA: 1,
      rankB: 3,
      change: 'down',
    });
    expect(jacketMoves?.before).toEqual({ ndcg: 1, precision: 1 / 3, mrr: 1, err: 7 / 8 });
    // [0, 0, 3]: the perfect result now at rank 3.
    expect(jacketMoves?.after).toEqual({ ndcg: 7 / 2 / 7, precision: 1 / 3, mrr: 1 / 3, err: 7 / 8 / 3 });
    expect(compared.queries.find((query) => query.query === 'dress')?.moved).toEqual([]);

    const runs = await call<{ runs: RelevanceRunView[] }>('relevance:runs', { caseId });
    expect(runs.runs.map((item) => item.id)).toEqual([first.id, second.id, third.id]);
    // Every run scored with today's grades: the first (graded after it ran) equals the second.
    expect(runs.runs.map((item) => item.metrics?.mrr ?? null)).toEqual([
      (1 + 1 / 2) / 3,
      (1 + 1 / 2) / 3,
      (1 / 3 + 1 / 2) / 3,
    ]);
  });

  it('sends each progress as the queries run, and shows a refused query in words while the others run', async () => {
    const { call, caseId } = await sandboxCase();
    await call<RelevanceCaseView>('relevance:saveQuery', {
      caseId,
      params: { ...defaultQueryParams('boots', K), filters: [{ kind: 'range', field: 'price' }] },
    });
    const result = await run(call, caseId);
    expect(result).toMatchObject({ state: 'completed', done: 4, total: 4 });
    expect(result.error).toMatch(/^1 of 4 queries failed: /);
    const view = await call<RelevanceCaseView>('relevance:case', { id: caseId });
    expect(view.queries.map((query) => query.error === null)).toEqual([true, true, true, false]);
    expect(view.queries[3]?.error).toMatch(/price/);
    const progress = worker.events
      .filter((event) => event.channel === 'relevance:progress')
      .map((event) => (event.payload as RelevanceRunView).done);
    expect(progress).toEqual([0, 1, 2, 3, 4, 4]);
  });
});
