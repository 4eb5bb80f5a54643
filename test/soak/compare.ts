/**
 * The soak's verdict: after a final complete sync, the sandbox must hold exactly the local
 * documents. Lost: a local item the server lacks or holds differently, a local deletion the
 * server still has, an edit the app acknowledged that is not in the local document. Duplicated:
 * an item twice, on either side. Stuck: a row still `pushing`.
 */
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import type { Sandbox } from '../../main/sandbox/index';

type Doc = Record<string, unknown>;

/** Fields the server fills in by itself (Doofinder's own URL fields). */
const SERVER_FIELDS = new Set(['df_url', 'url']);

const comparable = (doc: Doc): Doc =>
  Object.fromEntries(Object.entries(doc).filter(([field]) => !SERVER_FIELDS.has(field)));

/** A cell the app said it stored: what the local document must hold, unless changed again later. */
export interface AckedCell {
  type: string;
  id: string;
  field: string;
  value: string;
}

export interface Verdict {
  lost: number;
  duplicated: number;
  stuck: number;
  /** Up to 20 examples of what went wrong, for the report. */
  problems: string[];
  localItems: number;
  serverItems: number;
  /** Acknowledged edits checked against the local documents. */
  ackedCells: number;
}

interface LocalRow {
  type: string;
  id: string;
  doc: string;
  status: string;
}

/** The acknowledged text as the grid stores it (numbers are converted by the column's kind). */
function holds(value: unknown, text: string): boolean {
  if (value === text) return true;
  if (typeof value === 'number') return Number(text) === value;
  return false;
}

export function compareWithServer(options: {
  accountDb: string;
  sandbox: Sandbox;
  hashid: string;
  acked: AckedCell[];
}): Verdict {
  const problems: string[] = [];
  const note = (problem: string) => {
    if (problems.length < 20) problems.push(problem);
  };
  const db = new Database(options.accountDb, { readonly: true });
  const local = db
    .prepare('SELECT type, id, doc, status FROM items WHERE engine = ?')
    .all(options.hashid) as LocalRow[];
  db.close();
  const server = options.sandbox.ctx.db
    .prepare('SELECT type, id, doc FROM items WHERE engine_id = (SELECT id FROM engines WHERE hashid = ?)')
    .all(options.hashid) as Array<{ type: string; id: string; doc: string }>;

  let lost = 0;
  let duplicated = 0;
  const serverDocs = new Map<string, Doc>();
  for (const item of server) {
    const key = `${item.type}/${item.id}`;
    if (serverDocs.has(key)) {
      duplicated += 1;
      note(`on the server twice: ${key}`);
    }
    serverDocs.set(key, JSON.parse(item.doc) as Doc);
  }
  const localDocs = new Map<string, Doc>();
  for (const row of local) {
    const key = `${row.type}/${row.id}`;
    if (localDocs.has(key)) {
      duplicated += 1;
      note(`stored twice here: ${key}`);
    }
    const theirs = serverDocs.get(key);
    if (row.status === 'deleted') {
      if (theirs) {
        lost += 1;
        note(`deleted here, still on the server: ${key}`);
      }
      continue;
    }
    const doc = JSON.parse(row.doc) as Doc;
    localDocs.set(key, doc);
    if (!theirs) {
      lost += 1;
      note(`missing on the server: ${key} (${row.status})`);
    } else if (!isDeepStrictEqual(comparable(doc), comparable(theirs))) {
      lost += 1;
      const fields = Object.keys({ ...doc, ...theirs }).filter(
        (field) => !SERVER_FIELDS.has(field) && !isDeepStrictEqual(doc[field], theirs[field]),
      );
      note(`differs on the server: ${key} (${row.status}) fields ${fields.join(', ')}`);
    }
  }
  const localKeys = new Set(local.map((row) => `${row.type}/${row.id}`));
  for (const key of serverDocs.keys()) {
    if (localKeys.has(key)) continue;
    lost += 1;
    note(`on the server, gone here (a deletion lost?): ${key}`);
  }
  for (const cell of options.acked) {
    const doc = localDocs.get(`${cell.type}/${cell.id}`);
    if (!doc || holds(doc[cell.field], cell.value)) continue;
    lost += 1;
    note(`acknowledged edit not kept: ${cell.type}/${cell.id} ${cell.field} = ${cell.value}`);
  }
  return {
    lost,
    duplicated,
    stuck: local.filter((row) => row.status === 'pushing').length,
    problems,
    localItems: localDocs.size,
    serverItems: serverDocs.size,
    ackedCells: options.acked.length,
  };
}
