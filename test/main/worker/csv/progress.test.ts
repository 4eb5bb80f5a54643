/** The dry run's progress says how far into the file it is, so the bar can show a percentage. */
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvProgress } from '../../../../preload/contract';
import { csvFile } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';

let fixture: CsvFixture;

afterEach(() => fixture.close());

/** A file of about 1.5 MB: several reads of the file, several staging batches. */
function bigFile(): string {
  const lines = ['id,title,description'];
  for (let n = 0; n < 30_000; n += 1) lines.push(`NEW-${n},Thing ${n},A description long enough to weigh a little`);
  return csvFile(lines.join('\n'));
}

describe('dry run progress', () => {
  it('reports the bytes read of the file size, growing to the whole file when done', async () => {
    fixture = csvFixture();
    const file = bigFile();
    const size = statSync(file).size;

    await fixture.csv.dryRun({ file, engine: ENGINE, type: TYPE, mode: 'merge', mapping: null });

    const progress = fixture.events
      .filter((event) => event.channel === 'csv:progress')
      .map((event) => event.payload as CsvProgress);
    const running = progress.filter((p) => !p.done);
    expect(running.length).toBeGreaterThan(2);
    expect(progress.every((p) => p.bytesTotal === size)).toBe(true);
    const read = running.map((p) => p.bytesRead ?? -1);
    expect(read[0]).toBeGreaterThan(0);
    expect(read[0]).toBeLessThan(size);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: true, rows: 30_000, bytesRead: size });
  });
});
