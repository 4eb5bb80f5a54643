import { describe, expect, it } from 'vitest';
import type { CsvImportCounts } from '../../../preload/contract';
import {
  applySummary,
  groupProblems,
  leftOut,
  percentRead,
  showValue,
} from '../../../renderer/pages/import-export/dry-run-summary';

const counts = (partial: Partial<CsvImportCounts>): CsvImportCounts => ({
  new: 0,
  changed: 0,
  unchanged: 0,
  invalid: 0,
  deleted: 0,
  skipped: 0,
  warnings: 0,
  ...partial,
});

describe('the dry run in words', () => {
  it('says what Apply adds, changes and deletes, as one action', () => {
    expect(applySummary(counts({ new: 2, changed: 1, deleted: 3 }))).toBe(
      'Apply adds 2 items, changes 1 item and deletes 3 items, as one action you can undo.',
    );
    expect(applySummary(counts({ changed: 1200 }))).toMatch(
      /^Apply changes 1.200 items, as one action you can undo\.$/,
    );
  });

  it('says a re-imported file changes nothing', () => {
    expect(applySummary(counts({ unchanged: 40 }))).toBe(
      'Apply changes nothing: every row equals what the catalog holds.',
    );
  });

  it('tells what is left out and why, by mode', () => {
    expect(leftOut(counts({ invalid: 1, skipped: 2, warnings: 3 }), 'add')).toEqual([
      '1 row is invalid and will not be applied (see Problems).',
      '2 rows skipped: already in the catalog (add only changes nothing there).',
      '3 rows with a warning will be applied (see Problems).',
    ]);
    expect(leftOut(counts({ skipped: 1 }), 'update')).toEqual([
      '1 row skipped: not in the catalog (update only adds nothing).',
    ]);
    expect(leftOut(counts({ new: 5 }), 'merge')).toEqual([]);
  });

  it('shows values as cells do: lists joined, nothing as a dash', () => {
    expect(showValue(['a', 'b'])).toBe('a | b');
    expect(showValue(null)).toBe('—');
    expect(showValue('')).toBe('—');
    expect(showValue(0)).toBe('0');
    expect(showValue('0123')).toBe('0123');
  });
});

describe('problems in the preview', () => {
  it('tells a warning repeated on many lines once, with its lines', () => {
    const trailing = (line: number) => ({
      line,
      column: 5,
      columnName: null,
      reason: '1 empty field past the header (a trailing delimiter): ignored',
      severity: 'warning' as const,
    });
    const bad = { line: 7, column: 3, columnName: 'Price', reason: 'not a number', severity: 'error' as const };
    expect(groupProblems([trailing(2), trailing(3), bad, trailing(6)])).toEqual([
      {
        text: 'Lines 2, 3 and 6, column 5: 1 empty field past the header (a trailing delimiter): ignored',
        severity: 'warning',
      },
      { text: 'Line 7, column 3 (Price): not a number', severity: 'error' },
    ]);
  });
});

describe('the dry run progress bar', () => {
  it('shows how far into the file the dry run is, in whole percent, and nothing before it knows', () => {
    expect(percentRead(null)).toBeNull();
    expect(percentRead({ bytesRead: 10 })).toBeNull();
    expect(percentRead({ bytesRead: 0, bytesTotal: 0 })).toBeNull();
    expect(percentRead({ bytesRead: 999, bytesTotal: 1000 })).toBe(99);
    expect(percentRead({ bytesRead: 1000, bytesTotal: 1000 })).toBe(100);
  });
});
