import { describe, expect, it } from 'vitest';
import type { ViewSpec } from '../../../preload/contract';
import {
  exportsSelection,
  gridExportFileName,
  gridExportRequest,
} from '../../../renderer/pages/import-export/grid-export';

const view: ViewSpec = {
  engine: 'e1',
  type: 'product',
  sort: [{ field: 'price', dir: 'desc' }],
  filters: [],
  quick: 'linen',
};

describe('exporting from the catalog grid', () => {
  it('exports the selected rows when whole rows are picked, else the view', () => {
    expect(exportsSelection({ wholeRows: true }, 3, 100)).toBe(true);
    expect(exportsSelection({ wholeRows: false }, 3, 100)).toBe(false);
    // Every row selected is the view: no need to send a million ids.
    expect(exportsSelection({ wholeRows: true }, 100, 100)).toBe(false);
  });

  it('sends the view as it is sorted and searched, or the ids, with the grid columns in order', () => {
    expect(gridExportRequest(view, ['id', 'price', 'title'], null, '/tmp/a.csv')).toMatchObject({
      file: '/tmp/a.csv',
      target: { scope: 'view', view },
      columns: ['id', 'price', 'title'],
      format: 'csv',
    });
    expect(gridExportRequest(view, [], ['P-1', 'P-2'], '/tmp/a.csv')).toMatchObject({
      target: { scope: 'ids', engine: 'e1', type: 'product', ids: ['P-1', 'P-2'] },
      columns: null,
    });
  });

  it('names the file after the engine, the type and what was exported', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(gridExportFileName('My Shop', 'product', false, now)).toBe('my-shop-product-view-2026-11-25.csv');
    expect(gridExportFileName('My Shop', 'product', true, now)).toBe('my-shop-product-selection-2026-11-25.csv');
  });
});
