/**
 * Text as typed or pasted, turned into the value its column holds (DESIGN.md section 6's
 * coercion, shared with the grid through preload/values.ts): numbers and prices with `.` or
 * `,` decimals (and a currency symbol or code on prices), booleans as true/false/yes/no/1/0,
 * lists and categories split on ` %% ` or `|`, ISO dates, URLs. Text that does not fit says why.
 */
import type { FieldKind } from '../../../preload/contract';
import {
  isIsoDate,
  isWebAddress,
  normalizePath,
  parseBoolean,
  parseNumber,
  parsePrice,
  splitList,
} from '../../../preload/values';

// The readers live in preload/values.ts (the grid uses them too); their names stay here for callers.
export { normalizePath, parseBoolean, parseNumber, parsePrice, splitList };

export type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

export interface ConvertOptions {
  /** What separates a list's values (default ` %% ` or `|`). */
  listSeparator?: string | null;
}

/**
 * The value for a cell of a column of `kind`, from its text. An empty text clears the cell
 * (`value` null), whatever the kind: an empty spreadsheet cell means "no value".
 */

export function convertText(text: string, kind: FieldKind, options: ConvertOptions = {}): Converted {
  const separator = options.listSeparator ?? undefined;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  switch (kind) {
    case 'id':
      return { ok: false, reason: 'The id cannot be changed here (create a new item instead)' };
    case 'number': {
      const value = parseNumber(trimmed);
      return value === null ? { ok: false, reason: 'Not a number' } : { ok: true, value };
    }
    case 'price': {
      const value = parsePrice(trimmed);
      return value === null
        ? { ok: false, reason: 'Not a price (a number, with a currency or not)' }
        : { ok: true, value };
    }
    case 'boolean': {
      const value = parseBoolean(trimmed);
      return value === null
        ? { ok: false, reason: 'Not true or false (true/false, yes/no, 1/0)' }
        : { ok: true, value };
    }
    case 'list':
      return { ok: true, value: splitList(trimmed, separator) };
    case 'categories':
      return { ok: true, value: splitList(trimmed, separator).map(normalizePath) };
    case 'url':
    case 'image':
      return isWebAddress(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, reason: 'Not a web address (it should start with http:// or https://)' };
    case 'date':
      return isIsoDate(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, reason: 'Not a date in ISO form (2024-05-31 or 2024-05-31T14:00:00Z)' };
    case 'text':
      // A typed value keeps its spaces: only an all-blank cell clears.
      return { ok: true, value: text };
  }
}
