/**
 * A cell's text as the value its field holds, by the column's kind (catalog/convert.ts, the
 * grid's own rules), for the dry run. Identifiers stay text, checked for spreadsheet damage.
 * Text that is exactly how the catalog's current value is written keeps that value, so an
 * exported file imported again changes nothing, whatever its kinds (a number in a text
 * field, an object, a list joined with another separator).
 */
import { convertText } from '../../catalog/convert';
import { valueText } from '../../catalog/value-text';
import { sameValue } from '../../sync/merge';
import type { ColumnMapping } from './mapping';
import { identifierFlag } from './identifiers';
import { isIdentifier } from './names';

export type CellResult = { ok: true; value: unknown; warning?: string } | { ok: false; reason: string };

/** The ways an export may have written a value: the grid's " | ", a feed's " %% ", the file's own separator. */
function writtenAs(value: unknown, text: string, listSeparator: string | null): boolean {
  if (value === undefined || value === null) return false;
  if (valueText(value) === text) return true;
  if (!Array.isArray(value)) return false;
  const parts = value.map((part) => valueText(part));
  return [' %% ', '|', listSeparator].some((joiner) => joiner !== null && parts.join(joiner) === text);
}

export function convertCell(
  column: ColumnMapping,
  text: string,
  current: unknown,
  listSeparator: string | null,
): CellResult {
  const field = column.field ?? '';
  if (isIdentifier(field) && field !== 'id') {
    const flag = identifierFlag(field, text, current);
    if (flag?.severity === 'error') return { ok: false, reason: flag.reason };
    const value = text.trim() === '' ? null : text.trim();
    const kept = writtenAs(current, text.trim(), listSeparator) ? current : value;
    return flag ? { ok: true, value: kept, warning: flag.reason } : { ok: true, value: kept };
  }
  // First, as it is the cheapest: a re-imported file is mostly cells written as the catalog holds them.
  if (writtenAs(current, text, listSeparator) || writtenAs(current, text.trim(), listSeparator))
    return { ok: true, value: current };
  const converted = convertText(text, column.kind === 'id' ? 'text' : column.kind, { listSeparator });
  if (converted.ok && sameValue(converted.value, current)) return { ok: true, value: current };
  if (!converted.ok)
    return { ok: false, reason: `${converted.reason}: "${text.length > 60 ? `${text.slice(0, 60)}…` : text}"` };
  return converted;
}

const ID_TEXT = /^[^\p{Cc}]{1,200}$/u;

/** The id cell: required, text as written (leading zeros kept), not spreadsheet-mangled. */
export function convertId(text: string): { ok: true; id: string } | { ok: false; reason: string } {
  const id = text.trim();
  if (id === '') return { ok: false, reason: 'The id is missing' };
  if (!ID_TEXT.test(id))
    return { ok: false, reason: 'An id is at most 200 characters, without line breaks or control characters' };
  const flag = identifierFlag('id', id, undefined);
  if (flag?.severity === 'error') return { ok: false, reason: flag.reason };
  return { ok: true, id };
}
