/**
 * The search tester's worker side: one search as the user set it (checked against the
 * document's limits first, sent once at interactive priority, never retried), the engine's
 * options and fields, the curl command, a side-by-side comparison and tracking events.
 * Relevance runs use `search` too, with their own priority.
 */
import type {
  EnginesSnapshot,
  FieldInfo,
  Handler,
  SearchAnswerView,
  SearchCompareView,
  SearchEventAnswer,
  SearchOptionsView,
  SearchParamsView,
} from '../../../preload/contract';
import { AppError } from '../../errors';
import type { DoofinderClient } from '../doofinder/client';
import type { Priority } from '../doofinder/rate-limiter';
import type { Profile } from '../store/profiles';
import { answerView } from './answer-view';
import { rankChanges, similarity } from './compare';
import { curlOf, requestView, urlOf } from './curl';
import { bodyText, eventRequest } from './events';
import { Lanes } from './lanes';
import { facetLabels, optionsParts } from './options-view';
import { checkLimits } from './param-limits';
import { sampleFields } from './sample-fields';
import { searchFailure } from './search-errors';
import { queryString, spellParams, type QueryPairs } from './spell-params';

type SearchChannel = 'search:run' | 'search:options' | 'search:curl' | 'search:compare' | 'search:event';
type InputOf<K extends SearchChannel> = Parameters<Handler<K>>[0];

export interface SearchAccounts {
  requireCurrent(): Profile;
  client(profile: Profile): DoofinderClient;
}
export interface SearchEngines {
  snapshot(): EnginesSnapshot;
}
export interface SearchCatalog {
  fields(engine: string, type: string): FieldInfo[];
}

export interface SearchCall {
  priority: Priority;
  signal?: AbortSignal;
}

/** Options change when someone edits the engine's settings: minutes, not seconds. */
const OPTIONS_TTL_MS = 5 * 60_000;
/** Results read to learn an unmirrored engine's fields. */
const SAMPLE_RPP = 20;

const SEARCH_PATH = '/5/search';

export class SearchService {
  private readonly lanes = new Lanes();
  private readonly optionsCache = new Map<string, { at: number; raw: unknown }>();

  constructor(
    private readonly accounts: SearchAccounts,
    private readonly engines: SearchEngines,
    private readonly catalog: SearchCatalog,
    private readonly now: () => number = Date.now,
  ) {}

  async run({ engine, params, lane }: InputOf<'search:run'>): Promise<SearchAnswerView> {
    const { signal, close } = this.lanes.open(lane);
    try {
      return await this.search(engine, params, { priority: 'interactive', signal });
    } finally {
      close();
    }
  }

  /** One search, checked and sent once; failures come back as AppErrors in words. */
  async search(engine: string, params: SearchParamsView, call: SearchCall): Promise<SearchAnswerView> {
    checkLimits(params);
    const client = this.clientNow();
    try {
      const labels = facetLabels(await this.cachedOptionsParts(client, engine, call).catch(() => null));
      const pairs = spellParams(engine, params);
      const started = performance.now();
      const response = await client.request({
        api: 'search',
        method: 'GET',
        path: `${SEARCH_PATH}?${queryString(pairs)}`,
        priority: call.priority,
        signal: call.signal,
        retry: false,
      });
      const tookMs = Math.round(performance.now() - started);
      return answerView(response.body, {
        request: requestView(client.endpoint.search, SEARCH_PATH, pairs),
        status: response.status,
        tookMs,
        page: params.page,
        rpp: params.rpp,
        labels,
      });
    } catch (error) {
      throw searchFailure(error, 'the search', call.signal, params);
    }
  }

  async options({ engine }: InputOf<'search:options'>): Promise<SearchOptionsView> {
    const view = this.engineView(engine);
    const client = this.clientNow();
    const call: SearchCall = { priority: 'interactive' };
    let raw: unknown;
    try {
      raw = await this.fetchOptions(client, engine, call);
    } catch (error) {
      throw searchFailure(error, "the engine's options", undefined);
    }
    const parts = optionsParts(raw, view.currency || null);
    const types = view.types.map((type) => type.name);
    const mirrored = this.mirroredFields(engine, types);
    const sampled = mirrored.length > 0 ? null : await this.sample(client, engine, call);
    const geoFields = [...new Set([...parts.geoFields, ...(sampled?.geoFields ?? [])])];
    return { engine, ...parts, fields: sampled?.fields ?? mirrored, geoFields, types, raw };
  }

