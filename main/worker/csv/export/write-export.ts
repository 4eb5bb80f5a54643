/**
 * Writes an export file, streaming: CSV or TSV with the chosen columns, delimiter, list
 * joiner and an optional UTF-8 BOM (Excel needs it to read accents right), or a Doofinder
 * feed file (header row, `|` separated, ` %% ` between list values, `>` in category paths:
 * what the feed processing reads, main/sandbox/feeds/csv-records.ts). Cells are quoted
 * only when they must be (papaparse `unparse`).
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import Papa from 'papaparse';
import type { CatalogContext } from '../../catalog/context';
import type { Delimiter } from '../read/delimiter';
import { stopIfCancelled } from '../cancel';
import { cellText } from './cell-text';
import { exportPages, targetType, type ExportTarget } from './item-pages';

export interface ExportSpec {
  file: string;
  target: ExportTarget;
  /** Fields in order; null for every field of the type (id first). */
  columns: string[] | null;
  format: 'csv' | 'tsv' | 'feed';
  delimiter?: Delimiter | undefined;
  listJoiner?: string | undefined;
  bom: boolean;
}

export type ExportProgress = (rows: number) => void;

function layout(spec: ExportSpec): { delimiter: Delimiter; joiner: string; newline: string } {
  if (spec.format === 'feed') return { delimiter: '|', joiner: ' %% ', newline: '\n' };
  const delimiter = spec.format === 'tsv' ? '\t' : (spec.delimiter ?? ',');
  return { delimiter, joiner: spec.listJoiner ?? ' | ', newline: '\r\n' };
}

function columnsOf(ctx: CatalogContext, spec: ExportSpec): string[] {
  if (spec.columns) return spec.columns.includes('id') ? spec.columns : ['id', ...spec.columns];
  const { engine, type } = targetType(spec.target);
  return ctx.fields.list(engine, type).map((field) => field.name);
}

export async function writeExport(
  ctx: CatalogContext,
  spec: ExportSpec,
  onProgress: ExportProgress = () => {},
  signal?: AbortSignal,
): Promise<number> {
  const { delimiter, joiner, newline } = layout(spec);
  const columns = columnsOf(ctx, spec);
  const unparse = (rows: string[][]) => Papa.unparse(rows, { delimiter, newline }) + newline;
  const out = createWriteStream(spec.file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let rows = 0;
  let finished = false;
  try {
    await write((spec.bom && spec.format !== 'feed' ? '\ufeff' : '') + unparse([columns]));
    for (const page of exportPages(ctx, spec.target)) {
      await write(
        unparse(
          page.map((item) => columns.map((field) => (field === 'id' ? item.id : cellText(item.doc[field], joiner)))),
        ),
      );
      rows += page.length;
      onProgress(rows);
      stopIfCancelled(signal, () => `The export to ${spec.file} (after ${rows} items; the partial file was removed)`);
    }
    finished = true;
  } finally {
    out.end();
    await once(out, 'close');
    // A half-written export looks like a whole one to whoever opens it: it goes.
    if (!finished) await rm(spec.file, { force: true });
  }
  return rows;
}
