/**
 * Ids the file names more than once: every one of those rows is invalid (which one is meant
 * cannot be told), with the lines of the others in its reason.
 */
import { prepared, type SqliteDatabase } from '../../store/open';
import { problem, type CsvProblem } from '../errors';
import { stageTable } from './stage-table';

/** Lines listed in a reason, at most. */
const LINES_SHOWN = 10;

export function markDuplicates(
  db: SqliteDatabase,
  importId: number,
  idColumn: { index: number; column: string },
): number {
  const table = stageTable(importId);
  db.exec(`CREATE INDEX IF NOT EXISTS ${table}_by_id ON ${table}(id)`);
  const groups = prepared(
    db,
    `SELECT id, json_group_array(line) AS lines FROM (SELECT id, line FROM ${table} WHERE id IS NOT NULL ORDER BY line) GROUP BY id HAVING count(*) > 1`,
  ).all() as Array<{ id: string; lines: string }>;
  const read = prepared(db, `SELECT problems FROM ${table} WHERE line = ?`).pluck();
  const mark = prepared(
    db,
    `UPDATE ${table} SET outcome = 'invalid', doc = NULL, fields = NULL, problems = ? WHERE line = ?`,
  );
  let marked = 0;
  db.transaction(() => {
    for (const group of groups) {
      const lines = JSON.parse(group.lines) as number[];
      for (const line of lines) {
        const others = lines.filter((other) => other !== line);
        const shown = others.slice(0, LINES_SHOWN).join(', ') + (others.length > LINES_SHOWN ? ', …' : '');
        const reason = `The id ${group.id} is in the file more than once (also on line${others.length > 1 ? 's' : ''} ${shown}): each item may be on one row only`;
        const text = read.get(line) as string | null;
        const problems = [
          ...(text === null ? [] : (JSON.parse(text) as CsvProblem[])),
          problem(line, idColumn.index + 1, reason, { columnName: idColumn.column }),
        ];
        mark.run(JSON.stringify(problems), line);
        marked += 1;
      }
    }
  })();
  return marked;
}
