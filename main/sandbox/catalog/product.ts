/** One sample product, made from a vocabulary with a faker already seeded for that item. */
import type { Faker } from '@faker-js/faker';
import type { ItemDoc } from '../store/records';
import { brandInitials, companyPrefix, gtin, sku } from './codes';
import type { CatalogVocabulary, Leaf } from './vocabulary';

/** Shares of the catalog, roughly what a live shop shows. */
const ON_SALE = 0.2;
const NEW_IN = 0.1;
const MATERIAL_IN_TITLE = 0.5;
const DISCOUNTS = [10, 15, 20, 25, 30, 40, 50];
const AVAILABILITY = [
  { value: 'in stock', weight: 80 },
  { value: 'out of stock', weight: 14 },
  { value: 'preorder', weight: 6 },
];

export type ProductMaker = (faker: Faker, index: number) => ItemDoc;

const CENTS = [0.99, 0.95, 0.5, 0];
const UNDER_ROUND = [0.01, 0, 0.05];

/** Prices as shops write them: 7.99, 49.95, 249.99. */
function shelfPrice(raw: number, ending: number): number {
  if (raw < 100) return Math.floor(raw) + (CENTS[ending % CENTS.length] ?? 0);
  return Math.round(raw / 5) * 5 - (UNDER_ROUND[ending % UNDER_ROUND.length] ?? 0);
}

/** Log-uniform in the leaf's band: cheap products are more common than dear ones, as in any shop. */
function priceIn(faker: Faker, leaf: Leaf): number {
  const [low, high] = leaf.price;
  const raw = low * (high / low) ** faker.number.float({ min: 0, max: 1 });
  return Math.round(shelfPrice(raw, faker.number.int(11)) * 100) / 100;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function productMaker(vocabulary: CatalogVocabulary, seed: number): ProductMaker {
  const leaves = vocabulary.leaves.map((leaf) => ({ value: leaf, weight: leaf.weight }));
  const brands = vocabulary.brands.map((brand, rank) => ({
    value: { name: brand.name, prefix: companyPrefix(rank), initials: brandInitials(brand.name) },
    weight: brand.weight,
  }));
  const stores = vocabulary.stores?.map((store) => ({ value: store, weight: store.weight }));

  return (faker, index) => {
    const { helpers } = faker;
    const leaf = helpers.weightedArrayElement(leaves);
    const brand = helpers.weightedArrayElement(brands);
    const [department, group] = leaf.path;
    const style = helpers.arrayElement(leaf.styles);
    const material = helpers.arrayElement(leaf.materials);
    const noun = helpers.arrayElement(leaf.nouns);
    const color = helpers.weightedArrayElement(vocabulary.colors);
    // "Linen Linen Shirt" and "Down Down Jacket" read as bugs.
    const withMaterial = faker.datatype.boolean(MATERIAL_IN_TITLE) && !noun.includes(material);
    const title = [style, withMaterial ? material : null, noun].filter(Boolean).join(' ');
    const words = { brand: brand.name, style, material, noun, color };
    const description = [
      helpers.arrayElement(vocabulary.openers)(words),
      helpers.arrayElement(leaf.features),
      helpers.arrayElement(vocabulary.closers),
    ].join(' ');
    const id = sku(vocabulary.skuPrefix, leaf.code, index);
    const price = priceIn(faker, leaf);
    const onSale = faker.datatype.boolean(ON_SALE);
    const categories = [leaf.path.join(' > '), helpers.arrayElement(vocabulary.collections)];
    if (onSale) categories.push(`${vocabulary.saleRoot} > ${department} > ${group}`);
    if (faker.datatype.boolean(NEW_IN)) categories.push(`${vocabulary.newRoot} > ${department} > ${group}`);

    const item: ItemDoc = {
      id,
      title,
      description,
      link: `${vocabulary.origin}/products/${slug(title)}-${id.toLowerCase()}`,
      image_link: `${vocabulary.origin}/media/catalog/product/${id.toLowerCase()}.jpg`,
      price,
    };
    if (onSale) item.sale_price = Math.round(price * (100 - helpers.arrayElement(DISCOUNTS))) / 100;
    item.brand = brand.name;
    item.categories = categories;
    item.availability = helpers.weightedArrayElement(AVAILABILITY);
    item.color = color;
    item.size = helpers.arrayElement(leaf.sizes);
    item.gtin = gtin(brand.prefix, index, seed);
    item.mpn = `${brand.initials}-${faker.string.alphanumeric({ length: 6, casing: 'upper' })}`;
    if (stores) {
      const store = helpers.weightedArrayElement(stores);
      item.store = store.name;
      item.location = `${store.lat.toFixed(4)},${store.lon.toFixed(4)}`;
    }
    return item;
  };
}
