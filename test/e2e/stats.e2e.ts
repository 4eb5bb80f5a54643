/**
 * The Stats page end to end, in browser mode against the built-in Sandbox account: the daily
 * chart and table for a range, a change of range, a top list that Doofinder is still
 * generating (202) and then ready, and a table exported as CSV. Screenshots, light and dark,
 * go to test/artifacts/stats-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
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

/** Long enough that the page is seen waiting; the test then moves the sandbox clock past it. */
const GENERATION_MS = 10 * 60_000;

/** The whole page: it scrolls inside the app's frame, so the window is made tall enough for a moment. */
async function shoot(name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 1000 };
  await page.setViewportSize({ width: viewport.width, height: 1900 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artifacts, `stats-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);
}

const dayRows = () => page.getByTestId('stats-days').locator('tbody tr');

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  api = await AppSocket.open(app);
  const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: true });
  const engine = engines.engines.find((candidate) => candidate.name === 'Outdoor shop');
  if (!engine) throw new Error('The Sandbox account has no Outdoor shop');
  shop = engine;
  await api.sandboxControl('/_sandbox/config', { statsGenerationMs: GENERATION_MS });

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page = await openAppPage(context, app);
}, 120_000);

afterAll(async () => {
  api?.close();
  await browser?.close();
  await app?.stop();
});

describe('Stats, against the Sandbox account', () => {
  it('opens on an engine and draws the last 7 days as a chart with a point per day', async () => {
    await page.getByRole('link', { name: /Stats/ }).click();
    await page.getByTestId('stats-engine').selectOption(shop.hashid);
    await page.getByTestId('stats-range-last7').click();
    await expect(page.getByTestId('stats-range').textContent()).resolves.toMatch(/· 7 days$/);
    await dayRows().first().waitFor({ timeout: 30_000 });
    await expect(dayRows().count()).resolves.toBe(7);
    // A drawn line: an SVG path with a point per day, not an empty frame.
    const line = page.getByTestId('stats-chart').locator('path.recharts-line-curve').first();
    const d = (await line.getAttribute('d')) ?? '';
    expect(d.split(/[LC]/).length).toBeGreaterThanOrEqual(7);
    await expect(page.getByTestId('stats-chart').locator('.recharts-line-dots circle').count()).resolves.toBe(7 * 3);
  });

  it('a legend entry hides and shows its line, from the keyboard too', async () => {
    const lines = page.getByTestId('stats-chart').locator('path.recharts-line-curve');
    const before = await lines.count();
    await page.getByTestId('stats-series-api').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('stats-series-api').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => lines.count()).toBe(before + 1);
    await page.keyboard.press('Enter');
    await expect.poll(() => lines.count()).toBe(before);
  });

  it('a new range waits calmly while Doofinder generates the top lists, then shows them', async () => {
    await page.getByTestId('stats-range-last30').click();
    await expect(page.getByTestId('stats-range').textContent()).resolves.toMatch(/· 30 days$/);
    await expect.poll(() => dayRows().count(), { timeout: 30_000 }).toBe(30);
    const generating = page.getByTestId('stats-panel-searches').getByTestId('stats-generating');
    await generating.waitFor({ timeout: 30_000 });
    await expect(generating.textContent()).resolves.toMatch(/Doofinder is preparing these stats; checking again at/);
    await expect(page.getByTestId('stats-error').count()).resolves.toBe(0);
    await shoot('1-generating');

    // Every list must have asked once before the clock moves: a first ask after it would start a new wait.
    for (const kind of ['searches', 'clicked', 'opportunities', 'noresults']) {
      await expect
        .poll(() => page.getByTestId(`stats-tab-${kind}`).getAttribute('data-state'), { timeout: 30_000 })
        .toBe('generating');
    }
    await api.sandboxControl('/_sandbox/clock', { advanceMs: GENERATION_MS + 1_000 });
    await page.getByTestId('stats-refresh').click();
    const table = page.getByTestId('stats-top-searches');
    await table.waitFor({ timeout: 30_000 });
    await expect(generating.count()).resolves.toBe(0);
    await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await shoot('2-ready');
  });

  it('the top lists are tabs the arrow keys move between', async () => {
    await page.getByTestId('stats-tab-searches').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('stats-tab-clicked').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'stats-tab-clicked',
    );
    await page.keyboard.press('End');
    await expect(page.getByTestId('stats-tab-noresults').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('stats-tab-searches').getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('a top list exports as CSV with its header', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('stats-export-searches').click();
    const done = await download;
    expect(done.suggestedFilename()).toMatch(/^outdoor-shop-top-searches-\d{8}-\d{8}\.csv$/);
    const text = readFileSync(await done.path(), 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const header = (parsed.data[0] ?? []).map((cell) => cell.toLowerCase());
    expect(header).toEqual(expect.arrayContaining(['term', 'count']));
    const rows = Number(((await page.getByTestId('stats-top-count').textContent()) ?? '').replace(/\D/g, ''));
    expect(parsed.data.length - 1).toBe(rows);
  });

  it('top clicked shows each product’s link, and the filter narrows the list with its count', async () => {
    await page.getByTestId('stats-tab-clicked').click();
    const table = page.getByTestId('stats-top-clicked');
    await table.waitFor({ timeout: 30_000 });
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['#', 'Term', 'Count', 'URL']);
    await expect(table.locator('tbody tr').first().locator('td').last().textContent()).resolves.toMatch(/^https?:\/\//);
    const panel = page.getByTestId('stats-panel-clicked');
    const total = Number(((await panel.getByTestId('stats-top-count').textContent()) ?? '').replace(/\D/g, ''));
    const firstTerm = (await table.locator('tbody tr').first().locator('td').nth(1).textContent()) ?? '';
    await panel.getByTestId('stats-top-filter').fill(firstTerm);
    await expect(panel.getByTestId('stats-top-count').textContent()).resolves.toMatch(
      new RegExp(`of ${total.toLocaleString('en')} rows$`),
    );
    await expect(table.locator('tbody tr').first().locator('td').nth(1).textContent()).resolves.toBe(firstTerm);
    await shoot('3-clicked');
  });

  it('when Doofinder refuses a refresh, the page says why and keeps the last answer with its age', async () => {
    // Only the daily figures' path: each refused request is retried with backoff (client.ts), so one part keeps it short.
    await api.sandboxControl('/_sandbox/faults', { rules: [{ path: '/stats$', notAllowed: true }] });
    try {
      await page.getByTestId('stats-refresh').click();
      const aggregates = page.getByTestId('stats-aggregates');
      await aggregates.getByTestId('stats-error').waitFor({ timeout: 90_000 });
      await expect(aggregates.getByTestId('stats-error').textContent()).resolves.toMatch(
        /could not be read: .*The rows shown are from the last answer\.$/,
      );
      await expect(aggregates.getByTestId('stats-age').textContent()).resolves.toMatch(
        /^Could not refresh: showing the answer from today /,
      );
      await expect(dayRows().count()).resolves.toBe(30);
      await shoot('5-refused');
    } finally {
      await api.sandboxControl('/_sandbox/faults', undefined, 'DELETE');
    }
  }, 120_000);

  it('a custom range is checked, and a period without activity says so instead of drawing a chart', async () => {
    await page.getByTestId('stats-range-custom').click();
    await page.getByTestId('stats-from').fill('2024-01-10');
    await page.getByTestId('stats-to').fill('2024-01-03');
    await page.getByText('The start date must be on or before the end date.').waitFor();
    await expect(page.getByRole('button', { name: 'Apply' }).isDisabled()).resolves.toBe(true);
    await page.getByTestId('stats-to').fill('2024-01-16');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('stats-range').textContent()).resolves.toMatch(/· 7 days$/);
    await page.getByTestId('stats-empty-period').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('stats-chart').count()).resolves.toBe(0);
    await shoot('4-empty');
  });
});
