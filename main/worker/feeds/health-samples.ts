/**
 * The figures feed health compares (feed-health.ts): on the server, each type's item count
 * and its first scroll page of 100 items as a sample (one request per type, at background
 * priority so it never slows a sync); in the local mirror, the same from the stored items.
 */
import type { DoofinderClient } from '../doofinder/client';
import { listTypes, startScroll } from '../doofinder/management-v1';
import type { SqliteDatabase } from '../store/open';
import { fieldShares, type TypeSample } from './feed-health';

export const SAMPLE_SIZE = 100;

export async function serverSamples(
  client: DoofinderClient,
  engine: string,
  signal: AbortSignal,
): Promise<TypeSample[]> {
  const call = { priority: 'background' as const, signal };
  const types = await listTypes(client, engine, call);
  const samples: TypeSample[] = [];
  for (const type of types) {
    const page = await startScroll(client, engine, type, SAMPLE_SIZE, call);
    samples.push({ type, count: page.count, fields: page.results.length > 0 ? fieldShares(page.results) : {} });
  }
  return samples;
}

/** The mirrored types as last mirrored (items created here and not yet pushed are not on the server); null if none is. */
export function mirrorSamples(db: SqliteDatabase, engine: string): TypeSample[] | null {
  const types = db
    .prepare('SELECT name FROM types WHERE engine = ? AND last_mirror_at IS NOT NULL ORDER BY name')
    .pluck()
    .all(engine) as string[];
  if (types.length === 0) return null;
  const count = db.prepare("SELECT count(*) FROM items WHERE engine = ? AND type = ? AND status != 'new'").pluck();
  const sample = db
    .prepare(
      `SELECT coalesce(base, doc) FROM items WHERE engine = ? AND type = ? AND status != 'new' LIMIT ${SAMPLE_SIZE * 2}`,
    )
    .pluck();
  return types.map((type) => {
    const docs = (sample.all(engine, type) as string[]).map((text) => JSON.parse(text) as Record<string, unknown>);
    return { type, count: count.get(engine, type) as number, fields: docs.length > 0 ? fieldShares(docs) : {} };
  });
}
