/**
 * The results file catalog managers know from other import tools: one CSV row per line of
 * the imported file, `line,id,outcome,message`. After the dry run the outcome is what the
 * apply would do; after a sync it is what became of the item (synced, pending, failed with
 * the server's reason, conflict). Cells that a spreadsheet would run as a formula are
 * escaped (papaparse's `escapeFormulae`): the message quotes the user's own data.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { prepared, type SqliteDatabase } from '../../store/open';
import { placeOf } from '../errors';
import { readImport } from './imports';
import { missingIds } from './missing-items';
import { stageRows, type StoredStageRow } from './stage-table';

export type ResultsStage = 'dryRun' | 'sync';

const HEADER = ['line', 'id', 'outcome', 'message'];

function messageOf(row: StoredStageRow): string {
  const problems = row.problems.map((p) => `${p.severity === 'warning' ? 'Warning: ' : ''}${placeOf(p)}: ${p.reason}`);
  return [...problems, ...(row.note ? [row.note] : [])].join('; ');
}

interface ItemState {
  status: string;
  error: string | null;
}

/** What became of an applied row's item, as the results file says it. */
function syncOutcome(row: StoredStageRow, item: ItemState | undefined): { outcome: string; message: string } {
  if (row.outcome !== 'new' && row.outcome !== 'changed') return { outcome: row.outcome, message: messageOf(row) };
  if (!item) return { outcome: 'gone', message: 'The item is no longer in the catalog' };
  switch (item.status) {
    case 'clean':
      return { outcome: 'synced', message: messageOf(row) };
    case 'failed':
      return { outcome: 'failed', message: item.error ?? 'The server refused the item' };
    case 'conflict':
      return { outcome: 'conflict', message: item.error ?? 'Changed here and on the server' };
    default:
      return { outcome: 'pending', message: 'Not synced yet' };
  }
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeResultsFile(
  db: SqliteDatabase,
  importId: number,
  file: string,
  stage: ResultsStage,
): Promise<number> {
  const record = readImport(db, importId);
  if (!record) throw new Error(`no import ${importId}`);
  const itemState = prepared(db, 'SELECT status, error FROM items WHERE engine = ? AND type = ? AND id = ?');
  const out = createWriteStream(file);
  const unparse = (rows: unknown[][]) => Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
  let count = 0;
  try {
    await write(out, unparse([HEADER]));
    let page: unknown[][] = [];
    const flush = async () => {
      if (page.length > 0) await write(out, unparse(page));
      page = [];
    };
    for (const row of stageRows(db, importId, '1')) {
      const result =
        stage === 'sync'
          ? syncOutcome(row, itemState.get(record.engine, record.type, row.id) as ItemState | undefined)
          : { outcome: row.outcome, message: messageOf(row) };
      page.push([row.line, row.id ?? '', result.outcome, result.message]);
      count += 1;
      if (page.length >= 2_000) await flush();
    }
    if (record.mode === 'replace' && stage === 'dryRun') {
      for (const id of missingIds(db, importId, record.engine, record.type)) {
        page.push(['', id, 'deleted', 'Not in the file: replace mode deletes it']);
        count += 1;
        if (page.length >= 2_000) await flush();
      }
    }
    await flush();
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}
