/**
 * Rows written by the mirror (sync/mirror.ts), announced to whoever shows them: the catalog
 * service turns this into `catalog:changed` for the current account. The mirror knows
 * nothing of events or accounts, only its database; listeners match on that.
 */
import type { SqliteDatabase } from '../store/open';

export type ServerChangeListener = (db: SqliteDatabase, engine: string, type: string) => void;

const listeners = new Set<ServerChangeListener>();

export function onServerChanges(listener: ServerChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function serverRowsChanged(db: SqliteDatabase, engine: string, type: string): void {
  for (const listener of listeners) listener(db, engine, type);
}
