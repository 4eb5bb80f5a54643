/**
 * What a field holds, told from a sample of its values and its name: the kind picks the
 * grid's cell editor and how typed text is converted (convert.ts). A kind is chosen when
 * nearly every sampled value fits it; anything else is text.
 */
import type { FieldKind } from '../../../preload/contract';
import { ID_FIELD } from './field-sql';
import { parsePrice } from './convert';

const PRICE_NAME = /price/i;
const IMAGE_NAME = /^image/i;
const CATEGORY_NAME = /categor/i;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#].*)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const WEB = /^https?:\/\//i;
/** Share of the sampled values that must fit a kind. */
const QUORUM = 0.9;

type ValueShape = 'boolean' | 'number' | 'price' | 'list' | 'path' | 'url' | 'image' | 'date' | 'text';

function shapeOf(name: string, value: unknown): ValueShape {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) {
    const paths = value.filter((entry) => typeof entry === 'string' && entry.includes('>')).length;
    return value.length > 0 && paths * 2 >= value.length ? 'path' : 'list';
  }
  if (typeof value !== 'string') return 'text';
  if (WEB.test(value)) return IMAGE_NAME.test(name) || IMAGE_FILE.test(value) ? 'image' : 'url';
  if (ISO_DATE.test(value)) return 'date';
  if (CATEGORY_NAME.test(name) && value.includes('>')) return 'path';
  // "12.50 EUR", "€12": a price written with its currency.
  if (/\d/.test(value) && /[^\d\s.,+-]/.test(value) && parsePrice(value) !== null) return 'price';
  return 'text';
}

export function detectKind(name: string, values: readonly unknown[]): FieldKind {
  if (name === ID_FIELD) return 'id';
  if (values.length === 0) return IMAGE_NAME.test(name) ? 'image' : PRICE_NAME.test(name) ? 'price' : 'text';
  const counts = new Map<ValueShape, number>();
  for (const value of values) {
    const shape = shapeOf(name, value);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const share = (...shapes: ValueShape[]) =>
    shapes.reduce((sum, shape) => sum + (counts.get(shape) ?? 0), 0) / values.length;
  if (share('boolean') >= QUORUM) return 'boolean';
  if (share('number') >= QUORUM) return PRICE_NAME.test(name) ? 'price' : 'number';
  if (share('number', 'price') >= QUORUM) return 'price';
  if (share('path') >= QUORUM) return 'categories';
  if (share('list', 'path') >= QUORUM) return CATEGORY_NAME.test(name) ? 'categories' : 'list';
  if (share('image') >= QUORUM) return 'image';
  if (share('url', 'image') >= QUORUM) return IMAGE_NAME.test(name) ? 'image' : 'url';
  if (share('date') >= QUORUM) return 'date';
  return 'text';
}
