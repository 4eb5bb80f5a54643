import { describe, expect, it } from 'vitest';
import { layoutFromState, parseLayout, stateFromLayout } from '../../../renderer/grid/layout';

describe('a type’s column layout across restarts', () => {
  it('keeps order, widths, hidden columns and sort', () => {
    const layout = layoutFromState([
      { colId: 'id', width: 120 },
      { colId: 'price', width: 90.4, sort: 'desc', sortIndex: 1 },
      { colId: 'title', width: 300, sort: 'asc', sortIndex: 0 },
      { colId: 'gtin', hide: true },
    ]);
    expect(layout).toEqual({
      version: 1,
      columns: [
        { id: 'id', width: 120 },
        { id: 'price', width: 90 },
        { id: 'title', width: 300 },
        { id: 'gtin', hidden: true },
      ],
      sort: [
        { field: 'title', dir: 'asc' },
        { field: 'price', dir: 'desc' },
      ],
    });
    const stored: unknown = JSON.parse(JSON.stringify(layout));
    expect(parseLayout(stored)).toEqual(layout);
  });

  it('puts the saved columns back in order and shows new fields at the end', () => {
    const layout = parseLayout({
      version: 1,
      columns: [{ id: 'price', width: 90 }, { id: 'gone' }, { id: 'title', hidden: true }],
      sort: [{ field: 'price', dir: 'asc' }],
    });
    expect(layout).not.toBeNull();
    const state = stateFromLayout(layout!, ['id', 'title', 'price', 'color']);
    expect(state.map((column) => column.colId)).toEqual(['price', 'title', 'id', 'color']);
    expect(state[0]).toEqual({ colId: 'price', width: 90, hide: false, sort: 'asc', sortIndex: 0 });
    expect(state[1]).toMatchObject({ colId: 'title', hide: true, sort: null });
    expect(state[3]).toEqual({ colId: 'color', hide: false, sort: null, sortIndex: null });
  });

  it('ignores a stored layout it did not write, and absurd widths', () => {
    expect(parseLayout(null)).toBeNull();
    expect(parseLayout({ columns: [] })).toBeNull();
    expect(
      parseLayout({ version: 1, columns: [{ id: 'a', width: -5 }, { nope: 1 }], sort: [{ field: 'a', dir: 'up' }] }),
    ).toEqual({ version: 1, columns: [{ id: 'a' }], sort: [] });
  });
});
