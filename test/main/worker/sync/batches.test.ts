import { describe, expect, it } from 'vitest';
import {
  buildBatches,
  firstBatch,
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

  it('takes the next batch without reading the rest of a long queue', () => {
    const rows = [
      row('new', { id: 'first-new' }, null),
      ...Array.from({ length: 150 }, (_, i) => row('dirty', { id: `q${i}`, t: 2 }, { id: `q${i}`, t: 1 })),
      ...Array.from({ length: 120 }, (_, i) => row('new', { id: `m${i}` }, null)),
    ];
    let read = 0;
    const counted = function* () {
      for (const entry of rows) {
        read += 1;
        yield entry;
      }
    };
    const batch = firstBatch(counted());
    expect(batch).toEqual(buildBatches(rows)[0]);
    expect(batch?.entries).toHaveLength(100);
    expect(read).toBeLessThan(rows.length);
  });
});

describe('requests of unknown outcome (a kill, a dropped answer)', () => {
  const cut = (op: 'patch' | 'put' | 'delete', fields: string[] = []) => ({ op, fields });

  it('send again the fields the lost PATCH carried, even when they are back to the server value', () => {
    const pending = {
      ...row('pushing', { id: 'p', t: 1, u: 5 }, { id: 'p', t: 1, u: 4 }),
      inFlight: cut('patch', ['t']),
    };
    expect(operationFor(pending)).toEqual({ kind: 'patch', body: { id: 'p', t: 1, u: 5 } });
  });

  it('delete on the server a create that may have arrived, when the item was deleted here since', () => {
    expect(operationFor({ ...row('deleted', { id: 'c' }, null), inFlight: cut('put') })).toEqual({
      kind: 'delete',
      body: { id: 'c' },
    });
  });

  it('create again an item whose deletion may have arrived, when the deletion was undone here', () => {
    expect(operationFor({ ...row('dirty', { id: 'd', t: 1 }, { id: 'd', t: 1 }), inFlight: cut('delete') })).toEqual({
      kind: 'put',
      body: { id: 'd', t: 1 },
    });
  });
});
