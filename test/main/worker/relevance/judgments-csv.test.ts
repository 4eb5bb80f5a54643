/** Judgments as `query,id,grade` CSV: a round trip through the app, and bad rows reported by line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJudgments } from '../../../../main/worker/relevance/judgments-csv';
import { queryId, relevanceWorld } from './relevance-fixture';

let world: Awaited<ReturnType<typeof relevanceWorld>> | null = null;
afterEach(async () => {
  await world?.relevance.stop();
  world?.dbs.closeAll();
  world = null;
});

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'cs-judgments-')), name);

describe('judgments as CSV', () => {
  it('exports every judgment and imports them into another case unchanged', async () => {
    world = await relevanceWorld();
    const w = world;
    const source = w.makeCase(['red shoes', 'café, "crème"'], { k: 5 });
    w.relevance.grade({ queryId: queryId(source, 'red shoes'), itemId: 'A-1', grade: 3 });
    w.relevance.grade({ queryId: queryId(source, 'red shoes'), itemId: 'A-2', grade: 0 });
    w.relevance.grade({ queryId: queryId(source, 'café, "crème"'), itemId: 'B;7', grade: 2 });
    const file = tempFile('judgments.csv');

    expect(await w.relevance.export({ caseId: source.id, file })).toEqual({ file, rows: 3 });
    const text = readFileSync(file, 'utf8');
    expect(text).toBe('\uFEFFquery,id,grade\r\nred shoes,A-1,3\r\nred shoes,A-2,0\r\n"café, ""crème""",B;7,2\r\n');

    const target = w.relevance.saveCase({ name: 'Copy', engine: 'e1', k: 7, threshold: 2 });
    const imported = await w.relevance.import({ caseId: target.id, file });
    expect(imported).toMatchObject({ judgments: 3, queriesAdded: 2, problems: [] });
    expect(
      imported.case.queries.map((query) => [query.query, query.judged, query.params.rpp, query.params.nostats]),
    ).toEqual([
      ['red shoes', 2, 7, true],
      ['café, "crème"', 1, 7, true],
    ]);
    const again = tempFile('again.csv');
    await w.relevance.export({ caseId: target.id, file: again });
    expect(readFileSync(again, 'utf8')).toBe(text);

    // Importing again changes grades in place and adds no query.
    writeFileSync(file, 'query,id,grade\nred shoes,A-2,1\n');
    const regraded = await w.relevance.import({ caseId: target.id, file });
    expect(regraded).toMatchObject({ judgments: 1, queriesAdded: 0 });
    expect(regraded.case.queries[0]?.judged).toBe(2);
  });

  it('reports each bad row with its line and imports the rest', async () => {
    world = await relevanceWorld();
    const w = world;
    const target = w.relevance.saveCase({ name: 'From a spreadsheet', engine: 'e1', k: 10, threshold: 1 });
    const file = tempFile('grades.csv');
    writeFileSync(
      file,
      [
        'Grade,ID,Query',
        '3,A-1,boots',
        '5,A-2,boots',
        '2,,boots',
        '1,A-3,',
        '',
        '2,A-4,"winter',
        'boots"',
        'good,A-5,boots',
        '0,A-6,boots',
      ].join('\r\n'),
    );
    const imported = await w.relevance.import({ caseId: target.id, file });
    expect(imported.problems.map((problem) => [problem.line, problem.columnName, problem.severity])).toEqual([
      [3, 'grade', 'error'],
      [4, 'id', 'error'],
      [5, 'query', 'error'],
      [9, 'grade', 'error'],
    ]);
    expect(imported.problems[0]?.reason).toBe('"5" is not a grade: use 0, 1, 2 or 3.');
    expect(imported).toMatchObject({ judgments: 3, queriesAdded: 2 });
    expect(imported.case.queries.map((query) => [query.query, query.judged])).toEqual([
      ['boots', 2],
      ['winter\r\nboots', 1],
    ]);
  });

  it('refuses a file without the three columns, saying which it needs', () => {
    expect(parseJudgments('term,product\nboots,A-1\n').problems).toEqual([
      {
        line: 1,
        column: null,
        columnName: null,
        reason: 'The first row must name the columns query, id and grade.',
        severity: 'error',
      },
    ]);
    expect(parseJudgments('').problems[0]?.reason).toMatch(/empty/);
  });
});
