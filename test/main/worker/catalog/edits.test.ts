/**
 * Edits in the grid: typed text converted by its column, each user action one undoable
 * action, the row's sync state following the rules push and mirror rely on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { trimHistory } from '../../../../main/worker/catalog/history';
import { ENGINE, TYPE, catalogFixture, typeInto, type Fixture } from './catalog-fixture';

let fixture: Fixture;
afterEach(() => fixture?.close());

const setRow = (fixture: Fixture, id: string, columns: Record<string, unknown>) => {
  const sets = Object.keys(columns).map((column) => `${column} = ?`);
  fixture.db
    .prepare(`UPDATE items SET ${sets.join(', ')} WHERE engine = ? AND type = ? AND id = ?`)
    .run(...Object.values(columns), ENGINE, TYPE, id);
};

describe('typing into a cell', () => {
  it('stores the value converted by the column, and reports what does not fit', () => {
    fixture = catalogFixture();
    const report = fixture.catalog.edit({
      engine: ENGINE,
      type: TYPE,
      origin: 'edit',
      cells: [
        { id: 'P-001', field: 'price', value: '€12,50' },
        { id: 'P-001', field: 'in_stock', value: 'no' },
        { id: 'P-001', field: 'tags', value: 'summer | linen' },
        { id: 'P-001', field: 'categories', value: 'Men>Shirts %% Sale > Men' },
        { id: 'P-001', field: 'released', value: 'next week' },
        { id: 'P-001', field: 'sale_price', value: 'cheap' },
        { id: 'P-001', field: 'id', value: 'P-999' },
        { id: 'P-001', field: 'material', value: '100% linen' },
        { id: 'NOPE', field: 'title', value: 'x' },
      ],
    });
    expect(fixture.row('P-001')?.doc).toMatchObject({
      price: 12.5,
      in_stock: false,
      tags: ['summer', 'linen'],
      categories: ['Men > Shirts', 'Sale > Men'],
      material: '100% linen',
      id: 'P-001',
      released: '2024-02-15',
    });
    expect(report.rejected).toEqual([
      expect.objectContaining({
        id: 'P-001',
        field: 'released',
        value: 'next week',
        reason: expect.stringContaining('ISO') as unknown,
      }),
      expect.objectContaining({
        id: 'P-001',
        field: 'sale_price',
        value: 'cheap',
        reason: expect.stringContaining('price') as unknown,
      }),
      expect.objectContaining({
        id: 'P-001',
        field: 'id',
        reason: expect.stringContaining('id cannot be changed') as unknown,
      }),
      expect.objectContaining({ id: 'NOPE', field: 'title', reason: 'There is no item NOPE in this type' }),
    ]);
    expect(report).toMatchObject({ itemsChanged: 1, actionId: expect.any(Number) as unknown });
    // The new column is offered from now on, as text.
    expect(fixture.catalog.fields(ENGINE, TYPE)).toContainEqual({ name: 'material', kind: 'text', count: 1 });
  });

  it('clears a cell with null', () => {
    fixture = catalogFixture();
    typeInto(fixture, 'P-002', 'brand', null);
    expect(fixture.row('P-002')?.doc).not.toHaveProperty('brand');
    expect(
      fixture.catalog.rows({ view: fixture.view({ pendingOnly: true }), start: 0, end: 1 }).rows[0]?.changed,
    ).toEqual(['brand']);
  });
});

describe('row states follow an edit', () => {
  it('a clean row keeps the server version as its base and becomes dirty; typed back, it is clean again', () => {
    fixture = catalogFixture();
    const server = fixture.row('P-003')?.doc;
    typeInto(fixture, 'P-003', 'title', 'Changed');
    expect(fixture.row('P-003')).toMatchObject({ status: 'dirty', base: server, rev: 1 });
    typeInto(fixture, 'P-003', 'title', 'Changed again');
    expect(fixture.row('P-003')).toMatchObject({ status: 'dirty', base: server, rev: 2 });
    typeInto(fixture, 'P-003', 'title', String(server?.title));
    expect(fixture.row('P-003')).toMatchObject({ status: 'clean', base: null, rev: 3, doc: server });
  });

  it('a failed row is pending again (new if the server never had it); new and conflicting rows keep their state', () => {
    fixture = catalogFixture();
    const server = JSON.stringify(fixture.row('P-004')?.doc);
    setRow(fixture, 'P-004', { status: 'failed', base: server, error: 'failed to parse [price]' });
    typeInto(fixture, 'P-004', 'price', '9');
    expect(fixture.row('P-004')).toMatchObject({ status: 'dirty', error: null });

    setRow(fixture, 'P-005', { status: 'failed', base: null, error: 'refused' });
    typeInto(fixture, 'P-005', 'price', '9');
    expect(fixture.row('P-005')).toMatchObject({ status: 'new', base: null });

    fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-NEW', copyOf: null });
    typeInto(fixture, 'P-NEW', 'title', 'Made here');
    expect(fixture.row('P-NEW')).toMatchObject({ status: 'new', base: null, doc: { id: 'P-NEW', title: 'Made here' } });

    setRow(fixture, 'P-006', {
      status: 'conflict',
      base: server,
      theirs: server,
      error: 'Changed here and on the server: title',
    });
    typeInto(fixture, 'P-006', 'brand', 'Other');
    expect(fixture.row('P-006')?.status).toBe('conflict');
  });

  it('a row being pushed stays pushing and its rev moves, so the push keeps the edit', () => {
    fixture = catalogFixture();
    const server = JSON.stringify(fixture.row('P-007')?.doc);
    setRow(fixture, 'P-007', { status: 'pushing', base: server, pending_op: 'patch', rev: 4 });
    typeInto(fixture, 'P-007', 'title', 'During the push');
    expect(fixture.row('P-007')).toMatchObject({ status: 'pushing', rev: 5, doc: { title: 'During the push' } });
  });

  it('a deleted row cannot be edited', () => {
    fixture = catalogFixture();
    fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-008'] });
    const report = typeInto(fixture, 'P-008', 'title', 'x');
    expect(report.actionId).toBeNull();
    expect(report.rejected[0]?.reason).toMatch(/P-008 is deleted/);
  });
});

describe('undo and redo', () => {
  it('undo puts every cell of an action back, redo applies it again, exactly', () => {
    fixture = catalogFixture();
    const before = fixture.row('P-010');
    fixture.catalog.edit({
      engine: ENGINE,
      type: TYPE,
      origin: 'paste',
      cells: [
        { id: 'P-010', field: 'title', value: 'A' },
        { id: 'P-010', field: 'brand', value: null },
        { id: 'P-011', field: 'price', value: '1' },
      ],
    });
    expect(fixture.catalog.undoState()).toEqual({
      canUndo: true,
      canRedo: false,
      undoSummary: 'Paste of 3 cells',
      redoSummary: null,
      undoActionId: expect.any(Number) as unknown,
      redoActionId: null,
    });
    const undone = fixture.catalog.undo();
    expect(undone.summary).toBe('Undid: Paste of 3 cells');
    expect(fixture.row('P-010')).toMatchObject({ doc: before?.doc, status: 'clean', base: null });
    expect(fixture.row('P-011')?.status).toBe('clean');
    expect(fixture.catalog.undoState()).toMatchObject({
      canUndo: false,
      canRedo: true,
      redoSummary: 'Paste of 3 cells',
    });
    fixture.catalog.redo();
    expect(fixture.row('P-010')?.doc).toMatchObject({ title: 'A' });
    expect(fixture.row('P-010')?.doc).not.toHaveProperty('brand');
    expect(fixture.row('P-011')?.doc.price).toBe(1);
    expect(fixture.catalog.undoState()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('a new action after an undo drops what could have been redone', () => {
    fixture = catalogFixture();
    typeInto(fixture, 'P-012', 'title', 'one');
    typeInto(fixture, 'P-012', 'title', 'two');
    fixture.catalog.undo();
    typeInto(fixture, 'P-012', 'title', 'three');
    expect(fixture.catalog.undoState()).toMatchObject({ canRedo: false, undoSummary: 'Edit of title on P-012' });
    expect(fixture.catalog.redo().actionId).toBeNull();
    fixture.catalog.undo();
    expect(fixture.row('P-012')?.doc.title).toBe('one');
  });

  it('survives a restart, and views, sorts and filters never clear it', () => {
    fixture = catalogFixture();
    typeInto(fixture, 'P-013', 'title', 'Before restart');
    fixture.catalog.rows({
      view: fixture.view({ sort: [{ field: 'price', dir: 'desc' }], quick: 'shirt' }),
      start: 0,
      end: 50,
    });
    fixture.catalog.fields(ENGINE, TYPE);
    fixture = fixture.restart();
    expect(fixture.catalog.undoState()).toMatchObject({ canUndo: true, undoSummary: 'Edit of title on P-013' });
    fixture.catalog.undo();
    expect(fixture.row('P-013')?.status).toBe('clean');
    fixture = fixture.restart();
    fixture.catalog.redo();
    expect(fixture.row('P-013')?.doc.title).toBe('Before restart');
  });

  it('a failed row edited and undone is failed again, with the server reason', () => {
    fixture = catalogFixture();
    const server = JSON.stringify(fixture.row('P-014')?.doc);
    setRow(fixture, 'P-014', {
      status: 'failed',
      base: server,
      doc: server.replace('"price":', '"price":"bad","old":'),
      error: 'failed to parse [price]',
    });
    typeInto(fixture, 'P-014', 'price', '3');
    fixture.catalog.undo();
    expect(fixture.row('P-014')).toMatchObject({
      status: 'failed',
      error: 'failed to parse [price]',
      doc: { price: 'bad' },
    });
  });

  it('tells the grid after every change: rows changed, undo state, pending count', () => {
    fixture = catalogFixture();
    typeInto(fixture, 'P-015', 'title', 'x');
    fixture.catalog.undo();
    const channels = fixture.events.map((event) => event.channel);
    expect(channels).toEqual([
      'catalog:changed',
      'catalog:undoState',
      'sync:pendingChanged',
      'catalog:changed',
      'catalog:undoState',
      'sync:pendingChanged',
    ]);
    expect(fixture.events[0]?.payload).toEqual({ accountId: 'acct', engine: ENGINE, type: TYPE, reason: 'edit' });
    expect(fixture.events[2]?.payload).toEqual({ total: 1 });
    expect(fixture.events[3]?.payload).toMatchObject({ reason: 'undo' });
    expect(fixture.events[5]?.payload).toEqual({ total: 0 });
  });
});

describe('creating and deleting items', () => {
  it('creates an item with an id unique in the type, or a copy of one', () => {
    fixture = catalogFixture();
    fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-COPY', copyOf: 'P-020' });
    const original = fixture.row('P-020')?.doc;
    expect(fixture.row('P-COPY')).toMatchObject({ status: 'new', base: null, doc: { ...original, id: 'P-COPY' } });
    expect(() => fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-020', copyOf: null })).toThrow(
      'An item with id P-020 already exists in this type.',
    );
    expect(() => fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-X', copyOf: 'P-NONE' })).toThrow(
      /no item P-NONE/,
    );
  });

  it('marks synced items deleted until the sync, drops items made here at once, and undo brings them back', () => {
    fixture = catalogFixture();
    fixture.catalog.create({ engine: ENGINE, type: TYPE, id: 'P-LOCAL', copyOf: null });
    const server = fixture.row('P-021')?.doc;
    const report = fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-021', 'P-LOCAL', 'P-MISSING'] });
    expect(report.summary).toBe('Deleted 2 items');
    expect(report.rejected).toEqual([expect.objectContaining({ id: 'P-MISSING' })]);
    expect(fixture.row('P-021')).toMatchObject({ status: 'deleted', base: server });
    expect(fixture.row('P-LOCAL')).toBeNull();
    expect(fixture.catalog.rows({ view: fixture.view({ quick: 'P-021' }), start: 0, end: 5 }).rows[0]?.status).toBe(
      'deleted',
    );
    fixture.catalog.undo();
    expect(fixture.row('P-021')).toMatchObject({ status: 'clean', base: null, doc: server });
    expect(fixture.row('P-LOCAL')).toMatchObject({ status: 'new' });
  });

  it('undoing a delete whose deletion was synced brings the item back as a new one', () => {
    fixture = catalogFixture();
    const server = fixture.row('P-022')?.doc;
    fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-022'] });
    // What push does once the server took the DELETE.
    fixture.db.prepare("DELETE FROM items WHERE id = 'P-022'").run();
    fixture.catalog.undo();
    expect(fixture.row('P-022')).toMatchObject({ status: 'new', base: null, doc: server });
  });

  it('undoing a delete while the deletion is being sent makes the item one to create again', () => {
    fixture = catalogFixture();
    fixture.catalog.delete({ engine: ENGINE, type: TYPE, ids: ['P-023'] });
    setRow(fixture, 'P-023', { status: 'pushing', pending_op: 'delete' });
    fixture.catalog.undo();
    expect(fixture.row('P-023')).toMatchObject({ status: 'dirty', rev: 2 });
  });
});

describe('column layouts', () => {
  it('are kept per engine and type, across restarts', () => {
    fixture = catalogFixture();
    expect(fixture.catalog.layout(ENGINE, TYPE)).toBeNull();
    fixture.catalog.saveLayout(ENGINE, TYPE, { columns: [{ field: 'title', width: 320 }] });
    fixture.catalog.saveLayout(ENGINE, 'other', { columns: [] });
    fixture = fixture.restart();
    expect(fixture.catalog.layout(ENGINE, TYPE)).toEqual({ columns: [{ field: 'title', width: 320 }] });
  });
});

describe("an item's history", () => {
  it('keeps the newest entries of an item whose history grew past the limit, and leaves the others whole', () => {
    fixture = catalogFixture();
    for (let n = 1; n <= 7; n += 1) typeInto(fixture, 'P-001', 'title', `Title ${n}`);
    typeInto(fixture, 'P-002', 'title', 'Once');
    typeInto(fixture, 'P-002', 'title', 'Twice');
    expect(trimHistory(fixture.db, 5)).toBe(2);
    const afters = (id: string) => fixture.catalog.itemHistory(ENGINE, TYPE, id).map((entry) => entry.after);
    expect(afters('P-001')).toEqual(['Title 7', 'Title 6', 'Title 5', 'Title 4', 'Title 3']);
    expect(afters('P-002')).toEqual(['Twice', 'Once']);
  });
});
