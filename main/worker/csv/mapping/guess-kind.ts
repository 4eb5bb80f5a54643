/**
 * The kind of a new field, from its column's first values: the text read the way the
 * catalog would store it (true/false, numbers, lists with ` %% ` or `|`), then judged by the
 * catalog's own rule (catalog/field-kinds.ts), so an import into an empty type stores prices
 * as numbers and flags as booleans, as the same items sent through the API would be.
 */
import type { FieldKind } from '../../../../preload/contract';
import { parseNumber, splitList } from '../../catalog/convert';
import { detectKind } from '../../catalog/field-kinds';

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no']);

function typed(text: string, listSeparator: string | null): unknown {
  const trimmed = text.trim();
  if (BOOLEAN_WORDS.has(trimmed.toLowerCase()))
    return trimmed.toLowerCase() === 'true' || trimmed.toLowerCase() === 'yes';
  const number = /^[-+]?[\d.,]+$/.test(trimmed) ? parseNumber(trimmed) : null;
  if (number !== null) return number;
  const separated = listSeparator ? trimmed.includes(listSeparator) : / %% |\|/.test(trimmed);
  return separated ? splitList(trimmed, listSeparator ?? undefined) : trimmed;
}

export function guessKind(field: string, samples: readonly string[], listSeparator: string | null): FieldKind {
  const values = samples.filter((text) => text.trim() !== '').map((text) => typed(text, listSeparator));
  const kind = detectKind(field, values);
  return kind === 'id' ? 'text' : kind;
}
