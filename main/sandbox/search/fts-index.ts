/**
 * The full-text side of the items table: one FTS5 table per engine (`fts_e{id}`), kept in
 * step by ItemStore inside each write transaction. `title` is weighted above `body` (every
 * other text value, df_indexed_text included) when ranking with bm25.
 */
import type { Statement } from 'better-sqlite3';
import type { SandboxDb } from '../store/database';
import type { ItemIndex } from '../store/items';
import type { ItemDoc } from '../store/records';

/** Fields that are addresses or bookkeeping, not words a shopper types. */
const NOT_TEXT = new Set(['link', 'image_link', 'url', 'df_url', 'image_url', 'df_manual_boost']);

export function ftsTable(engineId: number): string {
  return `fts_e${engineId}`;
}

function collectText(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (!/^https?:\/\//.test(value)) into.push(value);
  } else if (typeof value === 'number') {
    into.push(String(value));
  } else if (Array.isArray(value)) {
    for (const element of value) collectText(element, into);
  }
}

export function documentText(doc: ItemDoc): { title: string; body: string } {
  const body: string[] = [];
  for (const [field, value] of Object.entries(doc)) {
    if (field === 'title' || NOT_TEXT.has(field)) continue;
    if (field === 'price' || field === 'sale_price') continue;
    collectText(value, body);
  }
  return { title: typeof doc.title === 'string' ? doc.title : '', body: body.join(' \n ') };
}

export class FtsIndex implements ItemIndex {
  private readonly ready = new Set<number>();
  private readonly statements = new Map<number, { put: Statement; remove: Statement }>();

  constructor(private readonly db: SandboxDb) {}

  ensure(engineId: number): void {
    if (this.ready.has(engineId)) return;
    this.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${ftsTable(engineId)} USING fts5(title, body, tokenize = "unicode61 remove_diacritics 2")`,
    );
    this.ready.add(engineId);
  }

  put(engineId: number, rowid: number, _type: string, doc: ItemDoc): void {
    const { title, body } = documentText(doc);
    this.statementsFor(engineId).put.run(rowid, title, body);
  }

  remove(engineId: number, rowid: number): void {
    this.statementsFor(engineId).remove.run(rowid);
  }

  dropEngine(engineId: number): void {
    this.db.exec(`DROP TABLE IF EXISTS ${ftsTable(engineId)}`);
    this.ready.delete(engineId);
    this.statements.delete(engineId);
  }

  /** After the control API wiped the database. */
  forgetAll(): void {
    this.ready.clear();
    this.statements.clear();
  }

  private statementsFor(engineId: number) {
    let statements = this.statements.get(engineId);
    if (!statements) {
      this.ensure(engineId);
      const table = ftsTable(engineId);
      statements = {
        put: this.db.prepare(`INSERT OR REPLACE INTO ${table} (rowid, title, body) VALUES (?, ?, ?)`),
        remove: this.db.prepare(`DELETE FROM ${table} WHERE rowid = ?`),
      };
      this.statements.set(engineId, statements);
    }
    return statements;
  }
}
