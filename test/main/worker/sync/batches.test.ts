import { describe, expect, it } from 'vitest';
import {
  buildBatches,
  operationFor,
  patchBody,
  splitBatch,
  type PendingRow,
} from '../../../../main/worker/sync/batches';

let rowid = 0;
function row(
  status: PendingRow['status'],
  doc: Record<string, unknown>,
  base: Record<string, unknown> | null,
): PendingRow {
  rowid += 1;
  return { rowid, id: typeof doc.id === 'string' ? doc.id : `r${rowid}`, doc, base, status, rev: 1 };
}

describe('what each pending row sends', () => {
  it('an edit sends only the changed fields, and removed fields as nulls', () => {
    expect(
      patchBody({ id: 'a', title: 'x', price: 1, color: 'red' }, { id: 'a', title: 'y', price: 1, size: 'M' }, 'a'),
    ).toEqual({
      id: 'a',
      title: 'y',
      color: null,
      size: 'M',
    });
  });

  it('an item created here goes whole with PUT; a deletion by id; an unchanged edit not at all', () => {
    expect(operationFor(row('new', { id: 'n', title: 'New' }, null))).toEqual({
      kind: 'put',
      body: { id: 'n', title: 'New' },
    });
    expect(operationFor(row('deleted', { id: 'd' }, { id: 'd' }))).toEqual({ kind: 'delete', body: { id: 'd' } });
    expect(operationFor(row('dirty', { id: 'u', t: 1 }, { id: 'u', t: 1 }))).toBeNull();
  });

  it('an item created and deleted here never reaches the server', () => {
    expect(operationFor(row('deleted', { id: 'g' }, null))).toBeNull();
  });

  it('a failed create (no base) is sent again whole', () => {
    expect(operationFor(row('failed', { id: 'f', t: 1 }, null))).toMatchObject({ kind: 'put' });
  });
});

describe('batches', () => {
  it('holds at most 100 items, grouped by kind', () => {
    const rows = [
      ...Array.from({ length: 250 }, (_, i) => row('dirty', { id: `e${i}`, t: 2 }, { id: `e${i}`, t: 1 })),
      ...Array.from({ length: 3 }, (_, i) => row('new', { id: `n${i}` }, null)),
      row('deleted', { id: 'x' }, { id: 'x' }),
    ];
    const batches = buildBatches(rows);
    expect(batches.map((batch) => [batch.kind, batch.entries.length])).toEqual([
      ['patch', 100],
      ['patch', 100],
      ['patch', 50],
      ['put', 3],
      ['delete', 1],
    ]);
  });

  it('stays under the byte limit with large items', () => {
    const big = 'x'.repeat(300_000);
    const rows = Array.from({ length: 60 }, (_, i) => row('new', { id: `b${i}`, text: big }, null));
    const batches = buildBatches(rows);
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) expect(batch.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(batches.reduce((sum, batch) => sum + batch.entries.length, 0)).toBe(60);
  });

  it('splits in two halves that together hold every item once', () => {
    const [batch] = buildBatches(Array.from({ length: 7 }, (_, i) => row('new', { id: `s${i}` }, null)));
    if (!batch) throw new Error('no batch');
    const [a, b] = splitBatch(batch);
    expect(a.entries.length + b.entries.length).toBe(7);
    expect([...a.entries, ...b.entries].map((entry) => entry.id)).toEqual(batch.entries.map((entry) => entry.id));
  });
});
