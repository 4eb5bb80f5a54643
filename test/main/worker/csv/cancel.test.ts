/** Cancel during a dry run or an export: the catalog, the staging area and the disk are left as they were. */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvProgress } from '../../../../preload/contract';
import { csvFile } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';

let fixture: CsvFixture;

afterEach(() => fixture.close());

/** A fixture whose user presses Cancel as soon as `task` reports its first progress. */
function cancellingAt(task: CsvProgress['task']): CsvFixture {
  const made = csvFixture(undefined, (channel, payload) => {
    const progress = payload as CsvProgress;
    if (channel === 'csv:progress' && progress.task === task && !progress.done) made.csv.cancel();
  });
  return made;
}

/** More rows than one staging batch, so the dry run reports progress before it ends. */
function bigFile(): string {
  const lines = ['id,title'];
  for (let n = 0; n < 12_000; n += 1) lines.push(`NEW-${n},Thing ${n}`);
  return csvFile(lines.join('\n'));
}

const stageTables = (f: CsvFixture) =>
  f.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'csv_stage_%'").pluck().all();

describe('cancelling a dry run', () => {
  it('stops it with a message, stages nothing, changes no item, and lets the next dry run start', async () => {
    fixture = cancellingAt('dryRun');
    const before = fixture.snapshot();
    const file = bigFile();

    const run = fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode: 'merge', mapping: null });
    const error: unknown = await run.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect((error as Error).message).toMatch(
      /dry run of .* \(stopped at line \d+; nothing was staged.*\) was cancelled/,
    );

    expect(fixture.snapshot()).toEqual(before);
    expect(stageTables(fixture)).toEqual([]);
    expect(fixture.db.prepare('SELECT state FROM csv_imports').pluck().all()).toEqual(['discarded']);
    expect(fixture.csv.cancel()).toEqual({ cancelled: false });

    const small = await fixture.csv.dryRun({
      file: csvFile('id,title\nNEW-1,One'),
      engine: ENGINE,
      type: TYPE,
      mode: 'merge',
      mapping: null,
    });
    expect(small.counts.new).toBe(1);
  });
});

describe('cancelling an export', () => {
  it('stops it and removes the partial file', async () => {
    fixture = cancellingAt('export');
    const file = csvFile('', 'export.csv');

    const run = fixture.csv.export({
      file,
      target: { scope: 'all', engine: ENGINE, type: TYPE },
      columns: null,
      format: 'csv',
      bom: false,
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(file)).toBe(false);
  });

  it('is a no-op when nothing runs', () => {
    fixture = csvFixture();
    expect(fixture.csv.cancel()).toEqual({ cancelled: false });
  });
});
