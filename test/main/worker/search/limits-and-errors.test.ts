/**
 * What the tester refuses before sending (the document's limits, named by field) and how a
 * server's refusal reads: in words, with its status and, when it names one, the field.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchAnswerView, SearchParamsView } from '../../../../preload/contract';
import { DoofinderClient } from '../../../../main/worker/doofinder/client';
import { SearchService } from '../../../../main/worker/search/search-service';
import { control, loggedRequests, params, searchWorker, type SearchApp } from './search-fixture';

const fixture = searchWorker();
let app: SearchApp;

beforeAll(async () => {
  app = await fixture.boot();
  return () => fixture.worker.reset();
});
afterEach(async () => {
  await control(app.url, 'DELETE', '/faults');
});

const run = (overrides: Partial<SearchParamsView>, lane?: string) =>
  app.call<SearchAnswerView>('search:run', {
    engine: app.fashion,
    params: params(overrides),
    ...(lane ? { lane } : {}),
  });

async function searchesSent(): Promise<number> {
  return (await loggedRequests(app.url, '/5/search')).length;
}

describe('limits checked before sending', () => {
  it.each([
    ['a query over 200 characters', { query: 'x'.repeat(201) }, 'query', /201 characters.*at most 200/],
    ['more than 100 results per page', { rpp: 101 }, 'rpp', /at most 100/],
    ['a page past the 1,000th result', { rpp: 50, page: 21 }, 'page', /last page is 20/],
    ['a range with no bound', { filters: [{ kind: 'range' as const, field: 'price' }] }, 'filters', /no bound/],
    [
      'a distance filter without a distance',
      { filters: [{ kind: 'geo' as const, field: 'location', point: '40,-70', distance: '' }] },
      'filters',
      /distance and a point/,
    ],
    [
      'a distance filter with a malformed point',
      { excludes: [{ kind: 'geo' as const, field: 'location', point: '40;-70', distance: '5km' }] },
      'excludes',
      /not a position/,
    ],
    [
      'a geo sort with a latitude out of range',
      { sort: [{ kind: 'geo' as const, field: 'location', point: '95,10', order: 'asc' as const }] },
      'sort',
      /latitude 95 is out of range/,
    ],
  ])('refuses %s, naming the field, and sends nothing', async (_what, overrides, field, message) => {
    const before = await searchesSent();
    await expect(run(overrides)).rejects.toMatchObject({ code: 'invalid_input', message, details: { field } });
    expect(await searchesSent()).toBe(before);
  });

  it('lets the 1,000th result through: rpp 100 on page 10', async () => {
    const answer = await run({ rpp: 100, page: 10 });
    expect(answer.page).toBe(10);
  });
});

describe('refusals from the server', () => {
  it('shows a bad filter with its status, the server’s words, the field and its row', async () => {
    const refusal = run({
      filters: [
        { kind: 'terms', field: 'color', values: ['blue'] },
        { kind: 'geo', field: 'location', point: '40,-70', distance: '5km' },
      ],
    });
    await expect(refusal).rejects.toMatchObject({
      code: 'doofinder_error',
      message: expect.stringMatching(/\(400\).*"location" is not a geo field/) as unknown,
      details: { status: 400, field: 'filters', index: 1 },
    });
  });

  it('names the sort a server refuses', async () => {
    const refusal = run({
      sort: [
        { kind: 'score', order: 'desc' },
        { kind: 'geo', field: 'location', point: '40,-70', order: 'asc' },
      ],
    });
    await expect(refusal).rejects.toMatchObject({ details: { status: 400, field: 'sort', index: 1 } });
  });

  it('shows a refused key as a 401, once, without stopping the account', async () => {
    const real = app.runtime.accounts.client(app.runtime.accounts.requireCurrent());
    const wrongKey = new DoofinderClient({ ...real.endpoint, token: 'wrongwrongwrongwrong' });
    const service = new SearchService(
      { requireCurrent: () => app.runtime.accounts.requireCurrent(), client: () => wrongKey },
      app.runtime.engines,
      app.runtime.catalog,
    );
    const before = await searchesSent();
    await expect(service.search(app.fashion, params(), { priority: 'interactive' })).rejects.toMatchObject({
      code: 'auth_failed',
      message: expect.stringMatching(/refused the API key.*401.*Invalid token/) as unknown,
      details: { status: 401 },
    });
    expect(await searchesSent()).toBe(before + 1);
    await expect(run({ query: 'shirt' })).resolves.toMatchObject({ status: 200 });
  });

  it('shows a 429 as it came, without waiting it out or sending again', async () => {
    await control(app.url, 'POST', '/faults', { rules: [{ path: '^/5/search', status429: 1 }] });
    const before = await searchesSent();
    await expect(run({ query: 'dress' })).rejects.toMatchObject({ details: { status: 429 } });
    expect(await searchesSent()).toBe(before + 1);
  });

  it('shows a server error once, not retried', async () => {
    await control(app.url, 'POST', '/faults', { rules: [{ path: '^/5/search', error5xx: 1 }] });
    const before = await searchesSent();
    await expect(run({ query: 'dress' })).rejects.toMatchObject({
      code: 'doofinder_error',
      details: { kind: 'server' },
    });
    expect(await searchesSent()).toBe(before + 1);
  });

  it('says an unknown engine is not found', async () => {
    await expect(
      app.call('search:run', { engine: 'ffffffffffffffffffffffffffffffff', params: params() }),
    ).rejects.toMatchObject({ code: 'not_found', details: { status: 404 } });
  });
});

describe('search as you type', () => {
  it('cancels the older search of a lane when a newer one starts; other lanes go on', async () => {
    await control(app.url, 'POST', '/faults', { rules: [{ path: '^/5/search', latencyMs: 200 }] });
    const older = run({ query: 'dre' }, 'typing');
    const other = run({ query: 'dre' }, 'compare');
    const newer = run({ query: 'dress' }, 'typing');
    await expect(older).rejects.toMatchObject({ code: 'cancelled' });
    await expect(newer).resolves.toMatchObject({ status: 200 });
    await expect(other).resolves.toMatchObject({ status: 200 });
  });
});
