/** The feed settings (app-wide, in app.db): how large a drop in items feed health flags. */
import type { FeedSettings } from '../../../preload/contract';
import { getSetting, setSetting } from '../store/profiles';
import type { SqliteDatabase } from '../store/open';
import { DEFAULT_DROP_PERCENT } from './feed-health';

const DROP_PERCENT = 'feeds.dropPercent';

export function feedSettings(appDb: SqliteDatabase, change: Partial<FeedSettings> = {}): FeedSettings {
  if (change.dropPercent !== undefined) setSetting(appDb, DROP_PERCENT, String(change.dropPercent));
  const stored = Number(getSetting(appDb, DROP_PERCENT));
  return { dropPercent: Number.isFinite(stored) && stored > 0 ? stored : DEFAULT_DROP_PERCENT };
}
