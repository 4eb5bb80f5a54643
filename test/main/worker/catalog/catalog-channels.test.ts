/**
 * The grid's channels as the renderer reaches them (the worker's handlers over its
 * runtime), on the built-in Sandbox account: a mirrored type is viewed, edited and the edit
 * undone after the worker restarted; layouts and history survive the restart too.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  EditReport,
  FieldInfo,
  GridRow,
  HistoryEntry,
  PendingSnapshot,
  UndoState,
  ViewSpec,
} from '../../../../preload/contract';
import { sandboxWorker } from '../../../helpers/sandbox-worker';

const worker = sandboxWorker({ items: 80 });
const { events } = worker;

afterEach(() => worker.reset());

async function boot(dataDir: string) {
  await worker.reset();
  return (await worker.boot(dataDir)).call;
}

describe('the catalog channels', () => {
  it('view, edit and undo a mirrored type, also after the worker restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-catalog-channels-'));
    let call = await boot(dataDir);
    const engine = await worker.mirrorFirstEngine(call);

    const { fields } = await call<{ fields: FieldInfo[] }>('catalog:fields', { engine, type: 'product' });
    expect(fields.find((field) => field.name === 'price')).toMatchObject({ kind: 'price', count: 80 });
    const view: ViewSpec = { engine, type: 'product', sort: [{ field: 'price', dir: 'desc' }], filters: [], quick: '' };
    const first = await call<{ rows: GridRow[]; total: number }>('catalog:rows', { view, start: 0, end: 10 });
    expect(first.total).toBe(80);
    const top = first.rows[0];
    expect(top?.status).toBe('clean');

    const edited = await call<EditReport>('catalog:edit', {
      engine,
      type: 'product',
      origin: 'edit',
      cells: [{ id: top?.id, field: 'price', value: '0,99' }],
    });
    expect(edited.actionId).not.toBeNull();
    expect(events.map((event) => event.channel)).toEqual(
      expect.arrayContaining(['catalog:changed', 'catalog:undoState', 'sync:pendingChanged']),
    );
    const after = await call<{ rows: GridRow[] }>('catalog:rows', { view, start: 79, end: 80 });
    expect(after.rows[0]).toMatchObject({ id: top?.id, status: 'dirty', changed: ['price'], doc: { price: 0.99 } });
    await expect(call<PendingSnapshot>('sync:pending')).resolves.toMatchObject({ total: 1, requests: 1 });
    await call('catalog:saveLayout', { engine, type: 'product', layout: { hidden: ['description'] } });

    call = await boot(dataDir);
    await expect(call<UndoState>('catalog:undoState')).resolves.toMatchObject({
      canUndo: true,
      undoSummary: `Edit of price on ${top?.id}`,
    });
    await call('catalog:undo');
    const back = await call<{ rows: GridRow[] }>('catalog:rows', { view, start: 0, end: 1 });
    expect(back.rows[0]).toMatchObject({ id: top?.id, status: 'clean', doc: top?.doc });
    await expect(call<{ layout: unknown }>('catalog:layout', { engine, type: 'product' })).resolves.toEqual({
      layout: { hidden: ['description'] },
    });
    const history = await call<{ entries: HistoryEntry[] }>('catalog:itemHistory', {
      engine,
      type: 'product',
      id: top?.id,
    });
    expect(history.entries.map((entry) => entry.origin)).toEqual(['undo', 'edit']);
  });
});
