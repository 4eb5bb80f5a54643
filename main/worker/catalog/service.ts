/**
 * The catalog grid's side of the worker, for the current account: views over its items
 * (sorted, filtered, searched, a block at a time), edits as undoable actions, the items'
 * history, conflicts, column layouts, the pending list and discarding. Every change is one
 * transaction and one action (perform.ts); after it the grid hears `catalog:changed`,
 * `catalog:undoState` and `sync:pendingChanged`.
 */
import type {
  ChangeOrigin,
  DiscardScope,
  EditReport,
  FieldInfo,
  GridRow,
  HistoryEntry,
  PasteReport,
  PendingSnapshot,
  RequestInput,
  UndoState,
} from '../../../preload/contract';
import type { AccountService, Emit } from '../accounts/service';
import type { Databases } from '../store/databases';
import type { SqliteDatabase } from '../store/open';
import { undoState } from './actions';
import type { CatalogContext } from './context';
import { copyRange } from './copy-range';
import { createItem, deleteItems } from './create-delete';
import { discardChanges } from './discard';
import type { EditSession } from './edit-session';
import { editCells } from './edit-cells';
import { fillDown } from './fill-down';
import { previewReplace, replaceAll } from './find-replace';
import { toGridRow } from './grid-rows';
import { itemHistory, trimHistory } from './history';
import { rowsByRowids } from './item-rows';
import { readLayout, saveLayout } from './layouts';
import { pasteBlock, pasteExtent, pasteNewItems } from './paste';
import { countPending, pendingSnapshot } from './pending-list';
import { performAction, performUndo, type ActionSpec, type Performed } from './perform';
import { resolveConflicts } from './resolve';
import { REINDEX_STEP, reindexStale } from './search-index';
import { onServerChanges } from './server-changes';
import { TypeFields } from './type-fields';
import { FieldIndexes } from './view-indexes';
import { ViewRows } from './view-rows';

/** The mirror writes a page every half second or so: the grid hears of it at most this often per type. */
const SERVER_NOTICE_MS = 500;

type Accounts = Pick<AccountService, 'current' | 'requireCurrent'>;

interface AccountCatalog extends CatalogContext {
  accountId: string;
}

