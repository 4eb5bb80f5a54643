/**
 * A relevance service on a local account with a stand-in for the search tester's search: each
 * query answers the ids the test sets, or fails, or waits until the test lets it go. No
 * network: the sandbox tests cover the real search.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  EventChannel,
  EventPayload,
  RelevanceRunView,
  SearchParamsView,
  SearchResultView,
} from '../../../../preload/contract';
import { AppError } from '../../../../main/errors';
import { AccountService } from '../../../../main/worker/accounts/service';
import type { Searcher } from '../../../../main/worker/relevance/case-runner';
import { RelevanceService } from '../../../../main/worker/relevance/relevance-service';
import { defaultQueryParams } from '../../../../main/worker/relevance/default-params';
import { Databases } from '../../../../main/worker/store/databases';

const KEY = 'eu1-0123456789abcdef0123456789abcdef';
export const ENGINE = 'e1';

export const result = (id: string, rank: number): SearchResultView => ({
  rank,
  id,
  dfid: `${ENGINE}@product@${id}`,
  type: 'product',
  title: `Title ${id}`,
  price: 10,
  salePrice: null,
  image: null,
  link: null,
  score: 1 / rank,
  fields: { title: `Title ${id}` },
});

type Answer = string[] | Error | Promise<string[]>;

export async function relevanceWorld() {
  const dbs = new Databases(mkdtempSync(join(tmpdir(), 'cs-relevance-')));
  const progress: RelevanceRunView[] = [];
  const emit = <K extends EventChannel>(channel: K, payload: EventPayload<K>) => {
    if (channel === 'relevance:progress') progress.push(payload as RelevanceRunView);
  };
  const accounts = new AccountService(dbs, emit);
  await accounts.start(null);
  accounts.create({ id: 'shop', name: 'Shop', apiKey: KEY, managementUrl: null, searchUrl: null });
  const answers = new Map<string, Answer>();
  const searched: SearchParamsView[] = [];
  const search: Searcher = async ({ params }) => {
    searched.push(params);
    const answer = answers.get(params.query) ?? [];
    if (answer instanceof Error) throw answer;
    const ids = await answer;
    return { results: ids.map((id, index) => result(id, index + 1)) };
  };
  const relevance = new RelevanceService(dbs, accounts, emit, search);
  const db = dbs.account('shop');
  return {
    dbs,
    db,
    relevance,
    /** The service as a worker started again on the same data makes it. */
    restarted: () => new RelevanceService(dbs, accounts, emit, search),
    progress,
    searched,
    /** What each query answers from now on. */
    answer(query: string, ids: Answer) {
      answers.set(query, ids);
    },
    failing(query: string, message: string) {
      answers.set(query, new AppError('doofinder_error', message, { status: 400 }));
    },
    /** A case on ENGINE with these queries (default parameters). */
    makeCase(queries: string[], options: { k?: number; threshold?: number } = {}) {
      const k = options.k ?? 10;
      let view = relevance.saveCase({ name: 'Case', engine: ENGINE, k, threshold: options.threshold ?? 1 });
      for (const query of queries)
        view = relevance.saveQuery({ caseId: view.id, params: defaultQueryParams(query, k) });
      return view;
    },
  };
}

export const queryId = (view: { queries: Array<{ id: number; query: string }> }, query: string): number => {
  const found = view.queries.find((item) => item.query === query);
  if (!found) throw new Error(`no query ${query}`);
  return found.id;
};
