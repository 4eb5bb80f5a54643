/**
 * Compare and Relevance cases end to end, in browser mode against the built-in Sandbox
 * account's Fashion store: two query_name values (match_and, fuzzy) compared for one query (marks, Jaccard and
 * RBO as the worker computes them), then the same query with and without a brand filter built in
 * B's parameter panel (only B's request carries it, per the sandbox's request log), and a limit
 * broken on B holding the comparison back, and a filter Doofinder refuses explained on B's row; a case of three queries created, run, graded with the
 * keyboard, run again as a baseline; then a catalog change (a result's title edited and
 * synced) and a third run that shows the metric drop and the sync as the cause. Screenshots,
 * light and dark, go to test/artifacts/compare-*.png and relevance-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EngineView,
  RelevanceCaseSummary,
  RelevanceCaseView,
  SearchCompareView,
  SearchParamsView,
  SyncProgress,
} from '../../preload/contract';
import { defaultParams } from '../../renderer/pages/search/compare/default-params';
import { AppSocket } from './app-socket';
import { artifacts, launchChromium, openAppPage, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: AppSocket;
let fashion: EngineView;

const QUERIES = ['wrap dress', 'chelsea boots', 'linen shirt'];
const K = 10;

/** The whole page: it scrolls inside the app's frame, so the window is made tall enough for a moment. */
async function shoot(name: string, height = 1900): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 1000 };
  await page.setViewportSize({ width: viewport.width, height });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artifacts, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);
}

/** The tester's starting parameters (what the Compare tab sends) with a change. */
function params(query: string, change: Partial<SearchParamsView> = {}): SearchParamsView {
  return { ...defaultParams(query), ...change };
}

interface LoggedRequest {
  seq: number;
  path: string;
  query: string;
}

/** The sandbox's request log since `since`: each search's query string as the server read it. */
async function searchesSince(since: number): Promise<string[][]> {
  const response = await fetch(`${await api.sandboxUrl()}/_sandbox/requests?since=${since}`);
  const { requests } = (await response.json()) as { requests: LoggedRequest[] };
  return requests
    .filter((request) => request.path.startsWith('/5/search'))
    .map((request) =>
      request.query
        .replace(/^\?/, '')
        .split('&')
        .map((pair) => decodeURIComponent(pair.replace(/\+/g, ' '))),
    );
}

async function lastSeq(): Promise<number> {
  const response = await fetch(`${await api.sandboxUrl()}/_sandbox/requests?since=0`);
  const { requests } = (await response.json()) as { requests: LoggedRequest[] };
  return requests.at(-1)?.seq ?? 0;
}

/** The marks on B's results and how many of A's are gone, as the page shows them. */
async function marksShown(): Promise<{ b: string[]; gone: number }> {
  const b = await page
    .getByTestId('compare-mark-b')
    .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-tone') ?? ''));
  return { b: b.sort(), gone: await page.getByTestId('compare-mark-a').count() };
}

function marksOf(view: SearchCompareView): { b: string[]; gone: number } {
  const b = view.changes.filter((change) => change.change !== 'gone').map((change) => change.change);
  return { b: b.sort(), gone: view.changes.filter((change) => change.change === 'gone').length };
}

async function mirrorProducts(): Promise<void> {
  const done = api.next<{ engine: string; type: string; state: string }>(
    'mirror:progress',
    (progress) => progress.engine === fashion.hashid && progress.type === 'product' && progress.state !== 'running',
  );
  await api.call('mirror:start', { engine: fashion.hashid, type: 'product' });
  await expect(done).resolves.toMatchObject({ state: 'completed' });
}

async function openCase(): Promise<RelevanceCaseView> {
  const { cases } = await api.call<{ cases: RelevanceCaseSummary[] }>('relevance:cases');
  const summary = cases.find((candidate) => candidate.name === 'Fashion basics');
  if (!summary) throw new Error('The case was not saved');
  return api.call<RelevanceCaseView>('relevance:case', { id: summary.id });
}

const runRows = () => page.getByTestId('runs-list').locator('tbody tr');
const tile = (metric: string) => page.getByTestId(`case-metrics-${metric}`);

async function runAll(expectedRuns: number): Promise<void> {
  await page.getByTestId('case-run').click();
  await expect.poll(() => runRows().count(), { timeout: 60_000 }).toBe(expectedRuns);
  await expect
    .poll(() => runRows().first().locator('td').nth(1).textContent(), { timeout: 60_000 })
    .toMatch(/^completed/);
  await page.getByTestId('case-run').waitFor();
}