export class CatalogService {
  private readonly catalogs = new Map<string, AccountCatalog>();
  private readonly serverNotices = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reindexing = new Map<SqliteDatabase, ReturnType<typeof setTimeout>>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly dbs: Databases,
    readonly accounts: Accounts,
    readonly emit: Emit,
  ) {
    this.unsubscribe = onServerChanges((db, engine, type) => this.serverChanged(db, engine, type));
  }

  /** Tells the grid that rows of a type changed (after a push, say): it refetches what it shows. */
  notifyChanged(engine: string, type: string, reason: ChangeOrigin): void {
    const account = this.accounts.current();
    if (!account) return;
    this.emit('catalog:changed', { accountId: account.id, engine, type, reason });
  }

  stop(): void {
    this.unsubscribe();
    for (const timer of [...this.serverNotices.values(), ...this.reindexing.values()]) clearTimeout(timer);
    this.serverNotices.clear();
    this.reindexing.clear();
  }

  // ---- Views ----

  fields(engine: string, type: string): FieldInfo[] {
    return this.context().fields.list(engine, type);
  }

  rows(input: RequestInput<'catalog:rows'>): { rows: GridRow[]; total: number } {
    const ctx = this.context();
    const block = ctx.views.block(input.view, input.start, Math.max(input.start, input.end));
    return { rows: rowsByRowids(ctx.db, block.rowids).map(toGridRow), total: block.total };
  }

  copy(input: RequestInput<'catalog:copy'>): { tsv: string; rows: number } {
    return copyRange(this.context(), input);
  }

  itemHistory(engine: string, type: string, id: string): HistoryEntry[] {
    return itemHistory(this.context().db, engine, type, id);
  }

  layout(engine: string, type: string): unknown {
    return readLayout(this.context().db, engine, type);
  }

  saveLayout(engine: string, type: string, layout: unknown): void {
    saveLayout(this.context().db, engine, type, layout);
  }

  undoState(): UndoState {
    return undoState(this.context().db);
  }

  pending(): PendingSnapshot {
    return pendingSnapshot(this.context().db);
  }

  // ---- Changes (each one action) ----

  edit(input: RequestInput<'catalog:edit'>): EditReport {
    return this.act({ kind: 'edit', origin: input.origin }, (ctx, session) => editCells(ctx, session, input));
  }

  paste(input: RequestInput<'catalog:paste'>): PasteReport {
    const ctx = this.context();
    const { stored, overflowRows } = pasteExtent(ctx, input);
    const report = this.act({ kind: 'paste', origin: 'paste' }, (c, session) => pasteBlock(c, session, input, stored));
    return { ...report, overflowRows };
  }

  pasteNew(input: RequestInput<'catalog:pasteNew'>): EditReport {
    return this.act({ kind: 'pasteNew', origin: 'paste' }, (ctx, session) => pasteNewItems(ctx, session, input));
  }

  fill(input: RequestInput<'catalog:fill'>): EditReport {
    return this.act({ kind: 'fill', origin: 'fill' }, (ctx, session) => fillDown(ctx, session, input));
  }

  replace(input: RequestInput<'catalog:replace'>): EditReport & { matches: number } {
    if (input.preview) return previewReplace(this.context(), input);
    let matches = 0;
    const report = this.act({ kind: 'replace', origin: 'replace' }, (ctx, session) => {
      const done = replaceAll(ctx, session, input);
      matches = done.matches;
      return done.summary;
    });
    return { ...report, matches };
  }

  create(input: RequestInput<'catalog:create'>): EditReport {
    return this.act({ kind: 'create', origin: 'edit' }, (ctx, session) => createItem(ctx, session, input));
  }

  delete(input: RequestInput<'catalog:delete'>): EditReport {
    return this.act({ kind: 'delete', origin: 'edit' }, (ctx, session) => deleteItems(ctx, session, input));
  }

  resolve(input: RequestInput<'catalog:resolve'>): EditReport {
    return this.act({ kind: 'resolve', origin: 'resolve' }, (ctx, session) => resolveConflicts(ctx, session, input));
  }

  discard(scope: DiscardScope): EditReport {
    return this.act({ kind: 'discard', origin: 'edit' }, (ctx, session) => discardChanges(ctx, session, scope));
  }

  undo(): EditReport {
    return this.announce(this.context(), performUndo(this.context(), 'undo'));
  }

  redo(): EditReport {
    return this.announce(this.context(), performUndo(this.context(), 'redo'));
  }

  // ---- Inside ----

  private act(spec: ActionSpec, work: (ctx: CatalogContext, session: EditSession) => string): EditReport {
    const ctx = this.context();
    return this.announce(
      ctx,
      performAction(ctx, spec, (session) => work(ctx, session)),
    );
  }

  /** The events after a change: the grid refetches, the undo buttons and the pending count follow. */
  private announce(ctx: AccountCatalog, performed: Performed): EditReport {
    const { writes, origin, ...report } = performed;
    if (writes.length > 0) this.reindexLater(ctx.db);
    if (writes.length > 0 || performed.actionId !== null) {
      for (const write of writes)
        this.emit('catalog:changed', {
          accountId: ctx.accountId,
          engine: write.engine,
          type: write.type,
          reason: origin,
        });
      this.emit('catalog:undoState', undoState(ctx.db));
      this.emit('sync:pendingChanged', { total: countPending(ctx.db) });
    }
    return report;
  }

  /** Re-indexes edited rows for the quick search in small steps, between requests. */
  private reindexLater(db: SqliteDatabase): void {
    if (this.reindexing.has(db)) return;
    const step = () => {
      if (!db.open || reindexStale(db, REINDEX_STEP) === 0) {
        this.reindexing.delete(db);
        return;
      }
      schedule();
    };
    const schedule = () => {
      const timer = setTimeout(step, 0);
      timer.unref?.();
      this.reindexing.set(db, timer);
    };
    schedule();
  }

  private context(): AccountCatalog {
    const account = this.accounts.requireCurrent();
    const db = this.dbs.account(account.id);
    const known = this.catalogs.get(account.id);
    if (known?.db === db) return known;
    trimHistory(db);
    const fields = new TypeFields(db);
    const catalog: AccountCatalog = {
      accountId: account.id,
      db,
      fields,
      views: new ViewRows(db, new FieldIndexes(db), (engine, type) => fields.kindOf(engine, type)),
    };
    this.catalogs.set(account.id, catalog);
    return catalog;
  }

  /** The mirror wrote rows: tell the grid (at most every half second per type) if it shows that account. */
  private serverChanged(db: SqliteDatabase, engine: string, type: string): void {
    const account = this.accounts.current();
    if (!account || this.catalogs.get(account.id)?.db !== db) return;
    const key = `${account.id}\t${engine}\t${type}`;
    if (this.serverNotices.has(key)) return;
    this.reindexLater(db);
    const timer = setTimeout(() => {
      this.serverNotices.delete(key);
      this.emit('catalog:changed', { accountId: account.id, engine, type, reason: 'server' });
      this.emit('sync:pendingChanged', { total: countPending(db) });
    }, SERVER_NOTICE_MS);
    timer.unref?.();
    this.serverNotices.set(key, timer);
  }
}
