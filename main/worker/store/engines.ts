/** An account's search engines and types, as last listed from the server, with local counts. */
import type { SqliteDatabase } from './open';

export interface EngineRecord {
  hashid: string;
  name: string;
  siteUrl: string;
  language: string;
  currency: string;
}

export interface TypeSummary {
  name: string;
  serverCount: number | null;
  localCount: number;
  pendingCount: number;
  conflictCount: number;
  lastMirrorAt: string | null;
  mirrorState: 'never' | 'running' | 'paused' | 'completed' | 'cancelled' | 'failed';
  mirrorError: string | null;
}

export interface EngineSummary extends EngineRecord {
  types: TypeSummary[];
}

/** Replaces the engine list with what the server said; engines gone from it go with their local data. */
export function saveEngines(db: SqliteDatabase, engines: EngineRecord[], now = new Date()): void {
  const upsert = db.prepare(
    `INSERT INTO engines (hashid, name, site_url, language, currency, refreshed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (hashid) DO UPDATE SET name = excluded.name, site_url = excluded.site_url,
       language = excluded.language, currency = excluded.currency, refreshed_at = excluded.refreshed_at`,
  );
  db.transaction(() => {
    for (const engine of engines)
      upsert.run(engine.hashid, engine.name, engine.siteUrl, engine.language, engine.currency, now.toISOString());
    const keep = new Set(engines.map((engine) => engine.hashid));
    const known = db.prepare('SELECT hashid FROM engines').pluck().all() as string[];
    for (const hashid of known.filter((hashid) => !keep.has(hashid))) {
      db.prepare('DELETE FROM items WHERE engine = ?').run(hashid);
      db.prepare('DELETE FROM mirror_runs WHERE engine = ?').run(hashid);
      db.prepare('DELETE FROM engines WHERE hashid = ?').run(hashid);
    }
  })();
}

/** Replaces an engine's type list; a type gone from the server keeps its items only if some have local edits. */
export function saveTypes(db: SqliteDatabase, hashid: string, names: string[]): void {
  db.transaction(() => {
    for (const name of names) db.prepare('INSERT OR IGNORE INTO types (engine, name) VALUES (?, ?)').run(hashid, name);
    const known = db.prepare('SELECT name FROM types WHERE engine = ?').pluck().all(hashid) as string[];
    for (const name of known.filter((name) => !names.includes(name))) {
      const pending = db
        .prepare("SELECT count(*) FROM items WHERE engine = ? AND type = ? AND status != 'clean'")
        .pluck()
        .get(hashid, name) as number;
      if (pending > 0) continue;
      db.prepare('DELETE FROM items WHERE engine = ? AND type = ?').run(hashid, name);
      db.prepare('DELETE FROM types WHERE engine = ? AND name = ?').run(hashid, name);
    }
  })();
}

export function listEngines(db: SqliteDatabase): EngineSummary[] {
  const engines = db
    .prepare('SELECT hashid, name, site_url, language, currency FROM engines ORDER BY name')
    .all() as Array<{
    hashid: string;
    name: string;
    site_url: string;
    language: string;
    currency: string;
  }>;
  const counts = db
    .prepare(
      `SELECT engine, type, count(*) AS local,
              sum(status NOT IN ('clean', 'conflict')) AS pending, sum(status = 'conflict') AS conflicts
         FROM items GROUP BY engine, type`,
    )
    .all() as Array<{ engine: string; type: string; local: number; pending: number; conflicts: number }>;
  const byType = new Map(counts.map((row) => [`${row.engine}/${row.type}`, row]));
  const types = db
    .prepare('SELECT engine, name, server_count, last_mirror_at FROM types ORDER BY name')
    .all() as Array<{
    engine: string;
    name: string;
    server_count: number | null;
    last_mirror_at: string | null;
  }>;
  const lastRun = db.prepare(
    'SELECT state, error FROM mirror_runs WHERE engine = ? AND type = ? ORDER BY id DESC LIMIT 1',
  );
  return engines.map((engine) => ({
    hashid: engine.hashid,
    name: engine.name,
    siteUrl: engine.site_url,
    language: engine.language,
    currency: engine.currency,
    types: types
      .filter((type) => type.engine === engine.hashid)
      .map((type) => {
        const count = byType.get(`${engine.hashid}/${type.name}`);
        const run = lastRun.get(engine.hashid, type.name) as
          { state: TypeSummary['mirrorState']; error: string | null } | undefined;
        return {
          name: type.name,
          serverCount: type.server_count,
          localCount: count?.local ?? 0,
          pendingCount: count?.pending ?? 0,
          conflictCount: count?.conflicts ?? 0,
          lastMirrorAt: type.last_mirror_at,
          mirrorState: run?.state ?? 'never',
          mirrorError: run?.error ?? null,
        };
      }),
  }));
}
