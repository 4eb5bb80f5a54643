/**
 * Text as typed or pasted, turned into the value its column holds (DESIGN.md section 6's
 * coercion, shared with the grid): numbers and prices with `.` or `,` decimals (and a
 * currency symbol or code on prices), booleans as true/false/yes/no/1/0, lists and
 * categories split on ` %% ` or `|`, ISO dates, URLs. Text that does not fit says why.
 */
import type { FieldKind } from '../../../preload/contract';

export type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

const CURRENCY = /^(?:[A-Z]{3}|[$€£¥₹₩₽¢]|US\$|R\$|kr|zł|Kč)$/i;
/** Digits in groups of three after the first: what a thousands separator splits. */
const THOUSANDS = /^\d{1,3}(?:\d{3})*$/;

/** Digits with `sep` between groups of three (or no `sep` at all), the separators removed. */
function ungroup(text: string, sep: string): string | null {
  if (!text.includes(sep)) return /^\d+$/.test(text) ? text : null;
  const groups = text.split(sep);
  const [head = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(head) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  const digits = groups.join('');
  return THOUSANDS.test(digits) ? digits : null;
}

/**
 * A number as people write it: 12, -3, 12.5, 12,5, .5, 1,234.56, 1.234,56, 1 234,5,
 * 1.234.567, 1e3. With both `.` and `,` the last one is the decimal point; one lone `.` or
 * `,` is a decimal point too; the same one repeated separates thousands. Spaces and `'`
 * may separate thousands.
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
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let integer: string | null;
  let fraction = '';
  if (dots > 0 && commas > 0) {
    const point = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const at = body.lastIndexOf(point);
    integer = ungroup(body.slice(0, at), point === '.' ? ',' : '.');
    fraction = body.slice(at + 1);
  } else if (dots + commas === 1) {
    const at = Math.max(body.indexOf('.'), body.indexOf(','));
    integer = body.slice(0, at) || '0';
    fraction = body.slice(at + 1);
  } else {
    integer = ungroup(body, dots > 0 ? '.' : ',');
  }
  if (integer === null || !/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return null;
  return sign * Number(`${integer}.${fraction || '0'}`);
}

/** A price: a number with or without a currency symbol or code before or after it (€12,50, 12.50 EUR). */
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

export function parseBoolean(text: string): boolean | null {
  const word = text.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(word)) return true;
  if (['false', 'no', '0'].includes(word)) return false;
  return null;
}

/**
 * Lists travel as one text: ` %% ` (Doofinder feeds) or `|` (the grid, spreadsheets), or
 * a separator the user chose for a CSV import (`,` in a WooCommerce "Tags" column).
 */
export function splitList(text: string, separator?: string): string[] {
  return text
    .split(separator ? separator : / %% |\|/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** "Men>Shoes >  Boots" is "Men > Shoes > Boots". */
export function normalizePath(text: string): string {
  return text
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' > ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The value for a cell of a column of `kind`, from its text. An empty text clears the cell
 * (`value` null), whatever the kind: an empty spreadsheet cell means "no value".
 */
export interface ConvertOptions {
  /** What separates a list's values (default ` %% ` or `|`). */
  listSeparator?: string | null;
}

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
      return isUrl(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, reason: 'Not a web address (it should start with http:// or https://)' };
    case 'date':
      return ISO_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed.replace(' ', 'T')))
        ? { ok: true, value: trimmed }
        : { ok: false, reason: 'Not a date in ISO form (2024-05-31 or 2024-05-31T14:00:00Z)' };
    case 'text':
      // A typed value keeps its spaces: only an all-blank cell clears.
      return { ok: true, value: text };
  }
}
