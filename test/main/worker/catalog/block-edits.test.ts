/**
 * Edits over blocks of the view: a paste from a spreadsheet, fill down, copy, find and
 * replace, each one action whatever its size.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE, TYPE, catalogFixture, sampleDoc, type Fixture } from './catalog-fixture';

let fixture: Fixture;
afterEach(() => fixture?.close());

describe('paste of a block', () => {
  it('lays the block down the view in view order, converts each cell, and is one action', () => {
    fixture = catalogFixture();
    const view = fixture.view({ sort: [{ field: 'price', dir: 'desc' }] });
    const order = fixture.ids(view);
    const report = fixture.catalog.paste({
      view,
      startRow: 2,
      fields: ['title', 'price', 'in_stock'],
      rows: [
        ['First', '1,5', 'yes'],
        ['Second', 'lots', 'no'],
        ['Third', '3', 'maybe'],
      ],
    });
    expect(fixture.row(order[2] ?? '')?.doc).toMatchObject({ title: 'First', price: 1.5, in_stock: true });
    expect(fixture.row(order[3] ?? '')?.doc).toMatchObject({ title: 'Second', in_stock: false });
    expect(fixture.row(order[4] ?? '')?.doc).toMatchObject({ title: 'Third', price: 3 });
    expect(report.rejected).toEqual([
      expect.objectContaining({ id: order[3], field: 'price', value: 'lots', row: 1, column: 1 }),
      expect.objectContaining({ id: order[4], field: 'in_stock', value: 'maybe', row: 2, column: 2 }),
    ]);
    // Six or seven cells: a row's in_stock may already be what was pasted (then it is not a change).
    expect(report).toMatchObject({
      overflowRows: 0,
      itemsChanged: 3,
      summary: expect.stringMatching(/^Paste of [67] cells$/) as unknown,
    });
    fixture.catalog.undo();
    expect(fixture.catalog.rows({ view: fixture.view({ pendingOnly: true }), start: 0, end: 10 }).total).toBe(0);
  });

  it('counts the rows past the last row of the view without storing them', () => {
    fixture = catalogFixture();
    const view = fixture.view({ filters: [{ field: 'brand', op: 'equals', value: 'Acme' }] });
    const report = fixture.catalog.paste({ view, startRow: 8, fields: ['color'], rows: [['a'], ['b'], ['c'], ['d']] });
    expect(report).toMatchObject({ overflowRows: 2, itemsChanged: 2 });
    expect(
      fixture.catalog.rows({ view: fixture.view({ filters: [{ field: 'color', op: 'notBlank' }] }), start: 0, end: 10 })
        .total,
    ).toBe(2);
  });

  it('handles 10,000 rows x 3 columns as one action (no row cap)', () => {
    fixture = catalogFixture(Array.from({ length: 10_000 }, (_, n) => sampleDoc(n)));
    const view = fixture.view();
    const rows = Array.from({ length: 10_000 }, (_, n) => [`Title ${n}`, `${n},25`, `Colour ${n % 9}`]);
    const report = fixture.catalog.paste({ view, startRow: 0, fields: ['title', 'price', 'color'], rows });
    expect(report).toMatchObject({
      overflowRows: 0,
      itemsChanged: 10_000,
      summary: 'Paste of 30000 cells',
      rejected: [],
    });
    expect(fixture.row('P-9999')?.doc).toMatchObject({ title: 'Title 9999', price: 9999.25 });
    expect(fixture.catalog.undo().summary).toBe('Undid: Paste of 30000 cells');
    expect(fixture.row('P-9999')?.status).toBe('clean');
  });

  it('pastes the overflow rows as new items, the first column being the id', () => {
    fixture = catalogFixture();
    const report = fixture.catalog.pasteNew({
      engine: ENGINE,
      type: TYPE,
      fields: ['id', 'title', 'price'],
      rows: [
        ['N-1', 'One', '10'],
        ['N-2', 'Two', 'ten'],
        ['N-1', 'Again', '1'],
        ['P-001', 'Taken', '1'],
        ['bad id!', 'Bad', '1'],
      ],
    });
    expect(fixture.row('N-1')).toMatchObject({ status: 'new', doc: { id: 'N-1', title: 'One', price: 10 } });
    expect(fixture.row('N-2')).toMatchObject({ status: 'new', doc: { id: 'N-2', title: 'Two' } });
    expect(report.summary).toBe('Added 2 items from a paste');
    expect(report.rejected.map((rejected) => [rejected.row, rejected.column, rejected.reason])).toEqual([
      [1, 2, expect.stringContaining('price') as unknown],
      [2, 0, 'The id N-1 is pasted twice'],
      [3, 0, 'An item with id P-001 already exists in this type'],
      [4, 0, expect.stringContaining('An id is') as unknown],
    ]);
    fixture.catalog.undo();
    expect(fixture.row('N-1')).toBeNull();
  });
});

describe('fill down, copy, find and replace', () => {
  it('fill down copies the first row of the selection to the rows below it', () => {
    fixture = catalogFixture();
    const view = fixture.view();
    const report = fixture.catalog.fill({ view, startRow: 3, endRow: 6, fields: ['brand', 'tags', 'id'] });
    for (const id of ['P-004', 'P-005', 'P-006'])
      expect(fixture.row(id)?.doc).toMatchObject({ brand: 'Dune', tags: sampleDoc(3).tags, id });
    expect(fixture.row('P-007')?.doc.brand).toBe('Dune');
    expect(fixture.row('P-007')?.status).toBe('clean');
    expect(report.summary).toBe('Fill down of 5 cells');
    expect(report.rejected).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('copies any range of the view as TSV, lists joined the way paste splits them', () => {
    fixture = catalogFixture();
    fixture.catalog.edit({
      engine: ENGINE,
      type: TYPE,
      origin: 'edit',
      cells: [{ id: 'P-001', field: 'title', value: 'Tab\there "quoted"' }],
    });
    const copied = fixture.catalog.copy({
      view: fixture.view(),
      startRow: 1,
      endRow: 2,
      fields: ['id', 'title', 'tags', 'in_stock'],
    });
    expect(copied).toEqual({
      rows: 2,
      tsv: `P-001\t"Tab\there ""quoted"""\tnew | regular\ttrue\nP-002\tGreen linen shirt 2\tnew | regular\ttrue`,
    });
  });

  it('find and replace previews, then changes the view as one action, keeping each column kind', () => {
    fixture = catalogFixture();
    const view = fixture.view({ filters: [{ field: 'brand', op: 'equals', value: 'Acme' }] });
    const input = {
      view,
      field: null,
      find: 'SHIRT',
      replace: 'tee',
      matchCase: false,
      wholeCell: false,
      preview: true,
    };
    const preview = fixture.catalog.replace(input);
    // Title, description and category path of each of the 10 Acme shirts.
    expect(preview).toMatchObject({ actionId: null, matches: 30, itemsChanged: 10 });
    expect(fixture.catalog.rows({ view: fixture.view({ pendingOnly: true }), start: 0, end: 1 }).total).toBe(0);
    const done = fixture.catalog.replace({ ...input, preview: false });
    expect(done).toMatchObject({ matches: 30, itemsChanged: 10 });
    expect(fixture.row('P-000')?.doc).toMatchObject({
      title: 'Red linen tee 0',
      description: 'A light tee for every day.',
      categories: ['Men > Clothing > tees'],
    });
    expect(fixture.row('P-002')?.doc.title).toBe('Green linen shirt 2');

    const prices = fixture.catalog.replace({
      view: fixture.view(),
      field: 'price',
      find: '.5',
      replace: ',75',
      matchCase: true,
      wholeCell: false,
      preview: false,
    });
    expect(fixture.row('P-001')?.doc.price).toBe(17.75);
    expect(prices.rejected).toEqual([]);
    const whole = fixture.catalog.replace({
      view: fixture.view(),
      field: 'brand',
      find: 'acme',
      replace: 'Zed',
      matchCase: true,
      wholeCell: true,
      preview: true,
    });
    expect(whole.matches).toBe(0);
    const bad = fixture.catalog.replace({
      view: fixture.view(),
      field: 'in_stock',
      find: 'true',
      replace: 'sometimes',
      matchCase: false,
      wholeCell: true,
      preview: false,
    });
    expect(bad.rejected).toHaveLength(32);
    expect(bad.actionId).toBeNull();
    fixture.catalog.undo();
    fixture.catalog.undo();
    expect(fixture.row('P-000')?.status).toBe('clean');
  });
});
