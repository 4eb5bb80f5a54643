/**
 * The in-memory side of the search index: one EngineColumns per engine, loaded from the
 * items table the first time the engine is searched. Until then item writes cost nothing
 * here (seeding a million items does not build anything); afterwards each write updates it.
 */
import type { SandboxDb } from '../store/database';
import type { ItemIndex } from '../store/items';
import type { ItemDoc } from '../store/records';
import { EngineColumns } from './engine-columns';

/** Slots of deleted items are only reclaimed by reloading; do it once they outnumber the live ones. */
const RELOAD_AFTER_DEAD = 1_000;

export class ColumnStore implements ItemIndex {
  private readonly engines = new Map<number, EngineColumns>();

  constructor(private readonly db: SandboxDb) {}

  engine(engineId: number): EngineColumns {
    let columns = this.engines.get(engineId);
    if (!columns) {
      columns = new EngineColumns(this.db, engineId);
      this.engines.set(engineId, columns);
    }
    return columns;
  }

  put(engineId: number, rowid: number, type: string, doc: ItemDoc): void {
    this.engines.get(engineId)?.put(rowid, type, doc);
  }

  remove(engineId: number, rowid: number): void {
    const columns = this.engines.get(engineId);
    if (!columns) return;
    columns.remove(rowid);
    if (columns.dead > RELOAD_AFTER_DEAD && columns.dead > columns.size / 2) this.engines.delete(engineId);
  }

  /** Forget an engine's state; the next search reloads it from the items table. */
  dropEngine(engineId: number): void {
    this.engines.delete(engineId);
  }

  forgetAll(): void {
    this.engines.clear();
  }
}
