/** The fingerprint of each source when its type was last processed, for "No changes". */
import type { SandboxDb } from '../store/database';

export function lastFingerprint(db: SandboxDb, engineId: number, type: string, source: string): string | null {
  const row = db
    .prepare('SELECT fingerprint FROM feed_state WHERE engine_id = ? AND type = ? AND source = ?')
    .get(engineId, type, source) as { fingerprint: string } | undefined;
  return row?.fingerprint ?? null;
}

export function rememberFingerprint(
  db: SandboxDb,
  engineId: number,
  type: string,
  source: string,
  fingerprint: string,
): void {
  db.prepare(
    `INSERT INTO feed_state (engine_id, type, source, fingerprint) VALUES (?, ?, ?, ?)
     ON CONFLICT (engine_id, type, source) DO UPDATE SET fingerprint = excluded.fingerprint`,
  ).run(engineId, type, source, fingerprint);
}
