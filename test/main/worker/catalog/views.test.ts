/**
 * The grid's views: a type's rows sorted on any field, filtered on any field, searched,
 * "pending only", read a block at a time with the view's total.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewSpec } from '../../../../preload/contract';
import { rowsByRowids } from '../../../../main/worker/catalog/item-rows';
import { staleRows } from '../../../../main/worker/catalog/search-index';
import { TypeFields } from '../../../../main/worker/catalog/type-fields';
import { FieldIndexes, MAX_FIELD_INDEXES } from '../../../../main/worker/catalog/view-indexes';
import { ViewRows } from '../../../../main/worker/catalog/view-rows';
import { catalogFixture, sampleDoc, storeMirrored, typeInto, type Fixture } from './catalog-fixture';

let fixture: Fixture;
afterEach(() => fixture?.close());

const prices = (fixture: Fixture, view: ViewSpec) =>
  fixture.catalog.rows({ view, start: 0, end: 1000 }).rows.map((row) => row.doc.price as number);

describe('views of a type', () => {
  it('sorts on any field, either way, with the total, and ties keep a stable order', () => {
    fixture = catalogFixture();
    const up = prices(fixture, fixture.view({ sort: [{ field: 'price', dir: 'asc' }] }));
    expect(up).toHaveLength(40);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = fixture.view({
      sort: [
        { field: 'brand', dir: 'desc' },
        { field: 'price', dir: 'asc' },
      ],
    });
    const rows = fixture.catalog.rows({ view: down, start: 0, end: 40 }).rows;
    expect(rows[0]?.doc.brand).toBe('Dune');
    expect(rows.at(-1)?.doc.brand).toBe('Acme');
    const dune = rows.filter((row) => row.doc.brand === 'Dune').map((row) => row.doc.price as number);
    expect(dune).toEqual([...dune].sort((a, b) => a - b));
    // Without a sort, rows come by id.
    expect(fixture.ids(fixture.view()).slice(0, 3)).toEqual(['P-000', 'P-001', 'P-002']);
  });

  it('answers a block of the view with the view total, and blocks join up without gaps or repeats', () => {
    fixture = catalogFixture();
    const view = fixture.view({ sort: [{ field: 'title', dir: 'asc' }] });
    const whole = fixture.ids(view);
    const blocks = [0, 7, 14, 21, 28, 35].flatMap((start) => {
      const answer = fixture.catalog.rows({ view, start, end: start + 7 });
      expect(answer.total).toBe(40);
      return answer.rows.map((row) => row.id);
    });
    expect(blocks).toEqual(whole);
    expect(fixture.catalog.rows({ view, start: 40, end: 50 })).toEqual({ rows: [], total: 40 });
  });

  it('filters on any field: text, numbers, ranges, list members, blanks', () => {
    fixture = catalogFixture();
    const count = (filters: ViewSpec['filters']) =>
      fixture.catalog.rows({ view: fixture.view({ filters }), start: 0, end: 0 }).total;
    expect(count([{ field: 'title', op: 'contains', value: 'LINEN' }])).toBe(20);
    expect(count([{ field: 'title', op: 'notContains', value: 'linen' }])).toBe(20);
    expect(count([{ field: 'title', op: 'startsWith', value: 'red' }])).toBe(14);
    expect(count([{ field: 'brand', op: 'equals', value: 'acme' }])).toBe(10);
    expect(count([{ field: 'brand', op: 'in', values: ['Acme', 'Dune'] }])).toBe(20);
    expect(count([{ field: 'price', op: 'gte', value: 40 }])).toBe(
      Array.from({ length: 40 }, (_, n) => sampleDoc(n).price as number).filter((price) => price >= 40).length,
    );
    expect(count([{ field: 'price', op: 'between', from: 10, to: 20 }])).toBe(
      Array.from({ length: 40 }, (_, n) => sampleDoc(n).price as number).filter((p) => p >= 10 && p <= 20).length,
    );
    expect(count([{ field: 'in_stock', op: 'equals', value: 'false' }])).toBe(8);
    expect(count([{ field: 'tags', op: 'in', values: ['sale'] }])).toBe(14);
    expect(count([{ field: 'tags', op: 'equals', value: 'regular' }])).toBe(26);
    expect(count([{ field: 'id', op: 'equals', value: 'P-007' }])).toBe(1);
    expect(count([{ field: 'color', op: 'blank' }])).toBe(40);
    expect(count([{ field: 'color', op: 'notBlank' }])).toBe(0);
    expect(
      count([
        { field: 'brand', op: 'equals', value: 'Acme' },
        { field: 'title', op: 'contains', value: 'shirt' },
        { field: 'price', op: 'lt', value: 1000 },
      ]),
    ).toBe(10);
  });

  it('finds items by the words of their title, description, brand, categories or id', () => {
    fixture = catalogFixture();
    const found = (quick: string) => fixture.ids(fixture.view({ quick }));
    expect(found('linen')).toHaveLength(20);
    expect(found('lin shi')).toHaveLength(20);
    expect(found('borealis')).toHaveLength(10);
    expect(found('scarves')).toHaveLength(20);
    expect(found('P-012')).toEqual(['P-012']);
    expect(found('warm shirt')).toEqual([]);
    // Web addresses are not searched (every item would match "shop").
    expect(found('example')).toEqual([]);
    typeInto(fixture, 'P-003', 'title', 'Velvet cape');
    expect(found('velvet')).toEqual(['P-003']);
  });

  it('searches the text as it is now: edited, pasted, deleted, undone', () => {
    fixture = catalogFixture();
    const found = (quick: string) => fixture.ids(fixture.view({ quick }));
    fixture.catalog.edit({
      engine: 'eng1',
      type: 'product',
      origin: 'paste',
      cells: [
        { id: 'P-001', field: 'title', value: 'Corduroy jacket' },
        { id: 'P-002', field: 'brand', value: 'Zephyr' },
      ],
    });
    // Re-indexing waits for a search or for a quiet moment; a search never sees the old text.
    expect(staleRows(fixture.db)).toBe(2);
    expect(found('corduroy')).toEqual(['P-001']);
    expect(found('zephyr')).toEqual(['P-002']);
    expect(found('wool scarf 1')).not.toContain('P-001');
    typeInto(fixture, 'P-001', 'title', 'Tweed jacket');
    fixture.catalog.delete({ engine: 'eng1', type: 'product', ids: ['P-001'] });
    fixture.catalog.undo();
    fixture.catalog.undo();
    expect(found('corduroy')).toEqual(['P-001']);
    expect(found('tweed')).toEqual([]);
    fixture.catalog.create({ engine: 'eng1', type: 'product', id: 'P-LOCAL', copyOf: 'P-002' });
    typeInto(fixture, 'P-LOCAL', 'title', 'Mohair beret');
    fixture.catalog.delete({ engine: 'eng1', type: 'product', ids: ['P-LOCAL'] });
    expect(found('mohair')).toEqual([]);
    expect(staleRows(fixture.db)).toBe(0);
  });

  it('re-indexes edited rows in the background, between requests', async () => {
    fixture = catalogFixture();
    fixture.catalog.paste({
      view: fixture.view(),
      startRow: 0,
      fields: ['title'],
      rows: Array.from({ length: 30 }, (_, n) => [`Renamed ${n}`]),
    });
    expect(staleRows(fixture.db)).toBe(30);
    for (let wait = 0; wait < 100 && staleRows(fixture.db) > 0; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(staleRows(fixture.db)).toBe(0);
  });

  it('shows only rows with pending changes when asked', () => {
    fixture = catalogFixture();
    const pending = fixture.view({ pendingOnly: true });
    expect(fixture.ids(pending)).toEqual([]);
    typeInto(fixture, 'P-005', 'title', 'Changed');
    fixture.catalog.delete({ engine: 'eng1', type: 'product', ids: ['P-009'] });
    expect(fixture.ids(pending)).toEqual(['P-005', 'P-009']);
  });

  it('keeps the order right after edits, also of the field it is sorted by', () => {
    fixture = catalogFixture();
    const view = fixture.view({ sort: [{ field: 'price', dir: 'desc' }] });
    expect(fixture.ids(view)[0]).not.toBe('P-020');
    typeInto(fixture, 'P-020', 'title', 'Unrelated change');
    typeInto(fixture, 'P-020', 'price', '999');
    expect(fixture.ids(view)[0]).toBe('P-020');
    fixture.catalog.create({ engine: 'eng1', type: 'product', id: 'P-NEW', copyOf: 'P-020' });
    expect(fixture.ids(view).slice(0, 2).sort()).toEqual(['P-020', 'P-NEW']);
  });

  it('reads the same rows whichever plan a view is read by', () => {
    fixture = catalogFixture(Array.from({ length: 300 }, (_, n) => sampleDoc(n)));
    // The same items in another type: a search finds them too, and no view of this type may show them.
    storeMirrored(
      fixture.db,
      Array.from({ length: 300 }, (_, n) => sampleDoc(n)),
      'eng1',
      'other',
    );
    const fields = new TypeFields(fixture.db);
    const kinds = (engine: string, type: string) => fields.kindOf(engine, type);
    // Default limits: small views sort their own rows; tiny limits: top blocks walk the index,
    // deeper ones read the order, cut from the type's order when sorted by one field.
    const plain = new ViewRows(fixture.db, new FieldIndexes(fixture.db), kinds);
    const walking = new ViewRows(fixture.db, new FieldIndexes(fixture.db), kinds, { directWalk: 120, smallView: 0 });
    const views = [
      fixture.view({ sort: [{ field: 'price', dir: 'asc' }] }),
      fixture.view({
        sort: [{ field: 'price', dir: 'desc' }],
        filters: [{ field: 'title', op: 'contains', value: 'shirt' }],
      }),
      fixture.view({
        sort: [{ field: 'title', dir: 'asc' }],
        filters: [{ field: 'brand', op: 'in', values: ['Acme', 'Dune', 'Cobalt'] }],
      }),
      fixture.view({
        sort: [{ field: 'brand', dir: 'asc' }],
        filters: [{ field: 'price', op: 'gt', value: 12 }],
        quick: 'shirt',
      }),
      fixture.view({ filters: [{ field: 'brand', op: 'equals', value: 'Acme' }] }),
      fixture.view({ quick: 'linen' }),
      fixture.view({
        sort: [
          { field: 'brand', dir: 'asc' },
          { field: 'price', dir: 'desc' },
        ],
        filters: [{ field: 'price', op: 'gt', value: 20 }],
      }),
    ];
    for (const view of views) {
      const blocks = (rows: ViewRows) =>
        [0, 50, 100, 150, 200, 250].flatMap((start) => rows.block(view, start, start + 50).rowids);
      const expected = blocks(plain);
      expect(expected.length).toBe(plain.total(view));
      expect(blocks(walking)).toEqual(expected);
    }
  });
});

describe('views kept across edits', () => {
  it('stay in order as edits move rows along them, into them and out of them', () => {
    fixture = catalogFixture(Array.from({ length: 200 }, (_, n) => sampleDoc(n)));
    const { catalog, db } = fixture;
    const fields = new TypeFields(db);
    const kinds = (engine: string, type: string) => fields.kindOf(engine, type);
    // What a view holds, read afresh (no kept order) after each step.
    const afresh = (view: ViewSpec) =>
      rowsByRowids(db, new ViewRows(db, new FieldIndexes(db), kinds).block(view, 0, 1000).rowids).map((row) => row.id);
    const views = [
      fixture.view({
        sort: [{ field: 'price', dir: 'asc' }],
        filters: [{ field: 'brand', op: 'in', values: ['Acme', 'Cobalt'] }],
      }),
      fixture.view({ sort: [{ field: 'title', dir: 'desc' }], filters: [{ field: 'price', op: 'gte', value: 30 }] }),
      fixture.view({
        sort: [
          { field: 'price', dir: 'desc' },
          { field: 'brand', dir: 'asc' },
        ],
        pendingOnly: true,
      }),
    ];
    const cells = (values: Array<[string, string, string | null]>) =>
      catalog.edit({
        engine: 'eng1',
        type: 'product',
        origin: 'paste',
        cells: values.map(([id, field, value]) => ({ id, field, value })),
      });
    const steps: Array<[string, () => unknown]> = [
      ['a price moves a row along', () => typeInto(fixture, 'P-004', 'price', '55')],
      ['a brand moves a row in', () => typeInto(fixture, 'P-001', 'brand', 'Acme')],
      ['a brand moves a row out', () => typeInto(fixture, 'P-000', 'brand', 'Dune')],
      [
        'equal prices tie',
        () =>
          cells([
            ['P-008', 'price', '20'],
            ['P-012', 'price', '20'],
            ['P-016', 'price', '20'],
            ['P-002', 'price', '20'],
          ]),
      ],
      ['a cleared price', () => typeInto(fixture, 'P-020', 'price', null)],
      ['a new item', () => catalog.create({ engine: 'eng1', type: 'product', id: 'P-NEW', copyOf: 'P-008' })],
      ['deletions', () => catalog.delete({ engine: 'eng1', type: 'product', ids: ['P-NEW', 'P-024'] })],
      ['undo', () => catalog.undo()],
      ['undo again', () => catalog.undo()],
      ['redo', () => catalog.redo()],
      ['a discarded item', () => catalog.discard({ scope: 'item', engine: 'eng1', type: 'product', id: 'P-004' })],
    ];
    for (const view of views) expect(fixture.ids(view)).toEqual(afresh(view));
    for (const [step, act] of steps) {
      act();
      for (const view of views) expect({ step, ids: fixture.ids(view) }).toEqual({ step, ids: afresh(view) });
    }
  });
});

describe('indexes for sorts and filters', () => {
  it('are made for the fields views sort and filter by, and the least used go past the limit', () => {
    fixture = catalogFixture();
    const indexes = new FieldIndexes(fixture.db);
    expect(indexes.ensure(['price', 'brand'])).toEqual(['price', 'brand']);
    expect(indexes.ensure(['price'])).toEqual([]);
    const plan = fixture.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT rowid FROM items WHERE engine = 'eng1' AND type = 'product'
         ORDER BY json_extract(doc, '$."price"') COLLATE NOCASE, rowid LIMIT 10`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/INDEX items_field_/);
    const many = Array.from({ length: MAX_FIELD_INDEXES + 3 }, (_, n) => `field_${n}`);
    for (const [n, field] of many.entries()) indexes.ensure([field], Date.now() + n * 1000);
    expect(indexes.indexed()).toHaveLength(MAX_FIELD_INDEXES);
    expect(indexes.indexed()).toContain(many.at(-1));
    expect(indexes.indexed()).not.toContain('price');
  });

  it('go when unused for a month; a use after a restart keeps one', () => {
    fixture = catalogFixture();
    const day = 24 * 3600 * 1000;
    const start = Date.now();
    new FieldIndexes(fixture.db).ensure(['price', 'brand'], start);
    // After a restart (a new instance), used again 20 days later: the use is written down.
    new FieldIndexes(fixture.db).ensure(['price'], start + 20 * day);
    new FieldIndexes(fixture.db).ensure(['title'], start + 35 * day);
    expect(new FieldIndexes(fixture.db).indexed()).toEqual(['price', 'title']);
  });

  it('are made by the first view that sorts on a field', () => {
    fixture = catalogFixture();
    fixture.catalog.rows({ view: fixture.view({ sort: [{ field: 'sale_price', dir: 'asc' }] }), start: 0, end: 10 });
    expect(new FieldIndexes(fixture.db).indexed()).toEqual(['sale_price']);
  });
});

describe('rows as the grid shows them', () => {
  it('say what changed here, and the row status', () => {
    fixture = catalogFixture();
    typeInto(fixture, 'P-001', 'title', 'New title');
    typeInto(fixture, 'P-001', 'price', '5');
    fixture.catalog.create({ engine: 'eng1', type: 'product', id: 'P-NEW', copyOf: null });
    const rows = fixture.catalog.rows({ view: fixture.view({ pendingOnly: true }), start: 0, end: 10 }).rows;
    expect(rows.find((row) => row.id === 'P-001')).toMatchObject({
      status: 'dirty',
      changed: ['price', 'title'],
      conflicts: [],
      theirs: null,
      error: null,
      doc: { title: 'New title', price: 5 },
    });
    expect(rows.find((row) => row.id === 'P-NEW')).toMatchObject({ status: 'new', changed: [], doc: { id: 'P-NEW' } });
  });

  it('refuse field names that cannot be a JSON path', () => {
    fixture = catalogFixture();
    expect(() =>
      fixture.catalog.rows({ view: fixture.view({ sort: [{ field: 'a"b', dir: 'asc' }] }), start: 0, end: 1 }),
    ).toThrow(/has a character fields cannot hold/);
  });
});
