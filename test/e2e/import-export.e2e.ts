/**
 * Import / Export end to end, in browser mode against the built-in Sandbox account: a shop
 * export (BOM, `;`, a trailing delimiter) with new, changed, unchanged and invalid rows is
 * dropped on the Catalog grid; the wizard reads it, maps it, dry-runs it; it is applied,
 * undone, applied again and synced; then the type is exported, the download compared with
 * the catalog, and the export imported back as a no-op. Screenshots of each step, light and
 * dark, go to test/artifacts/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineView, GridRow } from '../../preload/contract';
import { AppSocket } from './app-socket';
import { artifacts, launchChromium, openAppPage, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;
let api: AppSocket;
let shop: EngineView;

const view = () => ({ engine: shop.hashid, type: 'product', sort: [], filters: [], quick: '' });

async function rowsById(ids: string[]): Promise<Map<string, GridRow>> {
  const { rows } = await api.call<{ rows: GridRow[] }>('catalog:rows', { view: view(), start: 0, end: 2_000 });
  return new Map(rows.filter((row) => ids.includes(row.id)).map((row) => [row.id, row]));
}

async function pendingTotal(): Promise<number> {
  return (await api.call<{ total: number }>('sync:pending')).total;
}

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(artifacts, `import-export-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** What a dry run's count tile says. */
async function count(name: string): Promise<number> {
  const text = await page.getByTestId(`count-${name}`).locator('.count-tile__value').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

// ---- The file: a shop export, as the shop's admin writes it ------------------------------

const stamp = Date.now().toString(36);
const folder = mkdtempSync(join(tmpdir(), 'cs-e2e-import-'));
const importFile = join(folder, 'shop-export.csv');
let changedId = '';
let repricedId = '';
let unchangedId = '';
let invalidId = '';
const newIds = [`E2E-NEW-${stamp}-1`, `E2E-NEW-${stamp}-2`];
const changedTitle = `Imported title ${stamp}`;

function writeShopExport(items: GridRow[]): void {
  const [changed, repriced, unchanged, invalid] = items;
  if (!changed || !repriced || !unchanged || !invalid) throw new Error('the sandbox has too few products');
  [changedId, repricedId, unchangedId, invalidId] = [changed.id, repriced.id, unchanged.id, invalid.id];
  const text = (doc: Record<string, unknown>, field: string) => String(doc[field]);
  const lines = [
    'ID;Name;Price;Brand',
    `${changed.id};${changedTitle};${text(changed.doc, 'price')};${text(changed.doc, 'brand')};`,
    // Comma decimals, as a Spanish shop writes prices.
    `${repriced.id};${text(repriced.doc, 'title')};12,34;${text(repriced.doc, 'brand')};`,
    `${unchanged.id};${text(unchanged.doc, 'title')};${text(unchanged.doc, 'price')};${text(unchanged.doc, 'brand')};`,
    `${newIds[0]};Imported tent ${stamp};199,00;Trailwise;`,
    `${newIds[1]};Imported stove ${stamp};45.5;Riverstone;`,
    `${invalid.id};${text(invalid.doc, 'title')};twelve euros;${text(invalid.doc, 'brand')};`,
  ];
  writeFileSync(importFile, `\uFEFF${lines.join('\r\n')}\r\n`);
}

/** Drops a file on an element, as the desktop drags one from a folder. */
async function dropFile(selector: string, path: string, name: string): Promise<void> {
  const content = readFileSync(path).toString('base64');
  await page.evaluate(
    ({ selector, content, name }) => {
      const bytes = Uint8Array.from(atob(content), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing to drop on: ${selector}`);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { selector, content, name },
  );
}

// ---- Bulk upload: apply and upload in one flow, pause, reload, resume ---------------------

/** A file of new products only, with the shop export's header (so its preset maps it). */
function writeNewProducts(name: string, prefix: string, count: number): string {
  const lines = ['ID;Name;Price;Brand'];
  for (let index = 1; index <= count; index += 1)
    lines.push(`${prefix}-${index};Bulk item ${index};${index},50;Bulkwise`);
  const file = join(folder, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Opens the Import/Export page's wizard on a file and runs its dry run. */
async function dryRunOf(file: string): Promise<void> {
  await page.getByRole('link', { name: /Import \/ Export/ }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  const another = page.getByRole('button', { name: 'Choose another file' });
  if (await another.isVisible()) await another.click();
  await page.getByTestId('import-drop-zone').waitFor();
  await page.getByLabel('Search engine').first().selectOption(shop.hashid);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-pick').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-mapping').waitFor({ timeout: 20_000 });
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-dry-run-result').waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  api = await AppSocket.open(app);
  const engines = await api.call<{ engines: EngineView[] }>('engines:list', { refresh: true });
  const engine = engines.engines.find((candidate) => candidate.name === 'Outdoor shop');
  if (!engine) throw new Error('The Sandbox account has no Outdoor shop');
  shop = engine;
  const mirrored = api.next<{ type: string; engine: string; state: string }>(
    'mirror:progress',
    (progress) => progress.engine === shop.hashid && progress.state !== 'running',
  );
  await api.call('mirror:start', { engine: shop.hashid, type: 'product' });
  await expect(mirrored).resolves.toMatchObject({ state: 'completed' });
  const { rows } = await api.call<{ rows: GridRow[] }>('catalog:rows', { view: view(), start: 0, end: 4 });
  writeShopExport(rows);

  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  page = await openAppPage(context, app);
}, 120_000);

afterAll(async () => {
  api?.close();
  await browser?.close();
  await app?.stop();
});

describe('Import / Export, against the Sandbox account', () => {
  it('starts on the file step, with the engine and type to import into', async () => {
    await page.getByRole('link', { name: /Import \/ Export/ }).click();
    await page.getByTestId('import-drop-zone').waitFor();
    await page.getByLabel('Search engine').first().selectOption(shop.hashid);
    await shoot('1-file');
  });

  it('a shop export dropped on the Catalog grid opens the wizard on its columns', async () => {
    await page.evaluate((hashid) => (window.location.hash = `/catalog/${hashid}/product`), shop.hashid);
    await page.getByTestId('row-count').getByText('1,500 items').waitFor({ timeout: 20_000 });
    await dropFile('.grid-page', importFile, 'shop-export.csv');
    await page.getByTestId('import-mapping').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('import-file').textContent()).resolves.toContain('shop-export.csv');
    await expect(page.getByTestId('import-file').textContent()).resolves.toContain('Outdoor shop › product');
    // As the parser sees it: semicolons, the BOM skipped, the header on line 1.
    await expect(page.getByTestId('import-delimiter').inputValue()).resolves.toBe(';');
    await expect(page.getByTestId('import-encoding').inputValue()).resolves.toBe('utf-8');
    const preview = page.getByTestId('import-preview');
    await expect(preview.locator('th').allTextContents()).resolves.toEqual(['Line', 'ID', 'Name', 'Price', 'Brand']);
    await expect(preview.locator('tbody tr').first().textContent()).resolves.toContain(changedTitle);
    // Columns matched by name and synonym: ID -> id, Name -> title, Price -> price, Brand -> brand.
    const mapping = page.getByTestId('import-mapping');
    for (const [column, field] of [
      ['ID', 'field:id'],
      ['Name', 'field:title'],
      ['Price', 'field:price'],
      ['Brand', 'field:brand'],
    ]) {
      await expect(mapping.locator(`tr[data-column="${column}"] select`).first().inputValue()).resolves.toBe(field);
    }
    await expect(page.getByTestId('mapping-count').textContent()).resolves.toBe(
      '4 to existing fields · 0 new · 0 ignored',
    );
    await shoot('2-columns');

    // Saved as a preset: the next file with this header gets the same mapping by itself.
    await page.getByRole('textbox', { name: 'Preset name' }).fill('Shop monthly');
    await page.getByRole('button', { name: 'Save mapping as preset' }).click();
    await page.getByText('Saved as “Shop monthly”').waitFor();
  });

  it('the id column is required before a dry run', async () => {
    const idSelect = page.getByTestId('import-mapping').locator('tr[data-column="ID"] select').first();
    await idSelect.selectOption('ignore');
    await page.getByTestId('mapping-problems').getByText('Pick the column that holds each item’s id').waitFor();
    await expect(page.getByTestId('import-dry-run').isDisabled()).resolves.toBe(true);
    await idSelect.selectOption('field:id');
    await expect(page.getByTestId('import-dry-run').isEnabled()).resolves.toBe(true);
  });

  it('the dry run counts new, changed, unchanged and invalid rows and changes nothing', async () => {
    const pendingBefore = await pendingTotal();
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-dry-run-result').waitFor({ timeout: 30_000 });
    expect({
      new: await count('new'),
      changed: await count('changed'),
      unchanged: await count('unchanged'),
      invalid: await count('invalid'),
    }).toEqual({ new: 2, changed: 2, unchanged: 1, invalid: 1 });
    await expect(page.getByTestId('apply-summary').textContent()).resolves.toBe(
      'Apply adds 2 items and changes 2 items, as one action you can undo.',
    );
    // The per-field diff, before -> after.
    const changes = page.getByTestId('import-changes');
    await changes.getByText(changedTitle).waitFor();
    const repriced = changes.locator('tr', { hasText: repricedId });
    await expect(repriced.textContent()).resolves.toMatch(/price.*12\.34/);
    await shoot('3-dry-run');

    await page.getByRole('tab', { name: /Problems/ }).click();
    // Line 7 (the header is line 1), column 3: the price; the trailing delimiter only warns.
    const problem = page
      .getByTestId('import-problems')
      .locator('tr', { hasText: invalidId })
      .filter({ hasText: 'Price' });
    await problem.waitFor();
    await expect(problem.locator('td').first().textContent()).resolves.toBe('7');
    await expect(problem.locator('td').nth(1).textContent()).resolves.toBe('3 · Price');
    await expect(problem.textContent()).resolves.toMatch(/invalid: left out/);
    await shoot('3-dry-run-problems');

    // The new items, with what they would hold.
    await page.getByRole('tab', { name: /New/ }).click();
    const added = page.getByTestId('import-new');
    await added.getByText(`Imported tent ${stamp}`).waitFor();
    await expect(added.textContent()).resolves.toContain(newIds[1]);

    expect(await pendingTotal()).toBe(pendingBefore);
    const untouched = await rowsById([changedId]);
    expect(untouched.get(changedId)?.doc.title).not.toBe(changedTitle);
  });

  it('the results file of the dry run downloads with a line per row', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('save-results').click();
    const file = await (await download).path();
    const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(['line', 'id', 'outcome', 'message']);
    expect(parsed.data.find((row) => row[1] === invalidId)?.[2]).toBe('invalid');
    expect(parsed.data.find((row) => row[1] === newIds[0])?.[2]).toBe('new');
  });

  it('apply is one action: the rows change, and one undo takes all of it back', async () => {
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-applied').waitFor();
    await expect.poll(pendingTotal).toBe(4);
    let rows = await rowsById([changedId, repricedId, unchangedId, ...newIds]);
    expect(rows.get(changedId)?.doc.title).toBe(changedTitle);
    // A row equal to the catalog is not written: nothing to sync for it.
    expect(rows.get(unchangedId)?.status).toBe('clean');
    expect(rows.get(repricedId)?.doc.price).toBe(12.34);
    expect(rows.get(newIds[0] ?? '')?.doc).toMatchObject({ title: `Imported tent ${stamp}`, price: 199 });
    await shoot('4-applied');

    await page.getByTestId('import-undo').click();
    await page.getByTestId('import-undone').waitFor();
    await expect.poll(pendingTotal).toBe(0);
    rows = await rowsById([changedId, ...newIds]);
    expect(rows.get(changedId)?.doc.title).not.toBe(changedTitle);
    expect(rows.has(newIds[0] ?? '')).toBe(false);
  });

  it('applied again after a fresh dry run, then synced to Doofinder', async () => {
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-dry-run-result').waitFor({ timeout: 30_000 });
    expect(await count('new')).toBe(2);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-applied').waitFor();
    await expect.poll(pendingTotal).toBe(4);

    await page.getByTestId('sync-start').click();
    await page.getByTestId('import-sync-result').waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('import-sync-result').textContent()).resolves.toMatch(/Sync finished: 4 sent/);
    await expect.poll(pendingTotal, { timeout: 20_000 }).toBe(0);
    const rows = await rowsById([changedId, ...newIds]);
    expect([...rows.values()].map((row) => row.status)).toEqual(['clean', 'clean', 'clean']);
    await shoot('5-synced');

    // The results file after the sync tells each row's fate on Doofinder.
    const download = page.waitForEvent('download');
    await page.getByTestId('save-sync-results').click();
    const file = await (await download).path();
    const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const outcome = (id: string) => parsed.data.find((row) => row[1] === id)?.[2];
    expect([outcome(changedId), outcome(newIds[0] ?? ''), outcome(unchangedId), outcome(invalidId)]).toEqual([
      'synced',
      'synced',
      'unchanged',
      'invalid',
    ]);
  });

  let exported = '';

  it('exports the type and the download matches the catalog, item for item', async () => {
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByLabel('Search engine').last().selectOption(shop.hashid);
    await shoot('6-export');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const done = await download;
    exported = join(folder, done.suggestedFilename());
    await done.saveAs(exported);
    await page.getByTestId('export-done').waitFor();
    expect(done.suggestedFilename()).toMatch(/^outdoor-shop-product-\d{4}-\d{2}-\d{2}\.csv$/);

    const text = readFileSync(exported, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields?.[0]).toBe('id');
    const { rows } = await api.call<{ rows: GridRow[] }>('catalog:rows', { view: view(), start: 0, end: 2_000 });
    expect(parsed.data.map((row) => [row.id, row.title])).toEqual(
      [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => [row.id, String(row.doc.title)]),
    );
    expect(parsed.data.find((row) => row.id === newIds[1])).toMatchObject({ price: '45.5', brand: 'Riverstone' });
  });

  it('the exported file imported back in merge mode changes nothing', async () => {
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByRole('button', { name: 'Choose another file' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-pick').click();
    await (await chooser).setFiles(exported);
    await page.getByTestId('import-mapping').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-dry-run-result').waitFor({ timeout: 30_000 });
    expect({ new: await count('new'), changed: await count('changed'), invalid: await count('invalid') }).toEqual({
      new: 0,
      changed: 0,
      invalid: 0,
    });
    await expect(page.getByTestId('apply-summary').textContent()).resolves.toBe(
      'Apply changes nothing: every row equals what the catalog holds.',
    );
    await expect(page.getByTestId('import-apply').isDisabled()).resolves.toBe(true);
  });

  it('a file with a known header gets its preset, and replace mode lists what it would delete', async () => {
    await page.getByRole('button', { name: 'Choose another file' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-pick').click();
    await (await chooser).setFiles(importFile);
    await page.getByTestId('import-mapping').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('import-preset').inputValue()).toBe('Shop monthly');
    await page.getByText('made for this header').waitFor();

    await page.getByRole('radio', { name: /Replace/ }).check();
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-dry-run-result').waitFor({ timeout: 30_000 });
    const total = (await api.call<{ total: number }>('catalog:rows', { view: view(), start: 0, end: 1 })).total;
    // Every item but the five valid rows' (the invalid row's item stays: its line is left out, not its item).
    const deleted = await count('deleted');
    expect(deleted).toBeGreaterThanOrEqual(total - 6);
    expect(deleted).toBeLessThanOrEqual(total - 5);
    await page.getByRole('tab', { name: /Deletions/ }).click();
    await expect.poll(() => page.getByTestId('import-deletions').locator('li').count()).toBe(50);
    await shoot('3-dry-run-replace');
    await page.getByRole('button', { name: 'Back to columns' }).click();
    await page.getByTestId('import-mapping').waitFor();
    expect(await pendingTotal()).toBe(0);
  });

  it('the catalog grid exports its current view, in the view order, with its columns', async () => {
    await page.evaluate((hashid) => (window.location.hash = `/catalog/${hashid}/product`), shop.hashid);
    await page.getByTestId('row-count').getByText('items').waitFor({ timeout: 20_000 });
    const searched = { ...view(), quick: stamp };
    const { rows, total } = await api.call<{ rows: GridRow[]; total: number }>('catalog:rows', {
      view: searched,
      start: 0,
      end: 100,
    });
    expect(total).toBeGreaterThanOrEqual(3);
    await page.getByRole('searchbox', { name: 'Search items' }).fill(stamp);
    await page.getByTestId('row-count').getByText(`${total} of`).waitFor({ timeout: 20_000 });

    const download = page.waitForEvent('download');
    await page.getByTestId('grid-export').click();
    const done = await download;
    expect(done.suggestedFilename()).toMatch(/^outdoor-shop-product-view-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await done.path(), 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields?.[0]).toBe('id');
    expect(parsed.data.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    await page.getByText(`Exported ${total} items`).waitFor();
    await shoot('7-grid-export');
  });
  it('Apply and upload sends a small import to Doofinder in one flow, with its cost told first', async () => {
    const prefix = `E2E-UP-${stamp}`;
    await dryRunOf(writeNewProducts('upload.csv', prefix, 3));
    expect(await count('new')).toBe(3);
    await expect(page.getByTestId('upload-cost').textContent()).resolves.toContain(
      'Uploading sends 3 items in 1 request, about 1 s at 2 requests a second. These requests count against your plan.',
    );
    await page.getByTestId('upload-cost').scrollIntoViewIfNeeded();
    await shoot('8-upload-cost');

    await page.getByTestId('import-apply-upload').click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByTestId('import-sync-result').waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('import-sync-result').textContent()).resolves.toMatch(/Sync finished: 3 sent/);
    await expect.poll(pendingTotal, { timeout: 20_000 }).toBe(0);
    const rows = await rowsById([`${prefix}-1`, `${prefix}-3`]);
    expect([...rows.values()].map((row) => row.status)).toEqual(['clean', 'clean']);
  });

  it('an upload paused and left behind by a reload is offered again, and Resume finishes it', async () => {
    const prefix = `E2E-BULK-${stamp}`;
    await dryRunOf(writeNewProducts('bulk.csv', prefix, 250));
    expect(await count('new')).toBe(250);
    // Slow bulk writes, so the upload is still under way when it is paused.
    await api.sandboxControl('/_sandbox/faults', {
      rules: [{ path: '/items/product$', methods: ['PUT'], latencyMs: 1_500 }],
    });
    try {
      await page.getByTestId('import-apply-upload').click();
      await page.getByTestId('sync-progress').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Resume' }).waitFor({ timeout: 20_000 });
    } finally {
      await api.sandboxControl('/_sandbox/faults', undefined, 'DELETE');
    }
    const left = await pendingTotal();
    expect(left).toBeGreaterThan(0);

    await page.reload();
    await page.getByTestId('status-worker').getByText('Worker ready').waitFor();
    await page.getByRole('link', { name: /Import \/ Export/ }).click();
    const banner = page.getByTestId('resume-upload');
    await banner.waitFor({ timeout: 20_000 });
    await expect(banner.textContent()).resolves.toContain(
      `Upload of product in Outdoor shop stopped with ${left.toLocaleString('en-US')} ${left === 1 ? 'change' : 'changes'} left to send (it was paused).`,
    );
    await shoot('9-upload-resume');

    await page.getByTestId('resume-upload-start').click();
    await page.getByTestId('resume-upload-result').waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('resume-upload-result').textContent()).resolves.toMatch(/finished/);
    await expect.poll(pendingTotal, { timeout: 20_000 }).toBe(0);
    await expect(banner.count()).resolves.toBe(0);
    const rows = await rowsById([`${prefix}-1`, `${prefix}-250`]);
    expect([...rows.values()].map((row) => row.status)).toEqual(['clean', 'clean']);
  });
});
