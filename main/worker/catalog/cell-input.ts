/**
 * A cell's text (typed, pasted, replaced) checked against its column and converted
 * (convert.ts). The id is not editable; a field no item has yet (a new column) is text.
 */
import type { FieldKind, RejectedValue } from '../../../preload/contract';
import { convertText, type Converted } from './convert';
import { ID_FIELD } from './field-sql';

const UNUSABLE_NAME = /["\p{Cc}]/u;

export function cellInput(field: string, text: string | null, kind: FieldKind | undefined): Converted {
  if (field === ID_FIELD) return { ok: false, reason: 'The id cannot be changed (create a new item instead)' };
  if (field.trim() === '' || UNUSABLE_NAME.test(field))
    return { ok: false, reason: 'Field names cannot be empty or hold quotes or control characters' };
  if (text === null) return { ok: true, value: null };
  return convertText(text, kind ?? 'text');
}

export function rejection(
  id: string | null,
  field: string,
  value: string | null,
  reason: string,
  at?: { row: number; column: number },
): RejectedValue {
  return { id, field, value: value ?? '', reason, ...(at ? { row: at.row, column: at.column } : {}) };
}

export const cells = (count: number) => `${count} ${count === 1 ? 'cell' : 'cells'}`;
export const items = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;
