/**
 * The sample catalog every seed, test and benchmark starts from: the same seed always gives
 * the same products, any slice of a catalog is the same as that part of the whole, and the
 * products look like a real shop's feed (valid GTINs, category paths, shelf prices).
 */
import { describe, expect, it } from 'vitest';
import { generateItems, MAX_CATALOG_ITEMS, type CatalogProfile } from '../../../main/sandbox/catalog/generate';
import type { ItemDoc } from '../../../main/sandbox/store/records';

const PROFILES: CatalogProfile[] = ['shop', 'stores'];

function catalog(count: number, seed = 7, profile: CatalogProfile = 'shop', start = 0): ItemDoc[] {
  return [...generateItems({ count, seed, profile, start })];
}

/** EAN-13 check digit, written out here so the test does not trust the generator's own. */
function validEan13(code: string): boolean {
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((total, digit, position) => total + digit * (position % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

function distinct<T>(items: ItemDoc[], pick: (item: ItemDoc) => T | T[]): Set<T> {
  return new Set(items.flatMap((item) => pick(item)));
}

describe('determinism', () => {
  it('the same seed gives the same catalog, field for field', () => {
    for (const profile of PROFILES) expect(catalog(300, 42, profile)).toEqual(catalog(300, 42, profile));
  });

  it('another seed gives another catalog', () => {
    const [a, b] = [catalog(200, 1), catalog(200, 2)];
    const same = a.filter((item, n) => JSON.stringify(item) === JSON.stringify(b[n])).length;
    expect(same).toBe(0);
  });

  it('the two profiles are different shops', () => {
    const [shop, stores] = [catalog(50, 1, 'shop'), catalog(50, 1, 'stores')];
    expect(shop.every((item) => item.id.startsWith('FS-'))).toBe(true);
    expect(stores.every((item) => item.id.startsWith('OD-'))).toBe(true);
  });

  it('two catalogs generated at the same time do not disturb each other', () => {
    const [one, two] = [generateItems({ count: 100, seed: 3 }), generateItems({ count: 100, seed: 4 })];
    const interleaved: [ItemDoc[], ItemDoc[]] = [[], []];
    for (let n = 0; n < 100; n += 1) {
      interleaved[0].push(one.next().value as ItemDoc);
      interleaved[1].push(two.next().value as ItemDoc);
    }
    expect(interleaved[0]).toEqual(catalog(100, 3));
    expect(interleaved[1]).toEqual(catalog(100, 4));
  });
});

describe('slices', () => {
  it('item N is the same alone, in a slice, or in the whole catalog', () => {
    for (const profile of PROFILES) {
      const whole = catalog(1_000, 11, profile);
      for (const n of [0, 1, 2, 137, 500, 999]) {
        expect(catalog(1, 11, profile, n)).toEqual([whole[n]]);
      }
      const slices = [
        ...catalog(333, 11, profile, 0),
        ...catalog(334, 11, profile, 333),
        ...catalog(333, 11, profile, 667),
      ];
      expect(slices).toEqual(whole);
    }
  });

  it('the last items of a million-item catalog can be made on their own, the same as in a bigger slice', () => {
    const tail = catalog(10, 5, 'stores', MAX_CATALOG_ITEMS - 10);
    expect(catalog(1, 5, 'stores', MAX_CATALOG_ITEMS - 1)).toEqual([tail[9]]);
    expect(tail[9]?.id).toMatch(/^OD-[A-Z]{3}-0999999$/);
  });
});

describe('size', () => {
  it('makes exactly the number of items asked for, from 10 up', () => {
    for (const count of [0, 10, 11, 2_345]) expect(catalog(count)).toHaveLength(count);
  });

  it('makes a full catalog of 1,000,000 items with distinct ids', () => {
    const ids = new Set<string>();
    let count = 0;
    for (const item of generateItems({ count: MAX_CATALOG_ITEMS, seed: 1 })) {
      ids.add(item.id);
      count += 1;
    }
    expect(count).toBe(1_000_000);
    expect(ids.size).toBe(1_000_000);
  }, 120_000);

  it('refuses ranges past a million items, negative or fractional, when called rather than later', () => {
    expect(() => generateItems({ count: 2, start: MAX_CATALOG_ITEMS - 1 })).toThrow(/at most 1000000 items/);
    expect(() => generateItems({ count: MAX_CATALOG_ITEMS + 1 })).toThrow(RangeError);
    expect(() => generateItems({ count: -1 })).toThrow(/count must be a whole number/);
    expect(() => generateItems({ count: 1.5 })).toThrow(RangeError);
    expect(() => generateItems({ count: 1, start: -1 })).toThrow(/start must be a whole number/);
  });
});

describe.each(PROFILES)('the %s profile looks like a real feed', (profile) => {
  const items = catalog(5_000, 1, profile);

  it('ids are unique SKUs of word characters and dashes', () => {
    expect(distinct(items, (item) => item.id).size).toBe(items.length);
    for (const item of items) expect(item.id).toMatch(/^[\w-]+$/);
  });

  it('every item has the product fields, with the right types', () => {
    for (const item of items) {
      for (const field of ['title', 'description', 'brand', 'color', 'size', 'mpn']) {
        expect(typeof item[field], field).toBe('string');
      }
      expect(typeof item.price).toBe('number');
      expect(item.availability).toMatch(/^(in stock|out of stock|preorder)$/);
      expect(item.mpn).toMatch(/^[A-Z]+-[A-Z0-9]{6}$/);
      expect((item.title as string).length).toBeGreaterThan(3);
      expect((item.description as string).split(' ').length).toBeGreaterThan(10);
      const origin = profile === 'shop' ? 'https://fashion.example.com/' : 'https://outdoor.example.com/';
      expect(item.link).toMatch(new RegExp(`^${origin}products/[a-z0-9-]+$`));
      expect(item.image_link).toMatch(new RegExp(`^${origin}.+\\.jpg$`));
    }
  });

  it('GTINs are 13-digit text with a valid check digit, some with leading zeros, none repeated', () => {
    const gtins = items.map((item) => item.gtin);
    for (const gtin of gtins) {
      expect(typeof gtin).toBe('string');
      expect(gtin).toMatch(/^\d{13}$/);
      expect(validEan13(gtin as string)).toBe(true);
    }
    expect(gtins.filter((gtin) => (gtin as string).startsWith('0')).length).toBeGreaterThan(items.length / 10);
    expect(new Set(gtins).size).toBe(items.length);
  });

  it('categories are lists of several "A > B > C" paths', () => {
    for (const item of items) {
      const categories = item.categories as string[];
      expect(Array.isArray(categories)).toBe(true);
      expect(categories.length).toBeGreaterThanOrEqual(2);
      for (const path of categories) expect(path).toMatch(/^[^>]+ > [^>]+ > [^>]+$/);
      expect(new Set(categories).size).toBe(categories.length);
    }
    const paths = distinct(items, (item) => item.categories as string[]);
    expect(paths.size).toBeGreaterThanOrEqual(20);
    expect(paths.size).toBeLessThanOrEqual(100);
  });

  it('prices are shelf prices with a realistic spread, and sale prices are below them on some items', () => {
    const prices = items.map((item) => item.price as number).sort((a, b) => a - b);
    for (const price of prices) {
      expect(price).toBeGreaterThan(0);
      expect(Math.round(price * 100) / 100).toBe(price);
    }
    const median = prices[Math.floor(prices.length / 2)] ?? 0;
    expect(prices[0]).toBeLessThan(20);
    expect(prices.at(-1)).toBeGreaterThan(profile === 'shop' ? 250 : 1_000);
    expect(median).toBeGreaterThan(profile === 'shop' ? 30 : 60);
    expect(median).toBeLessThan(profile === 'shop' ? 150 : 400);
    const onSale = items.filter((item) => item.sale_price !== undefined);
    expect(onSale.length).toBeGreaterThan(items.length * 0.1);
    expect(onSale.length).toBeLessThan(items.length * 0.4);
    for (const item of onSale) {
      expect(item.sale_price).toBeGreaterThan(0);
      expect(item.sale_price).toBeLessThan(item.price as number);
      expect((item.categories as string[]).some((path) => path.startsWith('Sale > '))).toBe(true);
    }
  });

  it('facets have a sensible number of values, every one of them used', () => {
    expect(distinct(items, (item) => item.brand as string).size).toBeGreaterThanOrEqual(15);
    expect(distinct(items, (item) => item.brand as string).size).toBeLessThanOrEqual(40);
    expect(distinct(items, (item) => item.color as string).size).toBeGreaterThanOrEqual(10);
    expect(distinct(items, (item) => item.color as string).size).toBeLessThanOrEqual(25);
    expect(distinct(items, (item) => item.availability as string).size).toBe(3);
    expect(distinct(items, (item) => item.size as string).size).toBeGreaterThanOrEqual(5);
  });

  it('titles share words, so a typical query finds several items', () => {
    const words = new Map<string, number>();
    for (const item of items) {
      for (const word of new Set((item.title as string).toLowerCase().split(/\s+/))) {
        words.set(word, (words.get(word) ?? 0) + 1);
      }
    }
    const common = [...words.values()].filter((count) => count >= 50);
    expect(common.length).toBeGreaterThanOrEqual(20);
    const query = profile === 'shop' ? ['linen', 'dress'] : ['waterproof', 'jacket'];
    const found = items.filter((item) => {
      const text = `${item.title as string} ${item.description as string}`.toLowerCase();
      return query.every((word) => text.includes(word));
    });
    expect(found.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the stores profile', () => {
  const items = catalog(3_000, 1, 'stores');

  it('puts every item in a named store at a "lat,lon" in the western United States', () => {
    for (const item of items) {
      expect(item.store).toMatch(/^Basecamp Outfitters /);
      expect(item.location).toMatch(/^-?\d+\.\d{4},-?\d+\.\d{4}$/);
      const [lat, lon] = (item.location as string).split(',').map(Number) as [number, number];
      expect(lat).toBeGreaterThan(31);
      expect(lat).toBeLessThan(49);
      expect(lon).toBeGreaterThan(-125);
      expect(lon).toBeLessThan(-102);
    }
    expect(distinct(items, (item) => item.store as string).size).toBeGreaterThanOrEqual(15);
  });

  it('the shop profile has no store fields', () => {
    for (const item of catalog(100, 1, 'shop')) {
      expect(item).not.toHaveProperty('location');
      expect(item).not.toHaveProperty('store');
    }
  });
});
