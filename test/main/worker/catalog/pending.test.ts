/**
 * The pending list (what a sync would send, per item and field, and what it would cost)
 * and discarding changes, which is one undoable action whatever its scope.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LISTED_PER_GROUP } from '../../../../main/worker/catalog/pending-list';
import { ENGINE, TYPE, catalogFixture, sampleDoc, storeMirrored, typeInto, type Fixture } from './catalog-fixture';

let fixture: Fixture;
afterEach(() => fixture?.close());

describe('the pending list', () => {
  it('lists every changed item and field with before and after, grouped by engine and type with counts', () => {
    fixture = catalogFixture();
    storeMirrored(fixture.db, [sampleDoc(900)], ENGINE, 'article');
    const before = fixture.row('P-001')?.doc;
    typeInto(fixture, 'P-001', 'price', '1');
    typeInto(fixture, 'P-001', 'color', 'Ochre');
    fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-NEW', copyOf: null });
    typeInto(fixture, 'P-NEW', 'title', 'Fresh');
    fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-002'] });
    fixture.catalog.edit({
      engine: ENGINE,
      type: 'article',
      origin: 'edit',
      cells: [{ id: 'P-900', field: 'title', value: 'Article' }],
    });
    fixture.db.prepare("UPDATE items SET status = 'failed', error = 'refused', base = doc WHERE id = 'P-003'").run();

    const snapshot = fixture.catalog.pending();
    expect(snapshot).toMatchObject({ total: 5, requests: 4, etaSeconds: 2 });
    expect(snapshot.groups.map((group) => [group.engineName, group.type, group.counts])).toEqual([
      ['Shop', 'article', { edited: 1, created: 0, deleted: 0, failed: 0, conflicts: 0 }],
      ['Shop', 'product', { edited: 1, created: 1, deleted: 1, failed: 1, conflicts: 0 }],
    ]);
    const products = snapshot.groups[1];
    expect(products?.items.find((item) => item.id === 'P-001')).toEqual({
      id: 'P-001',
      status: 'dirty',
      error: null,
      fields: [
        { field: 'color', before: null, after: 'Ochre' },
        { field: 'price', before: before?.price, after: 1 },
      ],
    });
    expect(products?.items.find((item) => item.id === 'P-NEW')?.fields).toEqual([
      { field: 'title', before: null, after: 'Fresh' },
    ]);
    expect(products?.items.find((item) => item.id === 'P-002')).toMatchObject({ status: 'deleted', fields: [] });
    expect(products?.items.find((item) => item.id === 'P-003')).toMatchObject({ status: 'failed', error: 'refused' });
  });

  it('lists a capped number of items per group and says how many more there are; requests follow the 100-item batches', () => {
    const docs = Array.from({ length: LISTED_PER_GROUP * 2 }, (_, n) => sampleDoc(n));
    fixture = catalogFixture(docs);
    fixture.catalog.fill({ view: fixture.view(), startRow: 0, endRow: docs.length - 1, fields: ['brand'] });
    const snapshot = fixture.catalog.pending();
    const group = snapshot.groups[0];
    // Every item but the first (whose value was copied) of the three other brands changed.
    const changed = docs.filter((doc) => doc.brand !== 'Acme').length;
    expect(group?.items).toHaveLength(LISTED_PER_GROUP);
    expect(group?.more).toBe(changed - LISTED_PER_GROUP);
    expect(snapshot.requests).toBe(Math.ceil(changed / 100));
    expect(snapshot.etaSeconds).toBe(Math.ceil(snapshot.requests / 2));
  });
});

describe('discarding changes', () => {
  function changeSome(fixture: Fixture) {
    typeInto(fixture, 'P-001', 'price', '1');
    typeInto(fixture, 'P-001', 'title', 'Mine');
    fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-NEW', copyOf: 'P-005' });
    fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-002'] });
  }

  it('drops one field, one item, or everything, each as one action that undo brings back', () => {
    fixture = catalogFixture();
    const server = fixture.row('P-001')?.doc;
    changeSome(fixture);
    fixture.catalog.discard({ scope: 'field', engine: ENGINE, type: TYPE, id: 'P-001', field: 'price' });
    expect(fixture.row('P-001')).toMatchObject({ status: 'dirty', doc: { price: server?.price, title: 'Mine' } });
    fixture.catalog.discard({ scope: 'item', engine: ENGINE, type: TYPE, id: 'P-001' });
    expect(fixture.row('P-001')).toMatchObject({ status: 'clean', doc: server, base: null });

    const all = fixture.catalog.discard({ scope: 'all' });
    expect(all.summary).toBe('Discarded all pending changes (2 items)');
    expect(fixture.row('P-NEW')).toBeNull();
    expect(fixture.row('P-002')?.status).toBe('clean');
    expect(fixture.catalog.pending().total).toBe(0);
    expect(fixture.catalog.undoState().undoSummary).toBe('Discarded all pending changes (2 items)');

    fixture.catalog.undo();
    expect(fixture.row('P-NEW')).toMatchObject({ status: 'new' });
    expect(fixture.row('P-002')).toMatchObject({ status: 'deleted' });
    fixture.catalog.undo();
    fixture.catalog.undo();
    expect(fixture.row('P-001')).toMatchObject({ status: 'dirty', doc: { price: 1, title: 'Mine' }, base: server });
    expect(fixture.events.filter((event) => event.channel === 'sync:pendingChanged').at(-1)?.payload).toEqual({
      total: 3,
    });
  });

  it('drops a type at a time, and leaves rows being pushed for the push to settle', () => {
    fixture = catalogFixture();
    storeMirrored(fixture.db, [sampleDoc(900)], ENGINE, 'article');
    changeSome(fixture);
    fixture.catalog.edit({
      engine: ENGINE,
      type: 'article',
      origin: 'edit',
      cells: [{ id: 'P-900', field: 'title', value: 'Kept' }],
    });
    fixture.db.prepare("UPDATE items SET status = 'pushing', pending_op = 'patch' WHERE id = 'P-001'").run();
    const report = fixture.catalog.discard({ scope: 'type', engine: ENGINE, type: TYPE });
    expect(report.summary).toBe(
      'Discarded the changes to 2 items of product; 1 item being synced right now were left as they are',
    );
    expect(fixture.row('P-001')?.status).toBe('pushing');
    expect(fixture.catalog.pending().groups.map((group) => [group.type, group.items.length])).toEqual([
      ['article', 1],
      ['product', 1],
    ]);
  });

  it('takes the server values of a conflicting field, and drops an item the server deleted', () => {
    fixture = catalogFixture();
    const server = fixture.row('P-004')?.doc ?? {};
    const theirs = JSON.stringify({ ...server, price: 99 });
    fixture.db
      .prepare(
        "UPDATE items SET status = 'conflict', doc = ?, base = ?, theirs = ?, error = 'Changed here and on the server: price' WHERE id = 'P-004'",
      )
      .run(JSON.stringify({ ...server, price: 1, title: 'Mine' }), theirs, theirs);
    fixture.db
      .prepare(
        "UPDATE items SET status = 'conflict', base = doc, error = 'Deleted on the server after it was changed here' WHERE id = 'P-005'",
      )
      .run();
    fixture.catalog.discard({ scope: 'field', engine: ENGINE, type: TYPE, id: 'P-004', field: 'price' });
    expect(fixture.row('P-004')).toMatchObject({ status: 'dirty', doc: { price: 99, title: 'Mine' }, theirs: null });
    fixture.catalog.discard({ scope: 'item', engine: ENGINE, type: TYPE, id: 'P-005' });
    expect(fixture.row('P-005')).toBeNull();
    fixture.catalog.undo();
    expect(fixture.row('P-005')?.status).toBe('conflict');
  });
});
