/**
 * A field of an item as SQL. Sorts and filters read `json_extract(doc, '$."field"')`, with
 * the path written as a literal: SQLite matches an expression index only against the same
 * literal expression, never a bound parameter. Text compares without case (NOCASE only
 * touches text, so numbers sort and compare as numbers). The id is the row's own column.
 */
import { AppError } from '../../errors';

/** The id field: a column of its own (indexed with engine and type), not edited like the rest. */
export const ID_FIELD = 'id';

/** Names SQLite's JSON paths cannot quote, and control characters no column header has. */
const UNQUOTABLE = /["\p{Cc}]/u;

export function checkFieldName(field: string): void {
  if (UNQUOTABLE.test(field))
    throw new AppError('invalid_input', `The field name ${JSON.stringify(field)} has a character fields cannot hold.`, {
      field,
    });
}

/** The JSON path of a field, as a SQL string literal. */
export function pathLiteral(field: string): string {
  checkFieldName(field);
  return `'$."${field.replaceAll("'", "''")}"'`;
}

/** The value of a field, as indexes, sorts and filters read it. */
export function fieldValueSql(field: string): string {
  if (field === ID_FIELD) return 'id';
  return `json_extract(doc, ${pathLiteral(field)})`;
}

/** The same with the collation the grid's indexes are made with. */
export function fieldKeySql(field: string): string {
  return field === ID_FIELD ? 'id' : `${fieldValueSql(field)} COLLATE NOCASE`;
}
