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
  EventChannel,
  FieldInfo,
  GridRow,
  HistoryEntry,
  MirrorProgressView,
  PendingSnapshot,
  RequestChannel,
  UndoState,
  ViewSpec,
} from '../../../../preload/contract';
import { createWorkerHandlers } from '../../../../main/worker/handlers';
import { createRuntime, type WorkerRuntime } from '../../../../main/worker/runtime';

let runtime: WorkerRuntime | null = null;
const events: Array<{ channel: EventChannel; payload: unknown }> = [];

afterEach(async () => {
  await runtime?.stop();
  runtime = null;
  events.length = 0;
});

async function boot(dataDir: string) {
  await runtime?.stop();
  runtime = await createRuntime(
    {
      appName: 'Catalog Studio',
      appVersion: '0.0.0',
      dataDir,
      mode: 'browser',
      sqliteBinding: null,
      restarts: 0,
      sandbox: { enabled: true, items: 80 },
    },
    (channel, payload) => events.push({ channel, payload }),
  );
  const handlers = createWorkerHandlers(runtime) as unknown as Record<RequestChannel, (input: unknown) => unknown>;
  return async <T>(channel: RequestChannel, input?: unknown) => (await handlers[channel](input)) as T;
}

async function until<T>(find: () => T | undefined | null | false): Promise<T> {
  for (;;) {
    const found = find();
    if (found) return found;
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('the catalog channels', () => {
  it('view, edit and undo a mirrored type, also after the worker restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-catalog-channels-'));
    let call = await boot(dataDir);
    const engines = await call<{ engines: Array<{ hashid: string }> }>('engines:list', { refresh: true });
    const engine = engines.engines[0]?.hashid ?? '';
    await call('mirror:start', { engine, type: 'product' });
    await until(() =>
      events.some(
        (event) => event.channel === 'mirror:progress' && (event.payload as MirrorProgressView).state === 'completed',
      ),
    );

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
