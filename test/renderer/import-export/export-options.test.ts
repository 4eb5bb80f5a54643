import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHOICES,
  exportFileName,
  exportRequest,
  fieldsInGridOrder,
  resultsFileName,
  type ExportChoices,
} from '../../../renderer/pages/import-export/export-options';

const choices: ExportChoices = { ...DEFAULT_CHOICES, engine: 'abc123', type: 'product' };

describe('the export form', () => {
  it('exports all items as CSV with the chosen delimiter, joiner and BOM', () => {
    expect(exportRequest({ ...choices, delimiter: ';', columns: ['id', 'title'] }, '/tmp/x.csv')).toEqual({
      file: '/tmp/x.csv',
      target: { scope: 'all', engine: 'abc123', type: 'product' },
      columns: ['id', 'title'],
      format: 'csv',
      delimiter: ';',
      listJoiner: ' | ',
      bom: true,
    });
  });

  it('exports the pending-only view, every column when none is picked', () => {
    const request = exportRequest({ ...choices, scope: 'pending' }, '/tmp/x.csv');
    expect(request.target).toEqual({
      scope: 'view',
      view: { engine: 'abc123', type: 'product', sort: [], filters: [], quick: '', pendingOnly: true },
    });
    expect(request.columns).toBeNull();
  });

  it('leaves the feed format its own delimiter, joiner and no BOM', () => {
    const request = exportRequest({ ...choices, format: 'feed', delimiter: ';', bom: true }, '/tmp/x.txt');
    expect(request).toMatchObject({ format: 'feed', bom: false });
    expect(request).not.toHaveProperty('delimiter');
    expect(request).not.toHaveProperty('listJoiner');
  });

  it('names files after the engine, type, scope and day', () => {
    const day = new Date('2026-11-25T10:00:00Z');
    expect(exportFileName('Outdoor shop', { type: 'product', format: 'csv', scope: 'all' }, day)).toBe(
      'outdoor-shop-product-2026-11-25.csv',
    );
    expect(exportFileName('Tienda Ñandú', { type: 'product', format: 'feed', scope: 'pending' }, day)).toBe(
      'tienda-nandu-product-pending-feed-2026-11-25.txt',
    );
    expect(resultsFileName('shop/export.csv', 'dryRun')).toBe('shop_export - dry run results.csv');
  });

  it('orders columns as the grid shows them, id first, hidden ones unticked', () => {
    const fields = ['title', 'id', 'price', 'brand'].map((name) => ({ name, kind: 'text' as const, count: 1 }));
    const layout = { columns: [{ id: 'price' }, { id: 'gone' }, { id: 'title', hidden: true }, { id: 'id' }] };
    expect(fieldsInGridOrder(fields, layout)).toEqual([
      { name: 'id', shown: true },
      { name: 'price', shown: true },
      { name: 'title', shown: false },
      { name: 'brand', shown: true },
    ]);
  });
});