/** Grades the current query's top k from the keyboard: `first` for rank 1, 0 for the rest. */
async function gradeTopK(area: Locator, first: string): Promise<void> {
  await page.keyboard.press(first);
  for (let rank = 2; rank <= K; rank += 1) await page.keyboard.press('0');
  await expect.poll(() => area.getByTestId('grading-coverage').textContent()).toBe(`${K}/${K} graded`);
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  api = await AppSocket.open(app);
  const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: true });
  const engine = engines.engines.find((candidate) => candidate.name === 'Fashion store');
  if (!engine) throw new Error('The Sandbox account has no Fashion store');
  fashion = engine;
  // The catalog change at the end edits a product in the grid's local copy, so mirror it first.
  await mirrorProducts();

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page = await openAppPage(context, app);
  await page.getByRole('link', { name: /^Search/ }).click();
  await page.getByTestId('search-engine').selectOption(fashion.hashid);
}, 180_000);

afterAll(async () => {
  api?.close();
  await browser?.close();
  await app?.stop();
});

describe('Compare, against the Sandbox account', () => {
  it('teaches what to do before a query is typed', async () => {
    await page.getByTestId('search-tab-compare').click();
    await page.getByTestId('compare-empty').waitFor();
    await expect(page.getByTestId('compare-p-sentence').textContent()).resolves.toMatch(
      /^p = 0\.9 puts about 86% of the weight on the first 10 ranks/,
    );
  });

  it('match_and against fuzzy for one query: B’s results marked against A’s, with Jaccard and RBO', async () => {
    await page.getByTestId('compare-a-query-name').selectOption('match_and');
    await page.getByTestId('compare-b-query-name').selectOption('fuzzy');
    await page.getByTestId('compare-query').fill('wool coats');
    const jaccard = page.getByTestId('compare-jaccard');
    await jaccard.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('compare-answer').allTextContents())
      .toEqual([expect.stringMatching(/answered by match_and$/), expect.stringMatching(/answered by fuzzy$/)]);

    // The same comparison asked directly: the page shows exactly what the worker worked out.
    const expected = await api.call<SearchCompareView>('search:compare', {
      a: { engine: fashion.hashid, params: params('wool coats', { queryName: 'match_and' }) },
      b: { engine: fashion.hashid, params: params('wool coats', { queryName: 'fuzzy' }) },
      k: 10,
      p: 0.9,
    });
    await expect(jaccard.textContent()).resolves.toBe(expected.jaccard.toFixed(3));
    await expect(page.getByTestId('compare-rbo').textContent()).resolves.toBe(expected.rbo.toFixed(3));
    const tones = await page
      .getByTestId('compare-mark-b')
      .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-tone')));
    const inB = expected.changes.filter((change) => change.change !== 'gone').map((change) => change.change);
    expect(tones.sort()).toEqual(inB.sort());
    const gone = expected.changes.filter((change) => change.change === 'gone').length;
    await expect(page.getByTestId('compare-mark-a').count()).resolves.toBe(gone);
    // Typo-tolerant matching scores "wool coats" differently: the two rankings differ.
    expect(expected.changes.some((change) => change.change !== 'same')).toBe(true);
    await expect(page.getByTestId('compare-row').count()).resolves.toBe(
      Math.max(expected.a.results.length, expected.b.results.length),
    );
    await shoot('compare-1-query-names');
  });

  it('“Copy A to B” makes both sides the same: every result keeps its rank', async () => {
    await page.getByTestId('compare-copy').click();
    await expect.poll(() => page.getByTestId('compare-jaccard').textContent(), { timeout: 30_000 }).toBe('1.000');
    await expect(page.getByTestId('compare-rbo').textContent()).resolves.toBe('1.000');
    const tones = await page
      .getByTestId('compare-mark-b')
      .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-tone')));
    expect(new Set(tones)).toEqual(new Set(['same']));
  });

  it('the same query with and without a brand filter on B: B’s results change and only B’s request carries it', async () => {
    const both = params('wool coats', { queryName: 'match_and' });
    const unfiltered = await api.call<SearchCompareView>('search:compare', {
      a: { engine: fashion.hashid, params: both },
      b: { engine: fashion.hashid, params: both },
      k: K,
      p: 0.9,
    });
    // A brand that holds some of the results but not all of them, so filtering on it changes B.
    const brands = unfiltered.b.facets.find((facet) => facet.name === 'brand')?.buckets ?? [];
    const brand = brands.find((bucket) => bucket.count > 0 && bucket.count < unfiltered.b.total)?.key;
    if (!brand) throw new Error('“wool coats” has no brand facet to filter on');
    const since = await lastSeq();

    // Built in B's own panel, from its Filters section (closed while it has no filter).
    const panelB = page.getByTestId('compare-b-params');
    await expect(panelB.getByTestId('compare-b-filter-add').isVisible()).resolves.toBe(false);
    await panelB.locator('summary').filter({ hasText: 'Filters' }).click();
    await panelB.getByTestId('compare-b-filter-add').click();
    await panelB.getByTestId('compare-b-filter-0-field').selectOption('brand');
    const values = panelB.getByLabel('Filter 1: values');
    await values.fill(brand);
    await values.press('Enter');
    await expect(page.getByTestId('compare-a-params').getByTestId('compare-a-filter-0').count()).resolves.toBe(0);
    await expect(page.getByTestId('compare-a-active-count').textContent()).resolves.toBe('1 set');
    await expect(page.getByTestId('compare-b-active-count').textContent()).resolves.toBe('2 set');

    const filtered = await api.call<SearchCompareView>('search:compare', {
      a: { engine: fashion.hashid, params: both },
      b: {
        engine: fashion.hashid,
        params: params('wool coats', {
          queryName: 'match_and',
          filters: [{ kind: 'terms', field: 'brand', values: [brand] }],
        }),
      },
      k: K,
      p: 0.9,
    });
    await expect
      .poll(() => page.getByTestId('compare-jaccard').textContent(), { timeout: 30_000 })
      .toBe(filtered.jaccard.toFixed(3));
    await page.locator('[data-testid="compare-results"]:not([data-stale])').waitFor();
    await expect(page.getByTestId('compare-rbo').textContent()).resolves.toBe(filtered.rbo.toFixed(3));
    await expect(marksShown()).resolves.toEqual(marksOf(filtered));
    // Results of other brands are gone from B, and B's top 10 holds results A ranked lower or not at all.
    expect(filtered.changes.some((change) => change.change === 'gone')).toBe(true);
    expect(filtered.changes.some((change) => change.change === 'new' || change.change === 'up')).toBe(true);
    for (const result of filtered.b.results) expect(result.fields.brand).toBe(brand);

    // A is sent as it was and B with the filter, spelled as the document spells it.
    const searches = (await searchesSince(since)).filter((query) => query.includes('query=wool coats'));
    const withFilter = searches.filter((query) => query.some((pair) => pair.startsWith('filter')));
    const without = searches.filter((query) => !query.some((pair) => pair.startsWith('filter')));
    expect(withFilter.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThanOrEqual(withFilter.length);
    for (const query of withFilter) {
      expect(query.filter((pair) => pair.startsWith('filter'))).toEqual([`filter[brand][]=${brand}`]);
      expect(query).toContain('query_name=match_and');
    }
    await shoot('compare-2-filter-on-b');
  });

  it('a limit broken on one side holds the comparison back and says so at the field', async () => {
    const rpp = page.getByTestId('compare-b-rpp');
    await rpp.fill('150');
    await expect(page.getByTestId('compare-b-held').textContent()).resolves.toBe(
      'B is not sent until the field marked below is fixed.',
    );
    await expect(page.getByTestId('compare-b-paging-error').textContent()).resolves.toMatch(
      /at most 100 results per page/,
    );
    await expect(page.getByTestId('compare-a-held').count()).resolves.toBe(0);
    await page.locator('[data-testid="compare-results"][data-stale]').waitFor();
    await shoot('compare-3-side-held', 1200);
    await rpp.fill('20');
    await page.getByTestId('compare-b-held').waitFor({ state: 'detached' });
    await page.locator('[data-testid="compare-results"]:not([data-stale])').waitFor({ timeout: 30_000 });
  });

  it('a filter Doofinder refuses is explained on B’s own row, not on A and not as a banner', async () => {
    const panelB = page.getByTestId('compare-b-params');
    await panelB.getByTestId('compare-b-filter-add').click();
    await panelB.getByLabel('Filter 2: kind').selectOption('geo');
    await panelB.getByTestId('compare-b-filter-1-field').selectOption('color');
    await panelB.getByLabel('Filter 2: point').fill('40,-70');
    await panelB.getByLabel('Filter 2: distance').fill('5km');
    const row = panelB.getByTestId('compare-b-filter-1');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/not a geo field/);
    await expect(panelB.getByTestId('compare-b-filter-0').textContent()).resolves.not.toMatch(/not a geo field/);
    await expect(page.getByTestId('compare-a-params').textContent()).resolves.not.toMatch(/not a geo field/);
    await expect(page.getByTestId('compare-error').count()).resolves.toBe(0);
    await shoot('compare-4-refused-filter', 1200);
    await panelB.getByLabel('Remove Filter 2').click();
    await page.locator('[data-testid="compare-results"]:not([data-stale])').waitFor({ timeout: 30_000 });
    await expect(row.count()).resolves.toBe(0);
  });
});

