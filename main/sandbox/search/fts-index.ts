/**
 * The full-text side of the items table: one FTS5 table per engine (`fts_e{id}`), kept in
 * step by ItemStore inside each write transaction. `title` is weighted above `body` (every
 * other text value, df_indexed_text included) when ranking with bm25.
 *
 * ItemStore tells one index about writes; this one passes each write, engine drop and reset
 * on to the in-memory column store too, so both change inside the same transaction.
 */
import type { Statement } from 'better-sqlite3';
import type { SandboxDb } from '../store/database';
import type { ItemIndex } from '../store/items';
import type { ItemDoc } from '../store/records';
import { integersOf } from './integers';

/** What else must hear about item writes: the column store. */
export interface IndexFollower extends ItemIndex {
  dropEngine(engineId: number): void;
  forgetAll(): void;
}

/** bm25 column weights: a word in the title counts this many times one in the body. */
const TITLE_WEIGHT = 4;
const BODY_WEIGHT = 1;

/** Fields that are addresses or bookkeeping, not words a shopper types. */
const NOT_TEXT = new Set(['link', 'image_link', 'url', 'df_url', 'image_url', 'df_manual_boost']);

/** bm25 scores travel as integers in billionths (scores stay below 10^6, well within 2^53). */
const SCORE_SCALE = 1e9;

export function ftsTable(engineId: number): string {
  return `fts_e${engineId}`;
}

/** The vocabulary view of an engine's table, in the temp schema so it never lands in a data file. */
function vocabTable(engineId: number): string {
  return `temp.fts_e${engineId}_vocab`;
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

  constructor(
    private readonly db: SandboxDb,
    private readonly follower?: IndexFollower,
  ) {}

  ensure(engineId: number): void {
    if (this.ready.has(engineId)) return;
    this.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${ftsTable(engineId)} USING fts5(title, body, tokenize = "unicode61 remove_diacritics 2")`,
    );
    this.ready.add(engineId);
  }

  put(engineId: number, rowid: number, type: string, doc: ItemDoc): void {
    const { title, body } = documentText(doc);
    this.statementsFor(engineId).put.run(rowid, title, body);
    this.follower?.put(engineId, rowid, type, doc);
  }

  remove(engineId: number, rowid: number): void {
    this.statementsFor(engineId).remove.run(rowid);
    this.follower?.remove(engineId, rowid);
  }

  dropEngine(engineId: number): void {
    this.db.exec(`DROP TABLE IF EXISTS ${vocabTable(engineId)}`);
    this.db.exec(`DROP TABLE IF EXISTS ${ftsTable(engineId)}`);
    this.ready.delete(engineId);
    this.statements.delete(engineId);
    this.follower?.dropEngine(engineId);
  }

  /** After the control API wiped the database. */
  forgetAll(): void {
    const views = this.db
      .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND name GLOB 'fts_e*_vocab'")
      .pluck()
      .all() as string[];
    for (const view of views) this.db.exec(`DROP TABLE IF EXISTS temp."${view}"`);
    this.ready.clear();
    this.statements.clear();
    this.follower?.forgetAll();
  }

  /**
   * Rowids matching an FTS5 expression with their bm25 score, negated so higher is better.
   * One string of integers (scores in billionths) instead of a row object each, read without
   * splitting it: the marshalling costs a fraction of what rows would on a common word.
   */
  match(engineId: number, expression: string): { rowids: Float64Array; scores: Float64Array } {
    this.ensure(engineId);
    const table = ftsTable(engineId);
    const packed = this.db
      .prepare(
        `SELECT group_concat(rowid || ',' || CAST(round(-rank * ${SCORE_SCALE}) AS INTEGER), ',') FROM ${table}
          WHERE ${table} MATCH ? AND rank MATCH 'bm25(${TITLE_WEIGHT}, ${BODY_WEIGHT})'`,
      )
      .pluck()
      .get(expression) as string | null;
    const numbers = integersOf(packed ?? '');
    const count = numbers.length / 2;
    const rowids = new Float64Array(count);
    const scores = new Float64Array(count);
    for (let index = 0; index < count; index += 1) {
      rowids[index] = numbers[2 * index] as number;
      scores[index] = (numbers[2 * index + 1] as number) / SCORE_SCALE;
    }
    return { rowids, scores };
  }

  /** Distinct indexed words, with or without digits, each with the number of items containing it. */
  vocabulary(engineId: number, kind: 'words' | 'codes'): Array<{ term: string; docs: number }> {
    this.ensure(engineId);
    const vocab = vocabTable(engineId);
    this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${vocab} USING fts5vocab('main', '${ftsTable(engineId)}', 'row')`);
    const digits = kind === 'codes' ? 'GLOB' : 'NOT GLOB';
    return this.db.prepare(`SELECT term, doc AS docs FROM ${vocab} WHERE term ${digits} '*[0-9]*'`).all() as Array<{
      term: string;
      docs: number;
    }>;
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
