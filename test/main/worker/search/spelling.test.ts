/**
 * Every Search v5 parameter reaches Doofinder as search-api-v5.md spells it: checked on the
 * query string the sandbox logged, brackets escaped as the document asks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswerView, SearchParamsView } from '../../../../preload/contract';
import { escaped, lastSearchQuery, loggedRequests, params, searchWorker, type SearchApp } from './search-fixture';

const fixture = searchWorker();
let app: SearchApp;

beforeAll(async () => {
  app = await fixture.boot();
  return () => fixture.worker.reset();
});

async function sent(overrides: Partial<SearchParamsView>, engine = app.fashion): Promise<string> {
  await app.call<SearchAnswerView>('search:run', { engine, params: params(overrides) });
  return lastSearchQuery(app.url);
}

describe('the search request', () => {
  it('sends hashid, query, page and rpp in that order, with nostats', async () => {
    expect(await sent({ query: 'red dress', page: 2, rpp: 20 })).toBe(
      `hashid=${app.fashion}&query=red%20dress&page=2&rpp=20&nostats=true`,
    );
  });

  it('leaves nostats out when the switch is off, so the search counts in the stats', async () => {
    expect(await sent({ query: 'dress', nostats: false })).toBe(`hashid=${app.fashion}&query=dress&page=1&rpp=10`);
  });

  it('sends the transformer only when one is chosen', async () => {
    expect(await sent({ transformer: 'basic' })).toContain('&transformer=basic&');
    expect(await sent({ transformer: 'onlyid' })).toContain('&transformer=onlyid&');
    expect(await sent({ transformer: 'none' })).not.toContain('transformer');
  });

  it('sends one type as type=, several as type[]=', async () => {
    expect(await sent({ types: ['product'] })).toContain('&type=product&');
    expect(await sent({ types: ['product', 'page'] })).toContain(escaped('&type[]=product&type[]=page&'));
  });

  it('sends query_name when one is chosen, and the answer says which one answered', async () => {
    await app.call('search:run', { engine: app.fashion, params: params({ query: 'dress', queryName: 'fuzzy' }) });
    expect(await lastSearchQuery(app.url)).toContain('&query_name=fuzzy&');
    const answer = await app.call<SearchAnswerView>('search:run', {
      engine: app.fashion,
      params: params({ query: 'dress', queryName: 'match_or' }),
    });
    expect(answer.queryName).toBe('match_or');
  });

  it('sends terms filters as filter[field][]=value, several fields and values', async () => {
    const query = await sent({
      filters: [
        { kind: 'terms', field: 'color', values: ['blue', 'red'] },
        { kind: 'terms', field: 'size', values: ['M'] },
      ],
    });
    expect(query).toContain(escaped('filter[color][]=blue&filter[color][]=red&filter[size][]=M'));
  });

  it('sends ranges in the nested form of the document, filter[price][][gte]=4.36', async () => {
    const query = await sent({ filters: [{ kind: 'range', field: 'price', gte: 4.36, lt: 99 }] });
    expect(query).toContain(escaped('filter[price][][gte]=4.36&filter[price][][lt]=99'));
    const both = await sent({ filters: [{ kind: 'range', field: 'price', gt: 1, lte: '20' }] });
    expect(both).toContain(escaped('filter[price][][gt]=1&filter[price][][lte]=20'));
  });

  it('sends a geo distance filter with its distance and the geo field holding the point', async () => {
    const query = await sent(
      { filters: [{ kind: 'geo', field: 'location', point: '40, -110', distance: '2000km' }] },
      app.outdoor,
    );
    expect(query).toContain(
      escaped('filter[geo_distance][][distance]=2000km&filter[geo_distance][][location]=40,-110'),
    );
  });

  it('sends exclusions under exclude[...], including ranges and geo', async () => {
    const query = await sent(
      {
        excludes: [
          { kind: 'terms', field: 'brand', values: ['Acme'] },
          { kind: 'range', field: 'price', gte: 500 },
          { kind: 'geo', field: 'location', point: '40,-110', distance: '10km' },
        ],
      },
      app.outdoor,
    );
    expect(query).toContain(
      escaped(
        'exclude[brand][]=Acme&exclude[price][][gte]=500&exclude[geo_distance][][distance]=10km&exclude[geo_distance][][location]=40,-110',
      ),
    );
  });

  it('sends filter_execution and exclude_execution only when set to and, each after its clauses', async () => {
    const query = await sent({
      filters: [{ kind: 'terms', field: 'color', values: ['blue'] }],
      filterExecution: 'and',
      excludes: [{ kind: 'terms', field: 'color', values: ['red'] }],
      excludeExecution: 'and',
    });
    expect(query).toContain(
      escaped('filter[color][]=blue&filter_execution=and&exclude[color][]=red&exclude_execution=and'),
    );
    expect(await sent({ filterExecution: 'or', excludeExecution: 'or' })).not.toContain('execution');
  });

  it('sends sorts by field and by dfscore with their position, sort[0][price]=asc&sort[1][dfscore]=desc', async () => {
    const query = await sent({
      sort: [
        { kind: 'field', field: 'price', order: 'asc' },
        { kind: 'score', order: 'desc' },
      ],
    });
    expect(query).toContain(escaped('sort[0][price]=asc&sort[1][dfscore]=desc'));
  });

  it('sends a geo sort as the document writes it, and with a position when other sorts come first', async () => {
    const alone = await sent(
      { sort: [{ kind: 'geo', field: 'location', point: '40,-110', order: 'asc' }] },
      app.outdoor,
    );
    expect(alone).toContain(escaped('sort[_geo_distance][location]=40,-110&sort[_geo_distance][order]=asc'));
    const second = await sent(
      {
        sort: [
          { kind: 'field', field: 'price', order: 'desc' },
          { kind: 'geo', field: 'location', point: '40,-110', order: 'asc' },
        ],
      },
      app.outdoor,
    );
    expect(second).toContain(
      escaped('sort[0][price]=desc&sort[1][_geo_distance][location]=40,-110&sort[1][_geo_distance][order]=asc'),
    );
  });

  it('sends the bare token in the Authorization header, as the search document shows it', async () => {
    await sent({ query: 'shirt' });
    const last = (await loggedRequests(app.url, '/5/search')).at(-1);
    expect(last?.authorization).toMatch(/^\*+\w{4}$/);
    expect(last?.status).toBe(200);
  });
});
