/**
 * Column names as people write them, made comparable: case, accents and punctuation
 * ignored ("Categorías" is "categorias", "image_link" is "image link"), and the synonyms
 * shop exports use for the fields Doofinder feeds name (Google Merchant's names).
 */

/** "Image Src", "image_src", "IMAGE-SRC" -> "image src"; "Categorías" -> "categorias". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A field name for a new column: "Body (HTML)" -> "body_html". */
export function fieldNameFor(column: string): string {
  return nameKey(column).replace(/ /g, '_') || 'column';
}

/**
 * Groups of names meaning the same field, the Doofinder (Google Merchant) name first.
 * Shopify (Handle, Body (HTML), Vendor, Variant SKU, Variant Price, Image Src), WooCommerce
 * (Name, Regular price, Images), PrestaShop in Spanish and French (Nombre, Precio, Marca).
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['id', 'item id', 'product id', 'id producto', 'handle', 'identifier', 'identificador'],
  ['title', 'name', 'product name', 'nombre', 'titulo', 'nom', 'titre', 'product title'],
  ['description', 'body html', 'body', 'long description', 'descripcion', 'descripcion larga', 'product description'],
  ['link', 'url', 'product url', 'product link', 'permalink', 'enlace'],
  [
    'image_link',
    'image link',
    'image url',
    'image',
    'images',
    'image src',
    'imagen',
    'imagenes',
    'main image',
    'picture',
    'photo',
  ],
  ['price', 'regular price', 'variant price', 'precio', 'prix', 'base price'],
  ['sale_price', 'sale price', 'special price', 'discount price', 'precio oferta', 'precio rebajado', 'prix promo'],
  ['brand', 'marca', 'vendor', 'manufacturer', 'marque', 'fabricante'],
  ['gtin', 'ean', 'ean13', 'upc', 'barcode', 'variant barcode', 'isbn', 'codigo de barras'],
  ['mpn', 'manufacturer part number', 'part number'],
  ['sku', 'variant sku', 'reference', 'referencia', 'ref', 'article number'],
  ['categories', 'category', 'categorias', 'categoria', 'product type', 'product category', 'categorie'],
  ['availability', 'disponibilidad', 'stock status'],
  ['tags', 'tag', 'etiquetas', 'keywords'],
].map((group) => group.map(nameKey));

/** The synonym group of a name, or null. */
export function synonymGroup(key: string): readonly string[] | null {
  return SYNONYMS.find((group) => group.includes(key)) ?? null;
}

const IDENTIFIER_KEYS = new Set([
  'id',
  'sku',
  'gtin',
  'ean',
  'ean13',
  'upc',
  'isbn',
  'mpn',
  'barcode',
  'variant sku',
  'variant barcode',
  'reference',
  'referencia',
  'ref',
]);

/** Answers per field name, kept: the dry run asks for every cell of a million rows. */
function remembered(test: (field: string) => boolean): (field: string) => boolean {
  const known = new Map<string, boolean>();
  return (field) => {
    let answer = known.get(field);
    if (answer === undefined) {
      answer = test(field);
      if (known.size < 10_000) known.set(field, answer);
    }
    return answer;
  };
}

/** Identifiers are always text: "00123" keeps its zeros, a GTIN is never a number. */
export const isIdentifier = remembered((field) => IDENTIFIER_KEYS.has(nameKey(field)));

const GTIN_KEYS = new Set(['gtin', 'ean', 'ean13', 'upc', 'isbn', 'barcode', 'variant barcode']);

export const isGtin = remembered((field) => GTIN_KEYS.has(nameKey(field)));
