/**
 * What a shop's visitors type, for the stats history: the catalog's own words (product
 * nouns, categories, brands, "colour + noun"), misspellings of the popular ones (Doofinder's
 * "opportunities": found only by fuzzy matching) and things the shop does not sell (no
 * results). Ordered by popularity, most searched first.
 */
import type { CatalogProfile } from '../catalog/generate';
import { fashion } from '../catalog/fashion';
import { outdoor } from '../catalog/outdoor';
import type { CatalogVocabulary } from '../catalog/vocabulary';

export interface SearchTerms {
  /** Catalog words, most popular first (over a hundred, so top lists run to several pages). */
  popular: string[];
  /** Misspellings of popular words. */
  misspelled: string[];
  /** Products the shop does not carry. */
  unsold: string[];
}

const VOCABULARIES: Record<CatalogProfile, CatalogVocabulary> = { shop: fashion, stores: outdoor };

const UNSOLD: Record<CatalogProfile, string[]> = {
  shop: ['perfume', 'lipstick', 'gift voucher', 'phone case', 'sunscreen', 'nail polish', 'camping stove'],
  stores: ['perfume', 'high heels', 'evening gown', 'lipstick', 'gift voucher', 'phone case', 'tuxedo'],
};

const COLOURED_NOUNS = 12;
const MISSPELLED = 10;

/** A deterministic shuffle (Fisher-Yates) with the caller's random numbers. */
function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const result = [...values];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/** "midi dress" → "midi dres": one letter of the last word dropped, where a typing finger slips. */
function misspell(term: string, random: () => number): string {
  const words = term.split(' ');
  const last = words.at(-1) ?? term;
  const at = 1 + Math.floor(random() * Math.max(1, last.length - 2));
  words[words.length - 1] = last.slice(0, at) + last.slice(at + 1);
  return words.join(' ');
}

export function searchTermsOf(profile: CatalogProfile, random: () => number): SearchTerms {
  const vocabulary = VOCABULARIES[profile];
  const nouns = [...new Set(vocabulary.leaves.flatMap((leaf) => leaf.nouns.map((noun) => noun.toLowerCase())))];
  const categories = vocabulary.leaves.map((leaf) => leaf.path[2].toLowerCase());
  const brands = vocabulary.brands.map((brand) => brand.name.toLowerCase());
  const colours = vocabulary.colors.slice(0, 4).map((colour) => colour.value.toLowerCase());
  const coloured = shuffled(nouns, random)
    .slice(0, COLOURED_NOUNS)
    .map((noun, index) => `${colours[index % colours.length] ?? ''} ${noun}`.trim());
  const popular = shuffled([...new Set([...nouns, ...categories, ...brands, ...coloured])], random);
  return { popular, misspelled: misspellingsOf(popular, random), unsold: UNSOLD[profile] };
}

/** Misspellings of the first (most searched) terms, none of them a catalog word itself. */
export function misspellingsOf(popular: readonly string[], random: () => number): string[] {
  const catalogWords = new Set(popular);
  const slips = popular
    .slice(0, MISSPELLED * 2)
    .map((term) => misspell(term, random))
    .filter((term) => !catalogWords.has(term));
  return [...new Set(slips)].slice(0, MISSPELLED);
}