describe('Relevance cases, against the Sandbox account', () => {
  it('starts with an empty state that says what a case is for', async () => {
    await page.getByTestId('search-tab-cases').click();
    await page.getByTestId('cases-empty').waitFor();
    await shoot('relevance-1-empty', 1000);
  });

  it('a new case of three queries runs once and shows each query’s results to grade, flagged until graded', async () => {
    await page.getByTestId('case-new').click();
    await page.getByTestId('case-name').fill('Fashion basics');
    await expect(page.getByTestId('case-engine').inputValue()).resolves.toBe(fashion.hashid);
    await page.getByTestId('case-save').click();
    await page.getByTestId('case-view').waitFor();
    await page.getByTestId('case-empty').waitFor();
    for (const query of QUERIES) {
      await page.getByTestId('query-add').click();
      await page.getByTestId('query-text').fill(query);
      await page.getByTestId('query-save').click();
      await page.getByTestId('query-dialog').waitFor({ state: 'hidden' });
    }
    await expect(page.getByTestId('case-query').count()).resolves.toBe(3);
    await runAll(1);
    await expect(page.getByTestId('run-changes').first().textContent()).resolves.toBe('first run');
    // Nothing graded yet: the top k of the first query is flagged and counts as irrelevant.
    const area = page.getByTestId('grading-area');
    await expect(area.getByTestId('grading-coverage').textContent()).resolves.toBe(`0/${K} graded`);
    await expect(area.getByTestId('ungraded-flag').count()).resolves.toBe(K);
    await expect(tile('ndcg').textContent()).resolves.toBe('0.000');
  });

  it('grades with the keyboard while looking: 0–3, Backspace, ↑, Enter to the next query; metrics follow', async () => {
    const area = page.getByTestId('grading-area');
    await area.focus();
    await gradeTopK(area, '3');
    // Rank 1 graded 3 and the rest 0: the order shown is the best possible.
    await expect.poll(() => area.getByTestId('grading-metrics').textContent()).toMatch(/nDCG@10 1\.000/);
    await page.keyboard.press('Enter');
    await expect(area.locator('h3').textContent()).resolves.toBe(`“${QUERIES[1]}”`);
    await gradeTopK(area, '2');
    // Undo one grade: its result is flagged again, and coverage says so.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Backspace');
    await expect.poll(() => area.getByTestId('grading-coverage').textContent()).toBe(`${K - 1}/${K} graded`);
    await expect(area.getByTestId('ungraded-flag').count()).resolves.toBe(1);
    await page.keyboard.press('0');
    await page.keyboard.press('ArrowRight');
    await expect(area.locator('h3').textContent()).resolves.toBe(`“${QUERIES[2]}”`);
    await gradeTopK(area, '3');
    await page.keyboard.press('ArrowLeft');
    await expect(area.locator('h3').textContent()).resolves.toBe(`“${QUERIES[1]}”`);

    // The grades are stored, and no search ran for them.
    const view = await openCase();
    expect(view.runs).toBe(1);
    for (const query of view.queries) {
      expect(query.ungradedInTopK).toBe(0);
      expect(query.metrics?.ndcg).toBeCloseTo(1, 9);
    }
    await expect.poll(() => tile('ndcg').textContent()).toBe('1.000');
    await expect(tile('mrr').textContent()).resolves.toBe('1.000');
    await expect(tile('precision').textContent()).resolves.toBe('0.100');
    await shoot('relevance-2-graded');
  });

  it('after a catalog change, the next run shows the metric drop, what moved and the sync that caused it', async () => {
    await runAll(2);
    const before = await openCase();
    const wrapDress = before.queries.find((query) => query.query === QUERIES[0]);
    const top = wrapDress?.results[0];
    if (!top) throw new Error('“wrap dress” found nothing');

    // The change: the best result of "wrap dress" loses the words from its title, and is synced.
    await api.call('catalog:edit', {
      engine: fashion.hashid,
      type: 'product',
      origin: 'edit',
      cells: [{ id: top.id, field: 'title', value: 'Plain e2e tunic' }],
    });
    const synced = api.next<SyncProgress>('sync:progress', (progress) => progress.state !== 'running');
    await api.call('sync:start', { engine: fashion.hashid, type: 'product' });
    await expect(synced).resolves.toMatchObject({ state: 'completed', failed: 0 });

    await runAll(3);
    const latest = runRows().first();
    await expect(latest.getByTestId('run-changes').textContent()).resolves.toBe('1 sync');
    await expect(latest.locator('.rel-changes li').first().textContent()).resolves.toMatch(/Sync: 1 item pushed/);
    await expect(latest.locator('.rel-delta--down').count()).resolves.toBeGreaterThan(0);
    await expect.poll(() => tile('ndcg').textContent()).not.toBe('1.000');

    // Run against run: "wrap dress" lost nDCG and its best result moved down or out.
    const compare = page.getByTestId('run-compare-table');
    await compare.waitFor();
    const row = compare.getByTestId('run-compare-row').filter({ hasText: QUERIES[0] });
    await expect(row.locator('[data-metric="ndcg"] .rel-delta').textContent()).resolves.toMatch(/^▼ [01]\.\d{3}$/);
    // Moved down (under its new title) or out of the page (under the title it had).
    const moved = (await row.locator('.rel-moved').textContent()) ?? '';
    expect(moved.includes('Plain e2e tunic') || moved.includes(top.title ?? top.id)).toBe(true);
    for (const other of QUERIES.slice(1)) {
      const unchanged = compare.getByTestId('run-compare-row').filter({ hasText: other });
      await expect(unchanged.locator('[data-metric="ndcg"] .rel-delta').textContent()).resolves.toBe('=');
    }
    // Three completed runs: each metric is drawn as a line through three points.
    const lines = page.getByTestId('runs-chart').locator('path.recharts-line-curve');
    await expect.poll(() => lines.count()).toBe(4);
    await shoot('relevance-3-after-change', 2400);
  });

  it('judgments go out as query,id,grade and come back in, with bad lines named by number', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('judgments-export').click();
    const done = await download;
    expect(done.suggestedFilename()).toBe('fashion-basics-judgments.csv');
    const text = readFileSync(await done.path(), 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(['query', 'id', 'grade']);
    // Ten graded results for each of the three queries.
    expect(parsed.data.length - 1).toBe(3 * K);
    expect(new Set(parsed.data.slice(1).map((row) => row[0]))).toEqual(new Set(QUERIES));
    await expect(page.getByTestId('judgments-outcome').textContent()).resolves.toMatch(/^30 judgments written to /);

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('judgments-import').click();
    await (
      await chooser
    ).setFiles({
      name: 'from-a-spreadsheet.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('query,id,grade\nwool coats,FS-WJK-0001972,3\nwool coats,FS-WJK-0002138,7\n'),
    });
    const outcome = page.getByTestId('judgments-outcome');
    await expect
      .poll(() => outcome.textContent(), { timeout: 30_000 })
      .toMatch(/^1 judgment read from from-a-spreadsheet\.csv, 1 new query added; 1 line skipped/);
    await expect(page.getByTestId('judgments-problems').textContent()).resolves.toBe(
      'Line 3 (grade): "7" is not a grade: use 0, 1, 2 or 3.',
    );
    await expect(page.getByTestId('case-query').count()).resolves.toBe(4);
    await expect(page.getByTestId('case-query').last().textContent()).resolves.toMatch(/^wool coats.*not run yet/);
    await shoot('relevance-4-imported', 1200);
  });

  it('the list of cases says what each tests, how often it ran and its mean nDCG', async () => {
    await page.getByTestId('case-back').click();
    const row = page.getByTestId('case-row').filter({ hasText: 'Fashion basics' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['Fashion basics', 'Fashion store', '4', '3']);
    expect(cells[5]).toBe('0.667');
    await shoot('relevance-5-list', 1000);
  });
});
