/**
 * Writes one type's feed records into the ItemStore in slices, logging every skipped line,
 * then removes the items the feed no longer has: afterwards the type holds exactly the
 * feed's items. Items keep being searchable throughout (they are replaced, not emptied
 * first), and a feed that fails part-way removes nothing.
 */
import type { ItemDoc } from '../store/records';
import type { FeedRecord } from './feed-record';
import type { FeedRun } from './feed-run';
import { storedIdsAfter } from './stored-ids';
import { atLine } from './task-log';

/** Items per ItemStore write: one short transaction, then the event loop is free again. */
const SLICE_ITEMS = 250;

/** Per source; past this, skipped lines are only counted, so junk cannot flood the log. */
const LOGGED_PROBLEMS = 1_000;

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export class TypeWriter {
  /** Ids written successfully: what stays when the type is swept. */
  private readonly kept = new Set<string>();
  private readonly seen = new Set<string>();
  private slice: Array<{ line: number; doc: ItemDoc }> = [];
  /** Items handed to the ItemStore, indexed or not: what the pace counts. */
  private written = 0;
  private indexed = 0;
  private problems = 0;
  private skipped = 0;

  constructor(
    private readonly run: FeedRun,
    private readonly type: string,
  ) {}

  get itemCount(): number {
    return this.kept.size;
  }

  get skippedLines(): number {
    return this.skipped;
  }

  /** Items indexed so far, over all sources (an item given twice counts twice). */
  get indexedCount(): number {
    return this.indexed;
  }

  /** Writes one source's records. */
  async writeSource(records: AsyncIterable<FeedRecord>): Promise<void> {
    this.problems = 0;
    for await (const record of records) {
      if ('problem' in record) {
        this.skip(record.line, record.problem);
        continue;
      }
      const id = idOf(record.doc.id);
      if (id === null) {
        this.skip(record.line, "Item does not have key field: 'id'");
        continue;
      }
      if (this.seen.has(id))
        this.warn(atLine(`Item id '${id}' appears more than once: this one replaces the earlier`, record.line));
      this.seen.add(id);
      this.slice.push({ line: record.line, doc: { ...record.doc, id } });
      if (this.slice.length >= SLICE_ITEMS) await this.flush();
    }
    await this.flush();
    if (this.problems > LOGGED_PROBLEMS) {
      this.run.log.add(
        'WARNING',
        `${this.problems - LOGGED_PROBLEMS} more problems in this feed were not logged (only the first ${LOGGED_PROBLEMS} are)`,
      );
    }
  }

  /** Removes the type's items that the feed did not have; returns how many. */
  async sweep(): Promise<number> {
    const { ctx, engine } = this.run;
    let after = '';
    let removed = 0;
    for (;;) {
      this.run.checkpoint(this.type);
      const ids = storedIdsAfter(ctx.db, engine.id, this.type, after, SLICE_ITEMS);
      const last = ids.at(-1);
      if (last === undefined) break;
      after = last;
      const gone = ids.filter((id) => !this.kept.has(id));
      if (gone.length > 0) removed += ctx.items.delete(engine.id, this.type, gone).success.length;
      await this.run.pace(this.written);
    }
    // An emptied type starts its field mapping afresh, as a new index would.
    if (this.kept.size === 0) ctx.items.deleteType(engine.id, this.type);
    return removed;
  }

  private async flush(): Promise<void> {
    if (this.slice.length === 0) return;
    this.run.checkpoint(this.type);
    const slice = this.slice;
    this.slice = [];
    const results = this.run.ctx.items.put(
      this.run.engine.id,
      this.type,
      slice.map(({ doc }) => doc),
    );
    results.forEach((result, index) => {
      const { line, doc } = slice[index] as { line: number; doc: ItemDoc };
      if ('failure' in result) this.skip(line, `Item could not be indexed: ${result.failure.reason}`);
      else {
        this.kept.add(doc.id);
        this.indexed += 1;
      }
    });
    this.written += slice.length;
    await this.run.pace(this.written);
  }

  private skip(line: number, problem: string): void {
    this.skipped += 1;
    this.warn(atLine(problem, line));
  }

  private warn(message: string): void {
    this.problems += 1;
    if (this.problems <= LOGGED_PROBLEMS) this.run.log.add('WARNING', message);
  }
}
