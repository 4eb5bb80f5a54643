/**
 * The Search tab end to end, in browser mode against the built-in Sandbox account's Fashion
 * store: a query typed shows results with prices, a facet term filters them (and the sandbox's
 * request log shows the filter as the document spells it), query_name switches, the raw curl and
 * JSON, a click event answered OK, and a 201-character query explained next to the box without
 * a request. Screenshots, light and dark, go to test/artifacts/search-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineView } from '../../preload/contract';
import { AppSocket } from './app-socket';
import { artifacts, launchChromium, openAppPage, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: AppSocket;
let shop: EngineView;
let sandboxBase = '';

interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
}

/** The whole page: it scrolls inside the app's frame, so the window is made tall enough for a moment. */
async function shoot(name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 1000 };
  await page.setViewportSize({ width: viewport.width, height: 2000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artifacts, `search-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);
}

async function sandboxRequests(since: number): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandboxBase}/_sandbox/requests?since=${since}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

async function lastSeq(): Promise<number> {
  const all = await sandboxRequests(0);
  return all.at(-1)?.seq ?? 0;
}

/** The query string as the server read it: every name=value, with %5B%5D and + decoded. */
function decoded(query: string): string[] {
  return query
    .replace(/^\?/, '')
    .split('&')
    .map((pair) => decodeURIComponent(pair.replace(/\+/g, ' ')));
}

async function searchesSince(since: number): Promise<string[][]> {
  const requests = await sandboxRequests(since);
  return requests.filter((request) => request.path.startsWith('/5/search')).map((request) => decoded(request.query));
}

const results = () => page.getByTestId('search-results').getByTestId('search-result');
const total = async () => Number(((await page.getByTestId('search-total').textContent()) ?? '').replace(/\D/g, ''));

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  api = await AppSocket.open(app);
  const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: true });
  const engine = engines.engines.find((candidate) => candidate.name === 'Fashion store');
  if (!engine) throw new Error('The Sandbox account has no Fashion store');
  shop = engine;
  const { accounts } = await api.call<{
    accounts: { kind: string; searchUrl: string | null; managementUrl: string | null }[];
  }>('accounts:list');
  sandboxBase = accounts.find((account) => account.kind === 'sandbox')?.managementUrl ?? '';

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await openAppPage(context, app);
}, 120_000);

afterAll(async () => {
  api?.close();
  await browser?.close();
  await app?.stop();
});

describe('the Search tab, against the Sandbox account', () => {
  it('opens on a hint, then shows results with prices in the engine’s currency as a query is typed', async () => {
    await page.getByRole('link', { name: /Search/ }).click();
    await page.getByTestId('search-engine').selectOption(shop.hashid);
    await page.getByTestId('search-hint').waitFor();
    await shoot('0-empty');
    const since = await lastSeq();
    await page.getByTestId('search-query').pressSequentially('dress', { delay: 40 });
    await results().first().waitFor({ timeout: 30_000 });
    await expect(total()).resolves.toBeGreaterThan(0);
    // Fashion store sells in euros: the options' currency formats every price.
    await expect(results().first().getByTestId('search-result-price').textContent()).resolves.toMatch(/€/);
    await expect(page.getByTestId('search-answered-by').textContent()).resolves.not.toBe('unknown');
    // Typing five letters did not send five searches: the debounce waited for the word.
    const searches = await searchesSince(since);
    expect(searches.length).toBeGreaterThanOrEqual(1);
    expect(searches.length).toBeLessThan(5);
    const last = searches.at(-1) ?? [];
    expect(last).toEqual(expect.arrayContaining(['query=dress', 'page=1', 'rpp=20']));
    expect(last.some((pair) => pair.startsWith('nostats'))).toBe(true);
    await page.getByTestId('search-facets').waitFor();
  });

  it('a facet term adds a filter, narrows the results, and reaches Doofinder spelled as the document says', async () => {
    const before = await total();
    const since = await lastSeq();
    const term = page.getByTestId('search-facet-brand-term').first();
    const brand = (await term.getAttribute('data-value')) ?? '';
    const count = Number(((await term.locator('.search-facet__count').textContent()) ?? '').replace(/\D/g, ''));
    await term.click();
    await expect.poll(() => total(), { timeout: 30_000 }).toBe(count);
    expect(count).toBeLessThan(before);
    await expect(term.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('search-active-count').textContent()).resolves.toBe('1 set');
    await expect(page.getByTestId('search-filter-0-field').inputValue()).resolves.toBe('brand');
    const searches = await searchesSince(since);
    expect(searches.at(-1)).toContain(`filter[brand][]=${brand}`);
    await shoot('1-filtered');
  });

  it('switching query_name sends it and the answer says which one answered', async () => {
    const since = await lastSeq();
    await page.getByTestId('search-query-name').selectOption('match_or');
    await expect.poll(() => page.getByTestId('search-answered-by').textContent(), { timeout: 30_000 }).toBe('match_or');
    await expect.poll(async () => (await searchesSince(since)).at(-1) ?? []).toContain('query_name=match_or');
    await page.getByTestId('search-query-name').selectOption('fuzzy');
    await expect.poll(() => page.getByTestId('search-answered-by').textContent(), { timeout: 30_000 }).toBe('fuzzy');
  });

  it('shows the request as curl with the token hidden, and the raw JSON response', async () => {
    const curl = (await page.getByTestId('search-curl').textContent()) ?? '';
    expect(curl).toMatch(/^curl /);
    expect(curl).toContain('{token}');
    expect(curl).toContain('query_name=fuzzy');
    await expect(page.getByTestId('search-request-params').locator('tbody tr').count()).resolves.toBeGreaterThan(3);
    await page.getByTestId('search-json-details').locator('summary').click();
    const json = JSON.parse((await page.getByTestId('search-json').textContent()) ?? '{}') as Record<string, unknown>;
    expect(json).toHaveProperty('results');
    expect(json).toHaveProperty('query_name', 'fuzzy');
    await shoot('2-raw');
  });

  it('reveals the token in the curl command only after the user confirms', async () => {
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByTestId('search-curl-reveal').click();
    await expect(page.getByTestId('search-curl').textContent()).resolves.toContain('{token}');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('search-curl-reveal').click();
    await expect.poll(() => page.getByTestId('search-curl').textContent()).not.toContain('{token}');
    await expect(page.getByTestId('search-curl').textContent()).resolves.toMatch(/Authorization: [0-9a-f]{8,}/);
    await page.getByRole('button', { name: 'Hide token' }).click();
    await expect(page.getByTestId('search-curl').textContent()).resolves.toContain('{token}');
  });

  it('a click event on a result is sent with its dfid and answered OK', async () => {
    const since = await lastSeq();
    await results().first().getByTestId('search-event-click').click();
    const entry = page.getByTestId('search-event-entry').first();
    await entry.waitFor({ timeout: 30_000 });
    await expect(entry.getAttribute('data-kind')).resolves.toBe('click');
    await expect(entry.locator('.pill').textContent()).resolves.toBe('200');
    await expect(entry.textContent()).resolves.toMatch(/OK/i);
    const clicks = (await sandboxRequests(since)).filter((request) => request.path.startsWith('/5/stats/click'));
    expect(clicks).toHaveLength(1);
    expect(decoded(clicks[0]?.query ?? '').some((pair) => /^dfid=.+@product@/.test(pair))).toBe(true);
    await shoot('3-event');
  });

  it('keys: / goes to the query, arrows move through results, Enter shows every field, C sends a click', async () => {
    await page.getByTestId('search-summary').click();
    await page.keyboard.press('/');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await expect(focused()).resolves.toBe('search-query');
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe('search-result');
    await page.keyboard.press('ArrowDown');
    const second = results().nth(1);
    await expect(second.getAttribute('aria-current')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    const raw = JSON.parse((await second.locator('pre').textContent()) ?? '{}') as Record<string, unknown>;
    expect(raw).toHaveProperty('id', await second.getAttribute('data-id'));
    const before = await page.getByTestId('search-event-entry').count();
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('search-event-entry').count()).toBe(before + 1);
    await expect(page.getByTestId('search-event-entry').first().getAttribute('data-kind')).resolves.toBe('click');
  });

  it('a field picked in the column chooser shows on every result and is remembered', async () => {
    await page.getByTestId('search-columns').click();
    await page.getByRole('checkbox', { name: 'color', exact: true }).check();
    await page.getByTestId('search-columns').click();
    await expect(results().first().locator('dt').allTextContents()).resolves.toEqual(['color']);
    const memory = await page.evaluate(() => localStorage.getItem('catalog-studio.search.last') ?? '');
    expect(JSON.parse(memory)).toMatchObject({ engine: shop.hashid, columns: { [shop.hashid]: ['color'] } });
    await shoot('3b-columns');
  });

  it('Compare and Relevance cases are tabs of the page, and the Search tab keeps its query meanwhile', async () => {
    await page.getByTestId('search-tab-compare').click();
    await page.getByTestId('compare-tab').waitFor();
    await page.getByTestId('search-tab-compare').press('ArrowRight');
    await expect(page.getByTestId('search-tab-cases').getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByTestId('search-tab-search').click();
    await expect(page.getByTestId('search-query').inputValue()).resolves.toBe('dress');
    await expect(results().count()).resolves.toBeGreaterThan(0);
  });

  it('rpp × page past the 1,000th result is explained next to the page, and nothing is sent', async () => {
    const since = await lastSeq();
    await page.getByTestId('search-rpp').fill('100');
    await page.getByTestId('search-page').fill('11');
    await expect(page.getByTestId('search-paging-error').textContent()).resolves.toMatch(/the last page is 10\./);
    await page.getByTestId('search-page').fill('1');
    await expect(page.getByTestId('search-paging-error').count()).resolves.toBe(0);
    await expect.poll(async () => (await searchesSince(since)).at(-1) ?? []).toContain('rpp=100');
    expect((await searchesSince(since)).some((search) => search.includes('page=11'))).toBe(false);
  });

  it('a 201-character query is explained next to the query box, and not sent', async () => {
    await expect.poll(() => page.getByTestId('search-query').getAttribute('aria-invalid')).toBe('false');
    const since = await lastSeq();
    await page.getByTestId('search-query').fill('a'.repeat(201));
    await expect(page.getByTestId('search-query-error').textContent()).resolves.toBe(
      'Doofinder takes queries of at most 200 characters; this one has 201.',
    );
    await page.getByTestId('search-query').press('Enter');
    await shoot('4-too-long');
    expect(await searchesSince(since)).toEqual([]);
    await page.getByTestId('search-query').press('Escape');
    await expect(page.getByTestId('search-query').inputValue()).resolves.toBe('');
  });

  it('a filter Doofinder refuses is explained on its own row', async () => {
    await page.getByTestId('search-query').fill('dress');
    await results().first().waitFor({ timeout: 30_000 });
    await page.getByTestId('search-filter-add').click();
    await page.getByLabel('Filter 2: kind').selectOption('geo');
    await page.getByTestId('search-filter-1-field').selectOption('color');
    await page.getByLabel('Filter 2: point').fill('40,-70');
    await page.getByLabel('Filter 2: distance').fill('5km');
    const row = page.getByTestId('search-filter-1');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/not a geo field/);
    await expect(page.getByTestId('search-error').count()).resolves.toBe(0);
    await shoot('5-bad-filter');
    await page.getByLabel('Remove Filter 2').click();
    await expect.poll(() => page.getByTestId('search-filter-0').textContent()).not.toMatch(/not a geo field/);
    await expect(page.getByTestId('search-filter-1').count()).resolves.toBe(0);
  });

  it('a search that cannot reach Doofinder says so with Retry, and Retry searches again', async () => {
    await api.sandboxControl('/_sandbox/faults', { rules: [{ path: '^/5/search', drop: 1 }] });
    try {
      await page.getByTestId('search-query').fill('shirt');
      await page.getByTestId('search-error').waitFor({ timeout: 60_000 });
      await expect(page.getByTestId('search-error').textContent()).resolves.toMatch(/could not be reached/);
      await shoot('6-unreachable');
    } finally {
      await api.sandboxControl('/_sandbox/faults', undefined, 'DELETE');
    }
    const since = await lastSeq();
    await page.getByTestId('search-retry').click();
    await expect.poll(() => page.getByTestId('search-error').count(), { timeout: 30_000 }).toBe(0);
    const answered = (await sandboxRequests(since)).filter((request) => request.path.startsWith('/5/search'));
    expect(answered.map((request) => request.status)).toEqual([200]);
    expect(decoded(answered[0]?.query ?? '')).toContain('query=shirt');
    await expect(page.getByTestId('search-summary').getAttribute('class')).resolves.not.toMatch(/stale/);
  }, 90_000);

  it('on a shop with store locations, the panel’s geo filter, range exclusion, sorts, transformer and type reach Doofinder as the document spells them', async () => {
    const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: false });
    const outdoor = engines.engines.find((candidate) => candidate.name === 'Outdoor shop');
    if (!outdoor) throw new Error('The Sandbox account has no Outdoor shop');
    await page.getByTestId('search-engine').selectOption(outdoor.hashid);
    await page.getByTestId('search-query').fill('jacket');
    await results().first().waitFor({ timeout: 30_000 });
    const section = (title: string) =>
      page.getByTestId('search-params').locator('.search-section > summary', { hasText: title });
    await page.getByTestId('search-transformer').selectOption('basic');
    await page.getByTestId('search-type-product').check();
    await section('Filters').click();
    await page.getByTestId('search-filter-add').click();
    await page.getByLabel('Filter 1: kind').selectOption('geo');
    await expect(page.getByTestId('search-filter-0-field').inputValue()).resolves.toBe('location');
    await page.getByLabel('Filter 1: point').fill('40.4, -3.7');
    await page.getByLabel('Filter 1: distance').fill('20000km');
    await section('Exclusions').click();
    await page.getByTestId('search-exclude-add').click();
    await page.getByLabel('Exclusion 1: kind').selectOption('range');
    await page.getByTestId('search-exclude-0-field').selectOption('price');
    await page.getByLabel('Exclusion 1: lower bound operator').selectOption('gt');
    await page.getByLabel('Exclusion 1: lower bound', { exact: true }).fill('500');
    await section('Sort').click();
    await page.getByTestId('search-sort-add').click();
    await page.getByLabel('Sort 1: by').selectOption('score');
    await page.getByTestId('search-sort-add').click();
    await page.getByLabel('Sort 2: by').selectOption('geo');
    await page.getByLabel('Sort 2: point').fill('40.4,-3.7');
    const since = await lastSeq();
    await page.getByTestId('search-query').press('Enter');
    await expect
      .poll(async () => (await searchesSince(since)).at(-1) ?? [], { timeout: 30_000 })
      .toEqual([
        `hashid=${outdoor.hashid}`,
        'query=jacket',
        'page=1',
        'rpp=20',
        'transformer=basic',
        'type=product',
        'filter[geo_distance][][distance]=20000km',
        'filter[geo_distance][][location]=40.4,-3.7',
        'exclude[price][][gt]=500',
        'sort[0][dfscore]=desc',
        'sort[1][_geo_distance][location]=40.4,-3.7',
        'sort[1][_geo_distance][order]=asc',
        'nostats=true',
      ]);
    await expect.poll(() => page.getByTestId('search-summary').getAttribute('class')).not.toMatch(/stale/);
    await expect(page.getByTestId('search-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('search-active-count').textContent()).resolves.toBe('6 set');
    await shoot('7-geo');
  });
});
