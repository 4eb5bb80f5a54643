/**
 * The catalog grid end to end, in browser mode against the built-in Sandbox account: edit,
 * sync, search; a pasted block, undo, a worker restart, redo; undo of a synced edit; a
 * mirror under an open editor; conflicts; a bulk with a failing item; a Shift+click range
 * filled down and copied; the column layout across a reload; pasted rows past the end added
 * as new items. Screenshots of the grid with edits, conflicts and failures, light and dark,
 * go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineView, GridRow } from '../../preload/contract';
import { AppSocket } from './app-socket';
import { artifacts, launchChromium, openAppPage, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: AppSocket;
let shop: { engine: EngineView; apiKey: string };

// ---- Talking to the app host and the embedded sandbox the way the page does ----------

/** Mirrors the shop's product type again and waits for it to finish. */
async function mirrorAgain(): Promise<void> {
  const done = api.next<{ type: string; state: string }>(
    'mirror:progress',
    (progress) => progress.type === 'product' && progress.state !== 'running',
  );
  await api.call('mirror:start', { engine: shop.engine.hashid, type: 'product' });
  await expect(done).resolves.toMatchObject({ state: 'completed' });
}

/** The embedded sandbox's address: it moves when the worker (which runs it) restarts. */
/** The embedded sandbox, as any client of Doofinder's Management and Search APIs. */
async function sandbox(path: string, init: RequestInit = {}): Promise<unknown> {
  // A key is "{zone}-{token}"; Search v5 takes the bare token, Management v1 "Token {token}".
  const token = shop.apiKey.slice(shop.apiKey.indexOf('-') + 1);
  const search = path.startsWith('/5/');
  const send = async () =>
    fetch(`${await api.sandboxUrl()}${path}`, {
      ...init,
      headers: { Authorization: search ? token : `Token ${token}`, 'Content-Type': 'application/json' },
    });
  let response = await send();
  // The app's own requests share the account's 2 requests/s: wait for a free slot, as a client should.
  for (let attempt = 0; response.status === 429 && attempt < 10; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    response = await send();
  }
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function searchTitles(query: string): Promise<string[]> {
  const answer = (await sandbox(
    `/5/search?hashid=${shop.engine.hashid}&query=${encodeURIComponent(query)}&rpp=20&nostats=1`,
  )) as { results: { title?: string }[] };
  return answer.results.map((result) => result.title ?? '');
}

/** Rows of the grid's unfiltered view, as the worker has them (also those scrolled out of sight). */
async function storedRows(start: number, end: number): Promise<GridRow[]> {
  const view = { engine: shop.engine.hashid, type: 'product', sort: [], filters: [], quick: '' };
  return (await api.call<{ rows: GridRow[] }>('catalog:rows', { view, start, end })).rows;
}

// ---- The grid in the page --------------------------------------------------------------

function cell(row: number, field: string): Locator {
  return page.locator(`.catalog-grid .ag-row[row-index="${row}"] .ag-cell[col-id="${field}"]`);
}

function rowStatus(row: number): Locator {
  return cell(row, '__status').getByTestId('row-status');
}

async function statusOf(row: number): Promise<string | null> {
  return rowStatus(row).getAttribute('data-status');
}

async function textOf(row: number, field: string): Promise<string> {
  return ((await cell(row, field).textContent({ timeout: 2_000 })) ?? '').trim();
}

async function waitForStatus(row: number, status: string): Promise<void> {
  await page
    .locator(`.catalog-grid .ag-row[row-index="${row}"] [data-testid="row-status"][data-status="${status}"]`)
    .waitFor();
}

async function waitForText(row: number, field: string, text: string): Promise<void> {
  await expect.poll(() => textOf(row, field), { timeout: 20_000, interval: 100 }).toBe(text);
}

async function pendingCount(): Promise<number> {
  return Number(((await page.getByTestId('pending-count').textContent()) ?? '').replace(/\D/g, ''));
}

/** A paste as a spreadsheet's clipboard gives it: a paste event with text/plain on the focused cell. */
async function pasteText(text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

async function openPendingPanel(): Promise<Locator> {
  const panel = page.getByTestId('pending-panel');
  if (!(await panel.isVisible())) await page.getByTestId('pending-toggle').click();
  await panel.waitFor();
  return panel;
}

async function syncNow(): Promise<Locator> {
  const panel = await openPendingPanel();
  const results = panel.getByTestId('sync-results');
  // The last sync's results go first, so the ones waited for below are this sync's.
  if (await results.isVisible()) await results.getByRole('button', { name: 'Hide the results' }).click();
  await panel.getByTestId('sync-start').click();
  await results.waitFor({ timeout: 45_000 });
  return results;
}

/** Back to the first columns (a test before may have scrolled the grid to a column far right). */
async function scrollToStart(): Promise<void> {
  await page.evaluate(() => {
    const viewport = document.querySelector('.catalog-grid .ag-body-horizontal-scroll-viewport');
    if (viewport) viewport.scrollLeft = 0;
  });
  await cell(0, 'title').waitFor();
}

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artifacts, `grid-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// ---- Setup: the Outdoor shop's products mirrored, the grid open ------------------------

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  api = await AppSocket.open(app);
  const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: true });
  const engine = engines.engines.find((candidate) => candidate.name === 'Outdoor shop');
  if (!engine) throw new Error('The Sandbox account has no Outdoor shop');
  const keys = (await (await fetch(`${await api.sandboxUrl()}/_sandbox/accounts`)).json()) as {
    accounts: { apiKey: string }[];
  };
  shop = { engine, apiKey: keys.accounts[0]?.apiKey ?? '' };

  const context = await browser.newContext({ viewport: { width: 1440, height: 860 }, acceptDownloads: true });
  page = await openAppPage(context, app);
  const row = page.getByTestId('type-Outdoor shop-product');
  await row.getByRole('button', { name: 'Mirror product of Outdoor shop' }).click();
  await row.getByTestId('mirror-state').getByText('Mirrored', { exact: true }).waitFor({ timeout: 60_000 });
  await row.getByRole('button', { name: 'Open product of Outdoor shop' }).click();
  await page.getByTestId('row-count').getByText('1,500 items').waitFor();
  await cell(0, 'title').waitFor();
}, 120_000);

afterAll(async () => {
  api?.close();
  await browser?.close();
  await app?.stop();
});

// ---- The scenarios, in order: each leaves the catalog as the next expects -----------------

const editedTitle = `Ridgeline e2e ${Date.now().toString(36)}`;
let originalTitle = '';

describe('the catalog grid, against the Sandbox account', () => {
  it('shows the type’s items with a pinned id, a status column and the row count', async () => {
    const headers = await page
      .locator('.catalog-grid .ag-header-cell[col-id]')
      .evaluateAll((cells) => cells.map((element) => element.getAttribute('col-id')));
    expect(headers.slice(0, 2)).toEqual(['__status', 'id']);
    // The paste below lays three columns down from title.
    const title = headers.indexOf('title');
    expect(headers.slice(title, title + 3)).toEqual(['title', 'description', 'link']);
    await expect(
      page.locator('.catalog-grid [class*="pinned-left"] .ag-cell[col-id="id"]').count(),
    ).resolves.toBeGreaterThan(0);
    originalTitle = await textOf(0, 'title');
    expect(originalTitle).not.toBe('');
  });

  it('an edited cell is marked, syncs, comes back clean and is found by a search', async () => {
    await cell(0, 'title').click();
    await page.keyboard.type(editedTitle);
    await page.keyboard.press('Enter');
    await waitForText(0, 'title', editedTitle);
    await waitForStatus(0, 'dirty');
    await expect(cell(0, 'title').getAttribute('class')).resolves.toContain('cell--changed');
    await expect.poll(pendingCount).toBe(1);
    await shoot('edits');

    const results = await syncNow();
    await expect(results.textContent()).resolves.toContain('1 synced');
    await waitForStatus(0, 'clean');
    await expect(cell(0, 'title').getAttribute('class')).resolves.not.toContain('cell--changed');
    await expect.poll(pendingCount).toBe(0);

    // Doofinder (the sandbox) has it: its search finds it, and a fresh mirror brings it back.
    await expect.poll(() => searchTitles(editedTitle), { timeout: 20_000 }).toContain(editedTitle);
    await mirrorAgain();
    await page.getByRole('searchbox', { name: 'Search items' }).fill(editedTitle);
    await page.getByTestId('row-count').getByText('1 of 1,500 items').waitFor();
    await waitForText(0, 'title', editedTitle);
    await expect(statusOf(0)).resolves.toBe('clean');
    await page.getByRole('searchbox', { name: 'Search items' }).fill('');
    await page.getByTestId('row-count').getByText('1,500 items', { exact: true }).waitFor();
  });

  const block = Array.from({ length: 50 }, (_, i) => [
    `Pasted title ${i}`,
    `Pasted description ${i}`,
    `https://shop.example/pasted/${i}`,
  ]);
  const tsv = `${block.map((cells) => cells.join('\t')).join('\r\n')}\r\n`;
  let before: GridRow[] = [];
  const titles = (rows: GridRow[]) => rows.map((row) => row.doc.title);

  it('pastes a 3 × 50 block from the clipboard as one action, and undoes it', async () => {
    before = await storedRows(1, 51);
    await cell(1, 'title').click();
    await pasteText(tsv);
    await waitForText(1, 'title', 'Pasted title 0');
    await waitForText(1, 'description', 'Pasted description 0');
    await waitForStatus(12, 'dirty');
    await expect(page.getByTestId('selection-size').textContent()).resolves.toBe('3 × 50 cells');
    await expect.poll(pendingCount).toBe(50);
    await expect(page.getByTestId('undo-hint').textContent()).resolves.toMatch(/Undo: Paste of 150 cells/);
    const pasted = await storedRows(1, 51);
    expect(titles(pasted)).toEqual(block.map((cells) => cells[0]));
    expect(pasted.map((row) => row.doc.link)).toEqual(block.map((cells) => cells[2]));
    expect(pasted.every((row) => row.status === 'dirty' && row.changed.length === 3)).toBe(true);

    await page.keyboard.press('Control+z');
    await waitForText(1, 'title', String(before[0]?.doc.title));
    await waitForStatus(12, 'clean');
    await expect.poll(pendingCount).toBe(0);
    expect(titles(await storedRows(1, 51))).toEqual(titles(before));
  });

  it('redoes the paste after the worker restarts', async () => {
    process.kill(app.process.pid ?? 0, 'SIGUSR2');
    await page.getByTestId('worker-notice').waitFor();
    await page.getByTestId('status-worker').getByText('Worker ready').waitFor({ timeout: 30_000 });
    const redo = page.getByTestId('redo');
    await expect.poll(() => redo.isEnabled(), { timeout: 15_000 }).toBe(true);
    await expect(redo.getAttribute('title')).resolves.toMatch(/Paste of 150 cells/);
    await redo.click();
    await waitForText(1, 'title', 'Pasted title 0');
    await waitForText(20, 'title', 'Pasted title 19');
    await expect.poll(pendingCount).toBe(50);
    expect(titles(await storedRows(1, 51))).toEqual(block.map((cells) => cells[0]));
  });

  it('undoing a synced edit and syncing again puts the old value back on Doofinder', async () => {
    await cell(2, 'title').click();
    await page.keyboard.press('Control+z'); // the paste
    await waitForText(1, 'title', String(before[0]?.doc.title));
    await page.keyboard.press('Control+z'); // the synced edit of row 0
    await waitForText(0, 'title', originalTitle);
    await waitForStatus(0, 'dirty');
    const results = await syncNow();
    await expect(results.textContent()).resolves.toContain('1 synced');
    await waitForStatus(0, 'clean');
    await expect.poll(() => searchTitles(editedTitle), { timeout: 20_000 }).not.toContain(editedTitle);
    await mirrorAgain();
    await waitForText(0, 'title', originalTitle);
  });

  it('a mirror running while a cell is being edited leaves the edit intact', async () => {
    await cell(3, 'title').click();
    await page.keyboard.type('Typed during a mirror');
    const editor = cell(3, 'title').locator('input');
    await expect(editor.inputValue()).resolves.toBe('Typed during a mirror');
    await mirrorAgain();
    await expect(editor.inputValue()).resolves.toBe('Typed during a mirror');
    await page.keyboard.press('Enter');
    await waitForText(3, 'title', 'Typed during a mirror');
    await waitForStatus(3, 'dirty');
  });

  it('a conflicting cell shows both values, and one click keeps mine or takes theirs', async () => {
    const [id4, id5] = [await textOf(4, 'id'), await textOf(5, 'id')];
    for (const [row, value] of [
      [4, 'Mine four'],
      [5, 'Mine five'],
    ] as const) {
      await cell(row, 'title').click();
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
      await waitForStatus(row, 'dirty');
    }
    await sandbox(`/v1/${shop.engine.hashid}/items/product`, {
      method: 'PATCH',
      body: JSON.stringify([
        { id: id4, title: 'Theirs four' },
        { id: id5, title: 'Theirs five' },
      ]),
    });
    await mirrorAgain();
    await waitForStatus(4, 'conflict');
    await waitForStatus(5, 'conflict');
    const conflict = cell(4, 'title').getByTestId('conflict-cell');
    await expect(conflict.textContent()).resolves.toContain('Mine four');
    await expect(conflict.textContent()).resolves.toContain('Theirs four');
    await page.getByTestId('conflict-banner').waitFor();
    await shoot('conflicts');

    await page.getByRole('button', { name: `Keep mine for title of ${id4}` }).click();
    await waitForStatus(4, 'dirty');
    await waitForText(4, 'title', 'Mine four');
    await page.getByRole('button', { name: `Take theirs for title of ${id5}` }).click();
    await waitForStatus(5, 'clean');
    await waitForText(5, 'title', 'Theirs five');
  });

  it('a bulk with a failing item marks that item failed with the reason, and the others clean', async () => {
    // Doofinder maps `rating` as a number once an item has one; a column added here is text, so "lots" gets through.
    await sandbox(`/v1/${shop.engine.hashid}/items/product`, {
      method: 'PATCH',
      body: JSON.stringify([{ id: await textOf(30, 'id'), rating: 4.5 }]),
    });
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('textbox', { name: 'Name of a new column' }).fill('rating');
    await page.getByRole('button', { name: 'Add column' }).click();
    await cell(10, 'rating').click();
    await pasteText('4\n5\nlots\n3\n2\n');
    await waitForStatus(14, 'dirty');
    const results = await syncNow();
    await expect(results.textContent()).resolves.toMatch(/synced, 1 failed/);
    await waitForStatus(12, 'failed');
    await expect(cell(12, '__status').getByTestId('row-error').textContent()).resolves.toContain(
      'failed to parse [rating]',
    );
    for (const row of [10, 11, 13, 14]) await expect(statusOf(row)).resolves.toBe('clean');
    await expect(results.getByTestId('sync-result').first().textContent()).resolves.toContain('Failed');
    await expect(results.getByTestId('sync-result').first().textContent()).resolves.toContain(
      'failed to parse [rating]',
    );
    await shoot('failures');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await results.screenshot({ path: join(artifacts, `sync-results-failed-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The worker's record of the run: the refused item alone under "Failed", the accepted ones under "Synced".
    const [refused, accepted] = [await textOf(12, 'id'), await textOf(10, 'id')];
    const listed = () => results.getByTestId('sync-result').locator('code').allTextContents();
    await results.getByRole('radio', { name: /^Failed/ }).click();
    await expect.poll(listed).toEqual([refused]);
    await results.getByRole('radio', { name: /^Synced/ }).click();
    await expect.poll(listed).toContain(accepted);
    expect(await listed()).not.toContain(refused);
    await results.getByRole('radio', { name: /^All/ }).click();

    const download = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Export failed (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^failed-Outdoor-shop-product-.*\.csv$/);
    const csv = readFileSync((await file.path()) ?? '', 'utf8');
    expect(csv).toContain('failed to parse [rating]');
  });

  it('Shift+click selects a range, Ctrl+D fills it down as one action, Ctrl+C copies it as TSV', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await scrollToStart();
    const top = String((await storedRows(16, 17))[0]?.doc.title);
    await cell(16, 'title').click();
    await cell(19, 'description').click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-size').textContent()).resolves.toBe('2 × 4 cells');
    await page.keyboard.press('Control+d');
    await waitForText(19, 'title', top);
    await waitForStatus(17, 'dirty');
    await expect(page.getByTestId('undo-hint').textContent()).resolves.toMatch(/^Undo: Fill/);

    // Row 16's title and description, now in each of the four rows (filled from the loaded rows, in the key press).
    await page.keyboard.press('Control+c');
    const lines = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines).size).toBe(1);
    expect(lines[0]?.startsWith(`${top}\t`)).toBe(true);

    await page.keyboard.press('Control+z');
    await waitForStatus(17, 'clean');
    await waitForStatus(19, 'clean');
  });

  it('keeps the column layout and sort across a reload', async () => {
    await scrollToStart();
    await page.locator('.catalog-grid .ag-header-cell[col-id="title"] .ag-header-cell-label').click();
    await expect
      .poll(() => page.locator('.catalog-grid .ag-header-cell[col-id="title"]').getAttribute('aria-sort'))
      .toBe('ascending');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: /^link/ }).uncheck();
    await page.keyboard.press('Escape');
    const first = await textOf(0, 'title');
    // The layout is saved a moment after the last change.
    await expect
      .poll(async () =>
        JSON.stringify(await api.call('catalog:layout', { engine: shop.engine.hashid, type: 'product' })),
      )
      .toMatch(/"link","width":\d+,"hidden":true.*"sort":\[\{"field":"title","dir":"asc"\}\]/);

    await page.reload();
    await page.getByTestId('row-count').getByText('1,500 items').waitFor();
    await waitForText(0, 'title', first);
    const headers = await page
      .locator('.catalog-grid .ag-header-cell[col-id]')
      .evaluateAll((cells) => cells.map((element) => element.getAttribute('col-id')));
    expect(headers.slice(0, 2)).toEqual(['__status', 'id']);
    expect(headers).not.toContain('link');
  });

  it('rows pasted past the last row, with their ids, are offered as new items and added as one action', async () => {
    await cell(0, 'id').click();
    await page.keyboard.press('Control+ArrowDown');
    // The last block loads after the jump: its row shows its id once it has arrived.
    await expect.poll(() => textOf(1_499, 'id')).not.toBe('');
    const lastId = await textOf(1_499, 'id');
    // The block starts in the id column: the existing row's own id, then new ids; the column after id is a number.
    const headers = await page
      .locator('.catalog-grid .ag-header-cell[col-id]')
      .evaluateAll((cells) => cells.map((element) => element.getAttribute('col-id')));
    expect(headers[headers.indexOf('id') + 1]).toBe('df_manual_boost');
    const boost = await textOf(1_499, 'df_manual_boost');
    await pasteText(`${lastId}\t${boost}\nE2E-NEW-1\t2\nE2E-NEW-2\t3\n`);
    const offer = page.getByRole('button', { name: 'Add 2 new items' });
    await offer.waitFor();
    await offer.click();
    await page.getByTestId('row-count').getByText('1,502 items').waitFor();
    const added = await api.call<{ rows: GridRow[] }>('catalog:rows', {
      view: { engine: shop.engine.hashid, type: 'product', sort: [], filters: [], quick: '', pendingOnly: true },
      start: 0,
      end: 100,
    });
    const created = added.rows.filter((row) => row.id.startsWith('E2E-NEW-'));
    expect(created.map((row) => [row.id, row.status, row.doc.df_manual_boost])).toEqual([
      ['E2E-NEW-1', 'new', 2],
      ['E2E-NEW-2', 'new', 3],
    ]);
    await expect(page.getByTestId('undo-hint').textContent()).resolves.toMatch(/^Undo: Added 2 items/);
    await page.keyboard.press('Control+z');
    await page.getByTestId('row-count').getByText('1,500 items').waitFor();
  });
});
