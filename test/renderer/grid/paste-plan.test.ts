import { describe, expect, it } from 'vitest';
import { firstIdMismatch, planPaste, type PasteColumn } from '../../../renderer/grid/paste-plan';

const columns: PasteColumn[] = [
  { field: 'id', editable: false },
  { field: 'title', editable: true },
  { field: 'price', editable: true },
  { field: 'brand', editable: true },
];

const rect = (top: number, bottom: number, left: number, right: number) => ({ top, bottom, left, right });

describe('what a paste does', () => {
  it('lays a block down from the active cell, into as many columns as it is wide', () => {
    const block = [
      ['Tent', '99'],
      ['Stove', '45'],
    ];
    expect(planPaste(block, rect(3, 3, 1, 1), columns, 100)).toEqual({
      kind: 'block',
      startRow: 3,
      fields: ['title', 'price'],
      rows: block,
      overflowRows: 0,
    });
  });

  it('puts one copied value into every selected cell', () => {
    expect(planPaste([['Acme']], rect(0, 9, 3, 3), columns, 100)).toEqual({
      kind: 'fill',
      value: 'Acme',
      rect: rect(0, 9, 3, 3),
      fields: ['brand'],
    });
  });

  it('skips the id column when one value goes into a selection that includes it', () => {
    const plan = planPaste([['x']], rect(0, 1, 0, 1), columns, 100);
    expect(plan).toMatchObject({ kind: 'fill', fields: ['title'] });
  });

  it('repeats a block over a selection that is a whole multiple of it', () => {
    const plan = planPaste([['a'], ['b']], rect(0, 5, 1, 1), columns, 100);
    expect(plan).toMatchObject({ kind: 'block', rows: [['a'], ['b'], ['a'], ['b'], ['a'], ['b']] });
  });

  it('pastes the block once when the selection is not a multiple of it', () => {
    const plan = planPaste([['a'], ['b']], rect(0, 4, 1, 1), columns, 100);
    expect(plan).toMatchObject({ kind: 'block', rows: [['a'], ['b']] });
  });

  it('says plainly when the block is wider than the columns to the right', () => {
    const plan = planPaste([['a', 'b', 'c']], rect(0, 0, 2, 2), columns, 100);
    expect(plan.kind).toBe('refuse');
    expect(plan.kind === 'refuse' && plan.message).toMatch(
      /3 columns wide, but there is only 2 columns from “price” to the last column/,
    );
  });

  it('refuses a block that would land on the id column past its first column', () => {
    const order: PasteColumn[] = [columns[1] as PasteColumn, columns[0] as PasteColumn, columns[2] as PasteColumn];
    const plan = planPaste([['a', 'b', 'c']], rect(0, 0, 0, 0), order, 100);
    expect(plan.kind === 'refuse' && plan.message).toMatch(/“id”, which cannot be changed/);
  });

  it('counts the rows that fall past the last row of the view, to offer them as new items', () => {
    const block = Array.from({ length: 50 }, (_, i) => [`id-${i}`, `Item ${i}`, String(i)]);
    const plan = planPaste(block, rect(90, 90, 0, 0), columns, 100);
    expect(plan).toMatchObject({ kind: 'block', startRow: 90, fields: ['id', 'title', 'price'], overflowRows: 40 });
  });

  it('has no limit on rows: 10,000 pasted rows make one block', () => {
    const block = Array.from({ length: 10_000 }, (_, i) => [String(i)]);
    const plan = planPaste(block, rect(0, 0, 2, 2), columns, 20_000);
    expect(plan.kind === 'block' && plan.rows.length).toBe(10_000);
  });

  it('does nothing for an empty clipboard', () => {
    expect(planPaste([], rect(0, 0, 1, 1), columns, 10)).toEqual({ kind: 'nothing' });
  });
});

describe('a block pasted with its ids', () => {
  const rowIds = ['A-1', 'A-2', 'A-3'];

  it('goes ahead when the ids are the rows’ own (copied out, edited, pasted back)', () => {
    expect(
      firstIdMismatch(
        [
          ['A-1', 'x'],
          [' A-2 ', 'y'],
          ['A-3', 'z'],
        ],
        rowIds,
      ),
    ).toBeNull();
  });

  it('names the first pasted row whose id is another row’s', () => {
    expect(
      firstIdMismatch(
        [
          ['A-1', 'x'],
          ['A-3', 'y'],
          ['A-2', 'z'],
        ],
        rowIds,
      ),
    ).toBe(1);
  });

  it('treats a pasted row beyond the rows read as not matching', () => {
    expect(firstIdMismatch([['A-1'], ['A-2'], ['A-3'], ['A-4']], rowIds)).toBe(3);
  });
});
