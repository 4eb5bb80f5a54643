/**
 * How a feed's text values become item fields, the same for CSV cells and XML elements:
 * prices become numbers ("12.99 EUR" → 12.99, so price ranges and sorting work), category
 * paths keep their " > " levels in one string ("A > B > C"), and a CSV cell holds a list
 * when its values are separated by "%%".
 */

/** Fields Google Shopping and Doofinder feeds use for money. */
const PRICE_FIELDS = new Set(['price', 'sale_price']);

/** Fields holding "A > B > C" paths. */
const CATEGORY_FIELDS = new Set(['categories', 'category', 'product_type', 'google_product_category']);

/** Longer text is not a price: no need to run the pattern over a whole description. */
const MAX_PRICE_CHARS = 40;

/**
 * "12.99", "12.99 EUR", "EUR 12.99", "1,299.00", "1.299,00", "12,99" → a number; anything
 * else → null. With both separators, the last one is the decimal point.
 */
export function priceOf(text: string): number | null {
  if (text.length > MAX_PRICE_CHARS) return null;
  const match = /^(?:[A-Z]{3}\s*)?([-+]?[\d.,]*\d)(?:\s*[A-Z]{3})?$/.exec(text.trim());
  if (!match?.[1]) return null;
  let digits = match[1];
  if (digits.includes('.') && digits.includes(',')) {
    digits =
      digits.lastIndexOf(',') > digits.lastIndexOf('.')
        ? digits.replace(/\./g, '').replace(',', '.')
        : digits.replace(/,/g, '');
  } else if (/^[-+]?\d+,\d{1,2}$/.test(digits)) digits = digits.replace(',', '.');
  const value = Number(digits);
  return Number.isFinite(value) && /^[-+]?\d+(\.\d+)?$/.test(digits) ? value : null;
}

/** "A>B >  C" → "A > B > C". */
export function categoryPath(text: string): string {
  return text
    .split('>')
    .map((level) => level.trim())
    .filter((level) => level !== '')
    .join(' > ');
}

/** One text value of a field, as stored. */
export function fieldValue(field: string, text: string): unknown {
  const name = field.toLowerCase();
  if (PRICE_FIELDS.has(name)) return priceOf(text) ?? text;
  if (CATEGORY_FIELDS.has(name)) return categoryPath(text);
  return text;
}

/** A CSV cell as stored: undefined when empty (the field is left out), a list when it holds "%%". */
export function cellValue(field: string, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  if (field === 'id' || !text.includes('%%')) return fieldValue(field, text);
  const values = text
    .split('%%')
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map((value) => fieldValue(field, value));
  return values.length === 0 ? undefined : values;
}
