/** The export form's choices, and the `csv:export` request and file name they make. */
import type { CsvDelimiter, FieldInfo, RequestInput, ViewSpec } from '../../../preload/contract';

export type ExportFormat = 'csv' | 'tsv' | 'feed';
export type ExportScope = 'all' | 'pending';

export interface ExportChoices {
  engine: string;
  type: string;
  scope: ExportScope;
  /** Fields in order; empty for every field of the type. */
  columns: string[];
  format: ExportFormat;
  delimiter: CsvDelimiter;
  listJoiner: string;
  bom: boolean;
}

export const DEFAULT_CHOICES: Omit<ExportChoices, 'engine' | 'type'> = {
  scope: 'all',
  columns: [],
  format: 'csv',
  delimiter: ',',
  listJoiner: ' | ',
  bom: true,
};

export function exportRequest(choices: ExportChoices, file: string): RequestInput<'csv:export'> {
  const { engine, type } = choices;
  const view: ViewSpec = { engine, type, sort: [], filters: [], quick: '', pendingOnly: true };
  const request: RequestInput<'csv:export'> = {
    file,
    target: choices.scope === 'pending' ? { scope: 'view', view } : { scope: 'all', engine, type },
    columns: choices.columns.length > 0 ? choices.columns : null,
    format: choices.format,
    bom: choices.format === 'feed' ? false : choices.bom,
  };
  // A feed file fixes its own delimiter and joiner (`|`, ` %% `); TSV is tab-separated by name.
  if (choices.format === 'csv') request.delimiter = choices.delimiter;
  if (choices.format !== 'feed') request.listJoiner = choices.listJoiner;
  return request;
}

/** "shop-product-2026-11-25.csv": the engine's name kept readable, the date of the export. */
export function exportFileName(
  engineName: string,
  choices: Pick<ExportChoices, 'type' | 'format' | 'scope'>,
  now = new Date(),
): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'catalog';
  const day = now.toISOString().slice(0, 10);
  const pending = choices.scope === 'pending' ? '-pending' : '';
  const suffix = choices.format === 'feed' ? '-feed' : '';
  const extension = choices.format === 'tsv' ? 'tsv' : choices.format === 'feed' ? 'txt' : 'csv';
  return `${slug(engineName)}-${slug(choices.type)}${pending}${suffix}-${day}.${extension}`;
}

/** The results file of a dry run (or of the sync after it), named after the imported file. */
export function resultsFileName(importedName: string, stage: 'dryRun' | 'sync'): string {
  const stem = importedName.replace(/\.[^.]*$/, '').replace(/[^\w .()-]+/g, '_') || 'import';
  return `${stem} - ${stage === 'dryRun' ? 'dry run' : 'sync'} results.csv`;
}

/**
 * The fields in the grid's order (its saved layout), then any the layout does not know, id
 * first; the columns hidden in the grid start unticked.
 */
export function fieldsInGridOrder(
  fields: readonly FieldInfo[],
  layout: { columns: Array<{ id: string; hidden?: boolean }> } | null,
): Array<{ name: string; shown: boolean }> {
  const known = new Set(fields.map((field) => field.name));
  const ordered = (layout?.columns ?? [])
    .filter((column) => known.has(column.id))
    .map((column) => ({ name: column.id, shown: column.hidden !== true }));
  const placed = new Set(ordered.map((column) => column.name));
  const rest = fields.filter((field) => !placed.has(field.name)).map((field) => ({ name: field.name, shown: true }));
  const all = [...ordered, ...rest];
  const id = all.find((column) => column.name === 'id') ?? { name: 'id', shown: true };
  return [{ ...id, shown: true }, ...all.filter((column) => column.name !== 'id')];
}
