/**
 * While a feed run writes an engine's items, API writes on it answer 409 "Indexing operation
 * in progress": the same `blocked_until` a type deletion sets (see `assertIndexable`), but
 * held at "forever" so moving the sandbox clock cannot end it, and given back when the run
 * ends, however it ends.
 */
import type { SandboxDb } from '../store/database';
import { blockIndexing } from '../store/engines';

const UNTIL_RUN_ENDS = Number.MAX_SAFE_INTEGER;

/** Blocks indexing on the engine; the returned function ends the block. */
export function holdIndexing(db: SandboxDb, engineId: number): () => void {
  const before =
    (db.prepare('SELECT blocked_until FROM engines WHERE id = ?').pluck().get(engineId) as number | undefined) ?? 0;
  blockIndexing(db, engineId, UNTIL_RUN_ENDS);
  return () => {
    db.prepare('UPDATE engines SET blocked_until = ? WHERE id = ? AND blocked_until = ?').run(
      before === UNTIL_RUN_ENDS ? 0 : before,
      engineId,
      UNTIL_RUN_ENDS,
    );
  };
}

/** Holds left by a sandbox that stopped mid-run (a data file reopened). */
export function releaseAbandonedHolds(db: SandboxDb): void {
  db.prepare('UPDATE engines SET blocked_until = 0 WHERE blocked_until = ?').run(UNTIL_RUN_ENDS);
}
