/**
 * `/5/options/{hashid}` (search-api-v5.md "The /options call") read defensively: the document
 * warns that undocumented options come and go, so only the stable ones are picked, and a
 * missing or odd one reads as absent rather than failing the page.
 */
import type { SearchOptionsView } from '../../../preload/contract';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const records = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter(isRecord) : []);

const ENTITIES: Record<string, string> = {
  euro: '€',
  pound: '£',
  yen: '¥',
  dollar: '$',
  cent: '¢',
  amp: '&',
  nbsp: ' ',
};

/** The layer's symbols are HTML ("&euro;"); the app shows text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export type OptionsParts = Pick<SearchOptionsView, 'currency' | 'facets' | 'sortOptions' | 'geoFields'>;

/** `code` is the engine's currency: the options block names it only in words. */
export function optionsParts(raw: unknown, currencyCode: string | null): OptionsParts {
  const options = isRecord(raw) ? raw : {};
  const currency = isRecord(options.currency) ? options.currency : null;
  const symbol = currency ? textOf(currency.symbol) : null;
  return {
    currency: currency
      ? {
          code: currencyCode ?? textOf(currency.label) ?? '',
          symbol: symbol === null ? null : decodeEntities(symbol),
          format: textOf(currency.format),
        }
      : null,
    facets: records(options.facets).flatMap((facet) => {
      const name = textOf(facet.name);
      if (name === null) return [];
      return [
        { name, label: textOf(facet.label), kind: facet.type === 'range' ? ('range' as const) : ('terms' as const) },
      ];
    }),
    sortOptions: records(options.layerSortOptions).flatMap((option) => {
      const field = textOf(option.field);
      if (field === null) return [];
      return [
        { field, order: option.sort === 'desc' ? ('desc' as const) : ('asc' as const), label: textOf(option.label) },
      ];
    }),
    // Not a documented option (the sandbox and some engines carry it): geo fields are found in the data too.
    geoFields: Array.isArray(options.geoFields) ? options.geoFields.filter((field) => typeof field === 'string') : [],
  };
}

/** Facet labels by name, for the answer's facets panel. */
export function facetLabels(parts: Pick<OptionsParts, 'facets'> | null): Map<string, string | null> {
  return new Map((parts?.facets ?? []).map((facet) => [facet.name, facet.label]));
}