  curl({ engine, params, reveal }: InputOf<'search:curl'>): { curl: string } {
    const client = this.clientNow();
    const url = urlOf(client.endpoint.search, SEARCH_PATH, spellParams(engine, params));
    return { curl: curlOf(url, reveal ? client.endpoint.token : null) };
  }

  /** A then B, one at a time (both interactive): the comparison is of the same moment. */
  async compare({ a, b, k, p }: InputOf<'search:compare'>): Promise<SearchCompareView> {
    checkLimits(a.params);
    checkLimits(b.params);
    const left = await this.search(a.engine, a.params, { priority: 'interactive' });
    const right = await this.search(b.engine, b.params, { priority: 'interactive' });
    return {
      a: left,
      b: right,
      changes: rankChanges(left.results, right.results, k),
      k,
      ...similarity(left, right, k, p),
      p,
    };
  }

  async event(input: InputOf<'search:event'>): Promise<SearchEventAnswer> {
    this.engineView(input.engine);
    const client = this.clientNow();
    const request = eventRequest(input.engine, input, String(Math.floor(Math.random() * 1e12)));
    const call = { priority: 'interactive' as const, retry: false, idempotent: false };
    try {
      if (request.api === 'stats') {
        const response = await client.request({
          ...call,
          api: 'stats',
          method: 'POST',
          path: request.path,
          body: request.body,
        });
        return {
          kind: input.kind,
          status: response.status,
          body: bodyText(response.body),
          request: requestView(client.endpoint.management, request.path, [], { body: request.body }),
        };
      }
      const response = await client.request({
        ...call,
        api: 'search',
        method: 'GET',
        path: `${request.path}?${queryString(request.pairs)}`,
      });
      return {
        kind: input.kind,
        status: response.status,
        body: bodyText(response.body),
        request: requestView(client.endpoint.search, request.path, request.pairs),
      };
    } catch (error) {
      throw searchFailure(error, `the ${input.kind} event`);
    }
  }

  stop(): void {
    this.lanes.cancelAll();
  }

  private clientNow(): DoofinderClient {
    return this.accounts.client(this.accounts.requireCurrent());
  }

  private engineView(hashid: string) {
    const view = this.engines.snapshot().engines.find((engine) => engine.hashid === hashid);
    if (!view)
      throw new AppError('not_found', `There is no search engine ${hashid} in this account.`, { field: 'engine' });
    return view;
  }

  private cacheKey(client: DoofinderClient, engine: string): string {
    return `${client.endpoint.search}\u0000${engine}`;
  }

  private async fetchOptions(client: DoofinderClient, engine: string, call: SearchCall): Promise<unknown> {
    const response = await client.request({
      api: 'search',
      method: 'GET',
      path: `/5/options/${encodeURIComponent(engine)}`,
      priority: call.priority,
      signal: call.signal,
      retry: false,
    });
    this.optionsCache.set(this.cacheKey(client, engine), { at: this.now(), raw: response.body });
    return response.body;
  }

  private async cachedOptionsParts(client: DoofinderClient, engine: string, call: SearchCall) {
    const cached = this.optionsCache.get(this.cacheKey(client, engine));
    const raw =
      cached && this.now() - cached.at < OPTIONS_TTL_MS ? cached.raw : await this.fetchOptions(client, engine, call);
    return optionsParts(raw, null);
  }

  private mirroredFields(engine: string, types: string[]): Array<{ name: string; kind: FieldInfo['kind'] }> {
    const byName = new Map<string, FieldInfo['kind']>();
    for (const type of types) {
      let fields: FieldInfo[] = [];
      try {
        fields = this.catalog.fields(engine, type);
      } catch {
        // Not mirrored, or no account open: the sample search answers instead.
      }
      // A type never mirrored still lists `id`, with no item behind it.
      for (const field of fields) if (field.count > 0 && !byName.has(field.name)) byName.set(field.name, field.kind);
    }
    return [...byName].map(([name, kind]) => ({ name, kind }));
  }

  /** A few results without a transformer (every indexed field), not counted in the shop's stats. */
  private async sample(client: DoofinderClient, engine: string, call: SearchCall) {
    const pairs: QueryPairs = [
      ['hashid', engine],
      ['query', ''],
      ['rpp', String(SAMPLE_RPP)],
      ['nostats', 'true'],
    ];
    try {
      const response = await client.request<{ results?: Array<Record<string, unknown>> }>({
        api: 'search',
        method: 'GET',
        path: `${SEARCH_PATH}?${queryString(pairs)}`,
        priority: call.priority,
        retry: false,
      });
      return sampleFields(response.body.results ?? []);
    } catch {
      // The fields are a convenience: options still show without them.
      return { fields: [], geoFields: [] };
    }
  }
}
