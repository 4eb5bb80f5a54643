/**
 * Search API v5 (search-api-v5.md): `/5/search` (GET, and POST {"items": [dfid, …]} for
 * the npm client's getItems), `/5/options/{hashid}` and `/5/stats/*`. Authorized like
 * Doofinder (token, `Token {token}`, or an allowed browser Origin) and never rate limited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { searchEngineAccess } from '../http/auth';
import { bodyOf } from '../http/body';
import { recordEvent } from '../stats/events';
import type { Engine } from '../store/records';
import { optionsOf } from './options';
import { isRecord } from './qs-shapes';
import { itemsByDfid, runSearch } from './search';
import { searchError } from './search-error';
import { MAX_RESULTS, parseSearchParams, single, transformerOf } from './search-params';
import { registerStatsRoutes } from './stats-routes';

type Query = Record<string, unknown>;

function searchedEngine(ctx: SandboxContext, request: FastifyRequest): { engine: Engine; query: Query } {
  const query = request.query as Query;
  const hashid = single(query, 'hashid');
  if (!hashid) throw searchError('hashid is mandatory: the id of the search engine to search in.');
  return { engine: searchEngineAccess(ctx, request, hashid), query };
}

function requestedDfids(request: FastifyRequest): string[] {
  const body = bodyOf(request);
  const items = body.kind === 'json' && isRecord(body.value) ? body.value.items : undefined;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
    throw searchError('POST /5/search takes a JSON body {"items": ["<dfid>", ...]}.');
  }
  if (items.length > MAX_RESULTS) throw searchError(`At most ${MAX_RESULTS} items can be fetched at once.`);
  return items;
}

export function registerSearchRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/search', (request) => {
    const { engine, query } = searchedEngine(ctx, request);
    const params = parseSearchParams(query, engine);
    const answer = runSearch(ctx, engine, params);
    if (!params.nostats) {
      recordEvent(ctx, {
        engineId: engine.id,
        kind: 'query',
        term: params.query,
        total: answer.totalFound,
        queryName: answer.queryName,
        sessionId: params.sessionId,
        // Management stats count a "search" when one starts; later pages of it are only queries.
        detail: params.queryCounter === null || params.queryCounter === 1 ? 'new' : null,
      });
    }
    return answer.body;
  });

  app.post('/search', (request) => {
    const { engine, query } = searchedEngine(ctx, request);
    return itemsByDfid(ctx, engine, requestedDfids(request), transformerOf(query));
  });

  app.get('/options/:hashid', (request) => {
    const { hashid } = request.params as { hashid: string };
    return optionsOf(searchEngineAccess(ctx, request, hashid));
  });

  registerStatsRoutes(app, ctx);
}
