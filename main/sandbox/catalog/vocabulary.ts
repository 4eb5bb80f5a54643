/**
 * The words a sample catalog is made of. Fixed lists (not free faker text) so that many
 * items share vocabulary: a query like "linen dress" finds several items, and facets have
 * a sensible number of distinct values.
 */

/** A leaf of the taxonomy and what products in it look like. */
export interface Leaf {
  /** Department > group > category, as in a shop's navigation. */
  path: readonly [string, string, string];
  /** Three letters in the SKU. */
  code: string;
  /** How common this category is in the catalog, relative to the others. */
  weight: number;
  nouns: readonly string[];
  materials: readonly string[];
  sizes: readonly string[];
  /** Typical price band: most products near the bottom, a few near the top. */
  price: readonly [number, number];
  /** Words in front of the noun in a title ("Relaxed Linen Shirt"). */
  styles: readonly string[];
  /** Sentences describing a feature, for the description. */
  features: readonly string[];
}

/** What the categories of one kind (clothing, shoes...) share. */
export type Group = Pick<Leaf, 'styles' | 'features'>;

export interface Brand {
  name: string;
  weight: number;
}

export interface Weighted {
  value: string;
  weight: number;
}

/** What the description's first sentence is made from. */
export interface ProductWords {
  brand: string;
  style: string;
  material: string;
  noun: string;
  color: string;
}

export interface Store {
  name: string;
  lat: number;
  lon: number;
  weight: number;
}

export interface CatalogVocabulary {
  /** Letters before every SKU of this profile. */
  skuPrefix: string;
  /** The shop's origin, for link and image_link. */
  origin: string;
  leaves: readonly Leaf[];
  brands: readonly Brand[];
  colors: readonly Weighted[];
  /** Merchandising paths an item is also filed under ("Collections > Seasonal > Summer Edit"). */
  collections: readonly string[];
  /** First-level name of the path sale items are also filed under. */
  saleRoot: string;
  newRoot: string;
  openers: ReadonlyArray<(words: ProductWords) => string>;
  closers: readonly string[];
  stores?: readonly Store[];
}

export function lower(text: string): string {
  return text.toLowerCase();
}

/** A category of a catalog: its leaf path and what its items are made of, in one line per category. */
export function leaf(
  path: Leaf['path'],
  code: string,
  weight: number,
  nouns: string[],
  materials: string[],
  sizes: string[],
  price: [number, number],
  group: Group,
): Leaf {
  return { path, code, weight, nouns, materials, sizes, price, ...group };
}
