/**
 * Reading values as people type and paste them: numbers and prices with `.` or `,` decimals
 * (and a currency symbol or code on prices), booleans as true/false/yes/no/1/0, lists split
 * on ` %% ` or `|`, category paths, web addresses and ISO dates. One module for both sides:
 * the worker converts with it (main/worker/catalog/convert.ts) and the grid's editors check
 * with it (renderer/grid/cell-values.ts), so what an editor accepts is what the worker
 * stores. Pure: no Node or DOM API beyond the `URL` both have, so either side may import it.
 */

const CURRENCY = /^(?:[A-Z]{3}|[$€£¥₹₩₽¢]|US\$|R\$|kr|zł|Kč)$/i;

/** Digits with `sep` between groups of three (or no `sep` at all), the separators removed. */
function ungroup(text: string, sep: string): string | null {
  if (!text.includes(sep)) return /^\d+$/.test(text) ? text : null;
  const [head = '', ...rest] = text.split(sep);
  if (!/^\d{1,3}$/.test(head) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return head + rest.join('');
}

/**
 * The integer and fraction digits of a number made of digits, `.` and `,`. With both, the
 * last one is the decimal point; one lone `.` or `,` is a decimal point too; the same one
 * repeated separates thousands. `integer` is null when the grouping is not in threes.
 */
export function splitDecimal(body: string): { integer: string | null; fraction: string } {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
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
 * A number as people write it: 12, -3, 12.5, 12,5, .5, 1,234.56, 1.234,56, 1 234,5,
 * 1.234.567, 1e3. Spaces and `'` may separate thousands.
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

/** "Men>Shoes >  Boots" is "Men > Shoes > Boots" (as Doofinder feeds write paths). */
export function normalizePath(text: string): string {
  return text
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' > ');
}

export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date in ISO form (2024-05-31, 2024-05-31T14:00:00Z, 2024-05-31 14:00) that a Date can read. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && !Number.isNaN(Date.parse(text.replace(' ', 'T')));
}
