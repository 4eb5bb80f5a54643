/**
 * The ids a type holds, a page at a time, in id order through the items_by_key index. The
 * sweep reads these rather than `ItemStore.page`, whose rowid order sorts the whole type
 * again for every page (quadratic over a 100,000-item type).
 */
import type { SandboxDb } from '../store/database';

export function storedIdsAfter(
  db: SandboxDb,
  engineId: number,
  type: string,
  afterId: string,
  limit: number,
): string[] {
  return db
    .prepare('SELECT id FROM items WHERE engine_id = ? AND type = ? AND id > ? ORDER BY id LIMIT ?')
    .pluck()
    .all(engineId, type, afterId, limit) as string[];
}
