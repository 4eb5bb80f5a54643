/** What feed work needs of one account: its database and its rate-limited client. */
import type { DoofinderClient } from '../doofinder/client';
import type { SqliteDatabase } from '../store/open';
import type { Profile } from '../store/profiles';

export interface FeedAccount {
  profile: Profile;
  db: SqliteDatabase;
  client: DoofinderClient;
}

export function engineName(db: SqliteDatabase, engine: string): string {
  return (db.prepare('SELECT name FROM engines WHERE hashid = ?').pluck().get(engine) as string | undefined) ?? engine;
}

export function hasMirroredTypes(db: SqliteDatabase, engine: string): boolean {
  return db.prepare('SELECT 1 FROM types WHERE engine = ? AND last_mirror_at IS NOT NULL').get(engine) !== undefined;
}
