/** Account profiles in app.db: what the app knows of each account, never its key. */
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from './open';

export type ProfileKind = 'doofinder' | 'sandbox';
export type ProfileState = 'ok' | 'needs_key' | 'quota' | 'keychain_unavailable';

export interface Profile {
  id: string;
  name: string;
  kind: ProfileKind;
  zone: string;
  managementUrl: string | null;
  searchUrl: string | null;
  state: ProfileState;
  createdAt: string;
}

interface ProfileRow {
  id: string;
  name: string;
  kind: ProfileKind;
  zone: string;
  management_url: string | null;
  search_url: string | null;
  state: ProfileState;
  created_at: string;
}

const toProfile = (row: ProfileRow): Profile => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  zone: row.zone,
  managementUrl: row.management_url,
  searchUrl: row.search_url,
  state: row.state,
  createdAt: row.created_at,
});

export function listProfiles(db: SqliteDatabase): Profile[] {
  return (db.prepare("SELECT * FROM profiles ORDER BY kind = 'sandbox' DESC, created_at").all() as ProfileRow[]).map(
    toProfile,
  );
}

export function getProfile(db: SqliteDatabase, id: string): Profile | null {
  const row = db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  return row ? toProfile(row) : null;
}

export function insertProfile(
  db: SqliteDatabase,
  input: Omit<Profile, 'id' | 'createdAt' | 'state'> & { id?: string },
): Profile {
  const profile: Profile = { ...input, id: input.id ?? randomUUID(), state: 'ok', createdAt: new Date().toISOString() };
  db.prepare(
    'INSERT INTO profiles (id, name, kind, zone, management_url, search_url, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    profile.id,
    profile.name,
    profile.kind,
    profile.zone,
    profile.managementUrl,
    profile.searchUrl,
    profile.state,
    profile.createdAt,
  );
  return profile;
}

export function updateProfile(
  db: SqliteDatabase,
  id: string,
  change: Partial<Pick<Profile, 'name' | 'zone' | 'managementUrl' | 'searchUrl' | 'state'>>,
): Profile | null {
  const current = getProfile(db, id);
  if (!current) return null;
  const next = { ...current, ...change };
  db.prepare('UPDATE profiles SET name = ?, zone = ?, management_url = ?, search_url = ?, state = ? WHERE id = ?').run(
    next.name,
    next.zone,
    next.managementUrl,
    next.searchUrl,
    next.state,
    id,
  );
  return next;
}

export function deleteProfile(db: SqliteDatabase, id: string): void {
  db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
  if (getSetting(db, 'currentProfile') === id) db.prepare("DELETE FROM settings WHERE key = 'currentProfile'").run();
}

export function getSetting(db: SqliteDatabase, key: string): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setSetting(db: SqliteDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
