import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/worker/store/open';

describe('SQLite store (better-sqlite3)', () => {
  it('loads the native module and opens a file with WAL, synchronous=FULL and foreign keys', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cs-db-')), 'account.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('has FTS5 with bm25 ranking, which quick search and the sandbox rely on', () => {
    const db = openDatabase(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE docs USING fts5(title, body); INSERT INTO docs VALUES ('Red shoe', 'leather'), ('Blue shirt', 'cotton shoe print')",
    );
    const rows = db.prepare("SELECT title FROM docs WHERE docs MATCH 'shoe' ORDER BY bm25(docs, 10.0, 1.0)").all();
    expect(rows).toEqual([{ title: 'Red shoe' }, { title: 'Blue shirt' }]);
    db.close();
  });
});
