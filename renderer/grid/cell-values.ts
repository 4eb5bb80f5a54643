/**
 * How a cell's value reads as text (in the grid, in a copy, in an editor) and whether typed
 * text fits its column. The worker converts text by the column's kind and has the last word;
 * these checks only let the editor say what is wrong before anything is sent.
 */
import type { FieldKind } from '../../preload/contract';

/** Lists travel as one text joined with this (the worker splits on it). */
export const LIST_SEPARATOR = ' | ';
/** Category paths are written A > B > C, as Doofinder feeds write them. */
export const PATH_SEPARATOR = ' > ';

export function splitList(text: string): string[] {
  return text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function joinList(values: readonly string[]): string {
  return values.join(LIST_SEPARATOR);
}

/** "Men>Shoes >  Boots" reads as "Men > Shoes > Boots". */
export function normalizePath(text: string): string {
  return text
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(PATH_SEPARATOR);
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

const CURRENCY = /^(?:[A-Z]{3}|[$€£¥₹₩₽¢]|US\$|R\$|kr|zł|Kč)$/i;

/** Digits with `sep` between groups of three (or no `sep` at all), the separators removed. */
function ungroup(text: string, sep: string): string | null {
  if (!text.includes(sep)) return /^\d+$/.test(text) ? text : null;
  const [head = '', ...rest] = text.split(sep);
  if (!/^\d{1,3}$/.test(head) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return head + rest.join('');
}

function splitDecimal(body: string): { integer: string | null; fraction: string } {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // With both, the last one is the decimal point and the other separates thousands.
    const point = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const at = body.lastIndexOf(point);
    return { integer: ungroup(body.slice(0, at), point === '.' ? ',' : '.'), fraction: body.slice(at + 1) };
  }
  if (dots + commas === 1) {
    const at = Math.max(body.indexOf('.'), body.indexOf(','));
    return { integer: body.slice(0, at) || '0', fraction: body.slice(at + 1) };
  }
  return { integer: ungroup(body, dots > 0 ? '.' : ','), fraction: '' };
}

/**
 * A number as people write it, read as the worker reads it (main/worker/catalog/convert.ts):
 * 12, -3, 12.5, 12,5, 1,234.56, 1.234,56, 1 234,5, 1e3.
 */
export function parseNumber(text: string): number | null {
  let body = text.trim().replace(/[\u00a0\u202f']/g, ' ');
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1).trim();
  }
  if (/^\d+(?:\.\d+)?e[-+]?\d+$/i.test(body)) return sign * Number(body);
  body = body.replace(/(\d) (?=\d{3}(?:\D|$))/g, '$1');
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return null;
  const { integer, fraction } = splitDecimal(body);
  if (integer === null || !/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return null;
  return sign * Number(`${integer}.${fraction || '0'}`);
}

/** A price: a number with or without a currency symbol or code (€12,50, 12.50 EUR). */
export function parsePrice(text: string): number | null {
  let rest = text.trim();
  const before = /^([^\d\s.,+-]+)\s*/u.exec(rest);
  if (before) rest = rest.slice(before[0].length);
  const after = /\s*([^\d\s.,]+)$/u.exec(rest);
  if (after) rest = rest.slice(0, rest.length - after[0].length);
  if (before && after) return null;
  const currency = before?.[1] ?? after?.[1];
  if (currency !== undefined && !CURRENCY.test(currency)) return null;
  return parseNumber(rest);
}

function parseBoolean(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(word)) return true;
  if (['false', 'no', '0'].includes(word)) return false;
  return null;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

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
      return ISO_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed.replace(' ', 'T')))
        ? null
        : `“${trimmed}” is not a date (write it as 2025-01-31)`;
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
