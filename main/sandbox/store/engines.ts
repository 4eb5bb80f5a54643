import { randomBytes } from 'node:crypto';
import type { SandboxDb } from './database';
import type { Engine, EngineOptions, ItemType, TypeKind } from './records';

interface EngineRow {
  id: number;
  hashid: string;
  account_id: number;
  name: string;
  site_url: string;
  language: string;
  currency: string;
  allowed_origins: string;
  options: string;
  blocked_until: number;
}

const toEngine = (row: EngineRow): Engine => ({
  id: row.id,
  hashid: row.hashid,
  accountId: row.account_id,
  name: row.name,
  siteUrl: row.site_url,
  language: row.language,
  currency: row.currency,
  allowedOrigins: JSON.parse(row.allowed_origins) as string[],
  options: JSON.parse(row.options) as EngineOptions,
  blockedUntil: row.blocked_until,
});

/** 32 hex characters, like Doofinder's (and pydoof's `\w{32}` expects). */
export function newHashid(): string {
  return randomBytes(16).toString('hex');
}

export interface EngineFields {
  name: string;
  siteUrl: string;
  language: string;
  currency: string;
}

export function createEngine(
  db: SandboxDb,
  accountId: number,
  fields: EngineFields & { hashid?: string; options?: EngineOptions; allowedOrigins?: string[] },
): Engine {
  const row = db
    .prepare(
      `INSERT INTO engines (hashid, account_id, name, site_url, language, currency, options, allowed_origins)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .get(
      fields.hashid ?? newHashid(),
      accountId,
      fields.name,
      fields.siteUrl,
      fields.language,
      fields.currency,
      JSON.stringify(fields.options ?? {}),
      JSON.stringify(fields.allowedOrigins ?? []),
    ) as EngineRow;
  return toEngine(row);
}

export function engineByHashid(db: SandboxDb, hashid: string): Engine | null {
  const row = db.prepare('SELECT * FROM engines WHERE hashid = ?').get(hashid) as EngineRow | undefined;
  return row ? toEngine(row) : null;
}

export function enginesOf(db: SandboxDb, accountId: number): Engine[] {
  return (db.prepare('SELECT * FROM engines WHERE account_id = ? ORDER BY id').all(accountId) as EngineRow[]).map(
    toEngine,
  );
}

export function updateEngine(db: SandboxDb, engineId: number, fields: Partial<EngineFields>): void {
  const current = db.prepare('SELECT * FROM engines WHERE id = ?').get(engineId) as EngineRow;
  db.prepare('UPDATE engines SET name = ?, site_url = ?, language = ?, currency = ? WHERE id = ?').run(
    fields.name ?? current.name,
    fields.siteUrl ?? current.site_url,
    fields.language ?? current.language,
    fields.currency ?? current.currency,
    engineId,
  );
}

export function setEngineOptions(db: SandboxDb, engineId: number, options: EngineOptions): void {
  db.prepare('UPDATE engines SET options = ? WHERE id = ?').run(JSON.stringify(options), engineId);
}

export function setAllowedOrigins(db: SandboxDb, engineId: number, origins: string[]): void {
  db.prepare('UPDATE engines SET allowed_origins = ? WHERE id = ?').run(JSON.stringify(origins), engineId);
}

export function blockIndexing(db: SandboxDb, engineId: number, until: number): void {
  db.prepare('UPDATE engines SET blocked_until = max(blocked_until, ?) WHERE id = ?').run(until, engineId);
}

export function deleteEngine(db: SandboxDb, engineId: number): void {
  db.prepare('DELETE FROM engines WHERE id = ?').run(engineId);
}

// ---- Types -------------------------------------------------------------------------

interface TypeRow {
  engine_id: number;
  name: string;
  sources: string;
  kind: TypeKind;
}

const toType = (row: TypeRow): ItemType => ({
  engineId: row.engine_id,
  name: row.name,
  sources: JSON.parse(row.sources) as string[],
  kind: row.kind,
});

export function typesOf(db: SandboxDb, engineId: number): ItemType[] {
  return (db.prepare('SELECT * FROM types WHERE engine_id = ? ORDER BY id').all(engineId) as TypeRow[]).map(toType);
}

export function typeByName(db: SandboxDb, engineId: number, name: string): ItemType | null {
  const row = db.prepare('SELECT * FROM types WHERE engine_id = ? AND name = ?').get(engineId, name) as
    TypeRow | undefined;
  return row ? toType(row) : null;
}

export function putType(
  db: SandboxDb,
  engineId: number,
  name: string,
  sources: string[],
  kind: TypeKind = 'api',
): void {
  db.prepare(
    `INSERT INTO types (engine_id, name, sources, kind) VALUES (?, ?, ?, ?)
     ON CONFLICT (engine_id, name) DO UPDATE SET sources = excluded.sources`,
  ).run(engineId, name, JSON.stringify(sources), kind);
}

/**
 * Sets how a type is fed (the control API's `type_kinds`), keeping its sources; creates the
 * type when it is new. Only the kind changes: putType keeps an existing type's kind.
 */
export function setTypeKind(db: SandboxDb, engineId: number, name: string, kind: TypeKind): void {
  db.prepare(
    `INSERT INTO types (engine_id, name, sources, kind) VALUES (?, ?, '[]', ?)
     ON CONFLICT (engine_id, name) DO UPDATE SET kind = excluded.kind`,
  ).run(engineId, name, kind);
}

export function removeType(db: SandboxDb, engineId: number, name: string): void {
  db.prepare('DELETE FROM types WHERE engine_id = ? AND name = ?').run(engineId, name);
  db.prepare('DELETE FROM mappings WHERE engine_id = ? AND type = ?').run(engineId, name);
}
