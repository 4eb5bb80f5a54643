/** The dry run in words: what Apply would do, and what it leaves out. */
import type { CsvImportCounts, CsvImportMode, CsvProblem } from '../../../preload/contract';
import { formatCount } from '../../app/format';

function items(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'item' : 'items'}`;
}

function rows(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`;
}

/** One sentence for the apply button's neighbour: what changes in the catalog. */
export function applySummary(counts: CsvImportCounts): string {
  const parts = [
    counts.new > 0 && `adds ${items(counts.new)}`,
    counts.changed > 0 && `changes ${items(counts.changed)}`,
    counts.deleted > 0 && `deletes ${items(counts.deleted)}`,
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return 'Apply changes nothing: every row equals what the catalog holds.';
  const last = parts.pop() ?? '';
  return `Apply ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}, as one action you can undo.`;
}

/** What Apply leaves out, and why; empty when it takes every row. */
export function leftOut(counts: CsvImportCounts, mode: CsvImportMode): string[] {
  const notes: string[] = [];
  if (counts.invalid > 0) {
    notes.push(
      `${rows(counts.invalid)} ${counts.invalid === 1 ? 'is' : 'are'} invalid and will not be applied (see Problems).`,
    );
  }
  if (counts.skipped > 0) {
    const why =
      mode === 'add'
        ? 'already in the catalog (add only changes nothing there)'
        : 'not in the catalog (update only adds nothing)';
    notes.push(`${rows(counts.skipped)} skipped: ${why}.`);
  }
  if (counts.warnings > 0) notes.push(`${rows(counts.warnings)} with a warning will be applied (see Problems).`);
  return notes;
}

export const MODE_TEXT: Record<CsvImportMode, { label: string; help: string }> = {
  merge: { label: 'Merge', help: 'Update the items in the file and add the new ones.' },
  replace: { label: 'Replace', help: 'As merge, and delete the items the file does not have.' },
  add: { label: 'Add only', help: 'Add the new items; leave existing ones as they are.' },
  update: { label: 'Update only', help: 'Update existing items; add nothing.' },
};

/** A value as a cell shows it: lists joined, nothing as an empty mark. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((part) => showValue(part)).join(' | ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '—';
}

/** Problems with the same column and reason told once, with their lines ("Lines 2, 3 and 5, column 5: …"). */
export function groupProblems(
  problems: readonly CsvProblem[],
): Array<{ text: string; severity: CsvProblem['severity'] }> {
  const groups = new Map<string, { lines: number[]; problem: CsvProblem }>();
  for (const problem of problems) {
    const key = `${problem.severity}\t${problem.column ?? ''}\t${problem.reason}`;
    const group = groups.get(key);
    if (group) group.lines.push(problem.line);
    else groups.set(key, { lines: [problem.line], problem });
  }
  return [...groups.values()].map(({ lines, problem }) => {
    const where =
      lines.length === 1 ? `Line ${lines[0]}` : `Lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
    const column =
      problem.column === null
        ? ''
        : `, column ${problem.column}${problem.columnName ? ` (${problem.columnName})` : ''}`;
    return { text: `${where}${column}: ${problem.reason}`, severity: problem.severity };
  });
}

/** How far the dry run is into the file, 0-100 (whole numbers), or null before the size is known. */
export function percentRead(progress: { bytesRead?: number; bytesTotal?: number } | null): number | null {
  if (!progress || progress.bytesRead === undefined || !progress.bytesTotal) return null;
  return Math.min(100, Math.floor((progress.bytesRead / progress.bytesTotal) * 100));
}
