/**
 * Prices as the engine's search layer shows them: `/5/options` gives the currency in
 * accounting.js terms (search-api-v5.md "The /options call": `symbol`, `precision`, `decimal`,
 * `thousand`, and `format` where `%s` is the symbol and `%v` the value). The symbol may come as
 * an HTML entity ("&euro;"). Without options, the engine's currency code through Intl.
 */
import type { SearchOptionsView } from '../../../../preload/contract';

export interface PriceFormat {
  symbol: string;
  precision: number;
  decimal: string;
  thousand: string;
  /** `%s` symbol, `%v` value. */
  format: string;
}

const NAMED: Record<string, string> = {
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  dollar: '$',
  nbsp: '\u00a0',
  amp: '&',
  curren: '¤',
};

/** Decodes the few entity forms a currency symbol comes in, without handing text to an HTML parser. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** The options' currency block, read leniently: the document warns options change shape. */
export function priceFormatOf(options: SearchOptionsView | null, fallbackCode: string | null): PriceFormat | null {
  const raw = (options?.raw as { currency?: Record<string, unknown> } | null | undefined)?.currency;
  if (raw && typeof raw === 'object') {
    const precision = typeof raw.precision === 'number' && raw.precision >= 0 && raw.precision <= 6 ? raw.precision : 2;
    return {
      symbol: decodeEntities(text(raw.symbol, options?.currency?.code ?? '')),
      precision,
      decimal: text(raw.decimal, '.'),
      thousand: text(raw.thousand, ','),
      format: text(raw.format, '%s%v'),
    };
  }
  const code = options?.currency?.code ?? fallbackCode;
  if (!code) return null;
  try {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code }).formatToParts(1234.5);
    const symbol = parts.find((part) => part.type === 'currency')?.value ?? code;
    const before =
      parts.findIndex((part) => part.type === 'currency') < parts.findIndex((part) => part.type === 'integer');
    return { symbol, precision: 2, decimal: '.', thousand: ',', format: before ? '%s%v' : '%v %s' };
  } catch {
    return { symbol: code, precision: 2, decimal: '.', thousand: ',', format: '%v %s' };
  }
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export function formatPrice(value: number | null, format: PriceFormat | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (!format) return value.toFixed(2);
  const fixed = Math.abs(value).toFixed(format.precision);
  const [whole = '0', fraction] = fixed.split('.');
  const number = `${value < 0 ? '-' : ''}${groupThousands(whole, format.thousand)}${fraction ? format.decimal + fraction : ''}`;
  return format.format.replace('%s', format.symbol).replace('%v', number);
}
