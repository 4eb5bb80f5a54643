/**
 * The `currency` block of /5/options (search-api-v5.md "The /options call"): how the layer
 * formats prices, in accounting.js terms (`%s` symbol, `%v` value). Doofinder takes these
 * from the engine's settings; the sandbox derives them from the engine's currency and
 * language with Intl, so "EUR" on a Spanish engine reads `1.234,50 €`.
 */

export interface CurrencyFormat {
  symbol: string;
  precision: number;
  decimal: string;
  thousand: string;
  format: string;
  label: string;
}

/** Large enough that every locale groups its thousands (some only group from five digits). */
const SAMPLE = 1_234_567.5;

function formatIn(locale: string, code: string): CurrencyFormat {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  const parts = formatter.formatToParts(SAMPLE);
  const part = (type: Intl.NumberFormatPartTypes) => parts.find((each) => each.type === type)?.value;
  const symbolAt = parts.findIndex((each) => each.type === 'currency');
  const numberAt = parts.findIndex((each) => each.type === 'integer');
  const spaced = parts.some((each) => each.type === 'literal' && /\s/.test(each.value));
  const gap = spaced ? ' ' : '';
  return {
    symbol: part('currency') ?? code,
    precision: formatter.resolvedOptions().maximumFractionDigits ?? 2,
    decimal: part('decimal') ?? '.',
    thousand: part('group') ?? '',
    format: symbolAt < numberAt ? `%s${gap}%v` : `%v${gap}%s`,
    label: new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code,
  };
}

export function currencyFormat(currency: string, language: string): CurrencyFormat {
  const code = currency.toUpperCase();
  for (const locale of [language, 'en']) {
    try {
      return formatIn(locale, code);
    } catch {
      // An unknown language tag: try English; an unknown currency code: fall through.
    }
  }
  return { symbol: code, precision: 2, decimal: '.', thousand: ',', format: '%v %s', label: code };
}
