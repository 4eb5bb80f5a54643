/**
 * Sync settings, per account, in app.db's settings table (no migration needed): whether
 * pending changes are pushed on their own. Sync is manual unless the user turns this on.
 */
import { getSetting, setSetting } from '../store/profiles';
import type { SqliteDatabase } from '../store/open';

const autoSyncKey = (profileId: string) => `sync.autoSync.${profileId}`;

export function autoSyncEnabled(db: SqliteDatabase, profileId: string): boolean {
  return getSetting(db, autoSyncKey(profileId)) === 'on';
}

export function setAutoSync(db: SqliteDatabase, profileId: string, on: boolean): void {
  setSetting(db, autoSyncKey(profileId), on ? 'on' : 'off');
}
