/**
 * Identifiers a spreadsheet has mangled, found before they reach the catalog: numbers in
 * scientific notation ("1.23457E+12": the digits are gone), GTINs of a length no GTIN has
 * or with a wrong check digit, and codes that lost the leading zero the catalog has.
 */
import { isGtin } from './names';

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** GS1 check digit: weights 3 and 1 from the right, over the digits before the last. */
export function gtinCheckDigitOk(digits: string): boolean {
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let index = 0; index < body.length; index += 1) {
    const digit = Number(body[body.length - 1 - index]);
    sum += digit * (index % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

export interface IdentifierFlag {
  severity: 'error' | 'warning';
  reason: string;
}

/** What is wrong with an identifier's text, if anything; `current` is the catalog's value. */
export function identifierFlag(field: string, text: string, current: unknown): IdentifierFlag | null {
  const value = text.trim();
  if (value === '') return null;
  if (SCIENTIFIC.test(value))
    return {
      severity: 'error',
      reason: `"${value}" is a number a spreadsheet wrote in scientific notation: the digits of the ${field} are lost (format the column as text and export again)`,
    };
  if (typeof current === 'string' || typeof current === 'number') {
    const known = String(current);
    if (known !== value && /^0+\d+$/.test(known) && known.replace(/^0+/, '') === value)
      return {
        severity: 'error',
        reason: `"${value}" lost its leading zero (the catalog has ${known}): a spreadsheet read the ${field} as a number`,
      };
  }
  if (isGtin(field) && /^\d+$/.test(value)) {
    if (!GTIN_LENGTHS.has(value.length))
      return {
        severity: 'warning',
        reason: `A GTIN has 8, 12, 13 or 14 digits; "${value}" has ${value.length}${value.length === 11 || value.length === 7 ? ' (a leading zero lost?)' : ''}`,
      };
    if (!gtinCheckDigitOk(value)) return { severity: 'warning', reason: `"${value}" has a wrong GTIN check digit` };
  }
  return null;
}
