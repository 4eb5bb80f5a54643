/**
 * How a cell's value reads as text (in the grid, in a copy, in an editor) and whether typed
 * text fits its column. The worker converts text by the column's kind and has the last word;
 * these checks only let the editor say what is wrong before anything is sent. Numbers,
 * prices, booleans, lists, dates and addresses are read by preload/values.ts, the very
 * readers the worker converts with.
 */
import type { FieldKind } from '../../preload/contract';
import {
  isIsoDate,
  isWebAddress,
  normalizePath,
  parseBoolean,
  parseNumber,
  parsePrice,
  splitList,
} from '../../preload/values';

// The readers are shared with the worker (preload/values.ts); the grid's modules import them from here.
export { normalizePath, parseNumber, parsePrice, splitList };

/** Lists travel as one text joined with this (the worker splits on it). */
export const LIST_SEPARATOR = ' | ';
/** Category paths are written A > B > C, as Doofinder feeds write them. */
export const PATH_SEPARATOR = ' > ';

export function joinList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** The text of a value as copied and as an editor starts with: lists joined with " | ". */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return joinList(value.map(scalarText));
  return scalarText(value);
}

/** Why typed text does not fit the column, or null when it does (empty text clears the cell). */
export function problemWith(kind: FieldKind, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  switch (kind) {
    case 'number':
      return parseNumber(trimmed) === null ? `“${trimmed}” is not a number` : null;
    case 'price': {
      const value = parsePrice(trimmed);
      if (value === null) return `“${trimmed}” is not a price (write it as 12.50)`;
      return value < 0 ? 'A price cannot be negative' : null;
    }
    case 'boolean':
      return parseBoolean(trimmed) === null ? 'Use true or false (yes/no, 1/0)' : null;
    case 'url':
    case 'image':
      return isWebAddress(trimmed) ? null : 'A web address starts with http:// or https://';
    case 'date':
      return isIsoDate(trimmed) ? null : `“${trimmed}” is not a date (write it as 2025-01-31)`;
    default:
      return null;
  }
}

/** What is sent for typed text: lists and paths tidied and joined with " | "; the worker converts the rest. */
export function textToSend(kind: FieldKind, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  switch (kind) {
    case 'boolean':
      return parseBoolean(trimmed) === null ? trimmed : String(parseBoolean(trimmed));
    case 'list':
      return joinList(splitList(trimmed));
    case 'categories':
      return joinList(splitList(trimmed).map(normalizePath));
    case 'text':
      // A typed value keeps its spaces, as the worker keeps them.
      return text;
    default:
      return trimmed;
  }
}

const priceFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/** What a cell shows: prices with cents, numbers grouped, booleans as words. */
export function displayText(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if ((kind === 'price' || kind === 'number') && typeof value === 'number') {
    return kind === 'price' ? priceFormat.format(value) : numberFormat.format(value);
  }
  if (kind === 'boolean' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  return valueText(value);
}

/** The value as a list (for chips): a list field's items, a category field's paths. */
export function listItems(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalarText).filter((item) => item !== '');
  if (typeof value === 'string') return splitList(value);
  return value === null || value === undefined ? [] : [scalarText(value)];
}

/** The value a cell shows right after an edit, until the worker's answer replaces it. */
export function valueFromText(kind: FieldKind, text: string | null): unknown {
  if (text === null) return null;
  switch (kind) {
    case 'number':
      return parseNumber(text) ?? text;
    case 'price':
      return parsePrice(text) ?? text;
    case 'boolean':
      return parseBoolean(text) ?? text;
    case 'list':
    case 'categories':
      return splitList(text);
    default:
      return text;
  }
}
