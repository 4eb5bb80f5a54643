import type { CsvImportCounts, CsvImportMode } from '../../../../preload/contract';

/** What an import does with the file's rows (DESIGN.md section 6). */
export const importModes = ['merge', 'replace', 'add', 'update'] as const;
/** merge: update and add; replace: also delete items missing from the file; add only; update only. */
export type ImportMode = CsvImportMode & (typeof importModes)[number];

export type RowOutcome = 'new' | 'changed' | 'unchanged' | 'skipped' | 'invalid';

export type ImportCounts = CsvImportCounts;
