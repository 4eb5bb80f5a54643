/**
 * The catalog a new user meets: one account with two engines, a fashion shop and an outdoor
 * shop with store locations, a few thousand products between them.
 */
import type { SeedSpec } from './seed';

export function defaultSeed(options: { token?: string; items?: number } = {}): SeedSpec {
  const items = options.items ?? 3_000;
  return {
    accounts: [
      {
        zone: 'eu1',
        ...(options.token ? { token: options.token } : {}),
        engines: [
          {
            name: 'Fashion store',
            site_url: 'https://fashion.example.com/',
            language: 'en',
            currency: 'EUR',
            options: {
              facets: [
                { name: 'brand', label: 'Brand', type: 'terms', size: 20 },
                { name: 'color', label: 'Color', type: 'terms', size: 20 },
                { name: 'categories', label: 'Category', type: 'terms', size: 30 },
                { name: 'price', label: 'Price', type: 'range', ranges: [{ from: 0 }] },
              ],
              layerSortOptions: [
                { field: 'price', sort: 'asc', label: 'Price: low to high' },
                { field: 'price', sort: 'desc', label: 'Price: high to low' },
              ],
            },
            types: [{ name: 'product', generate: { count: items, seed: 1, profile: 'shop' } }],
          },
          {
            name: 'Outdoor shop',
            site_url: 'https://outdoor.example.com/',
            language: 'en',
            currency: 'USD',
            options: {
              facets: [
                { name: 'brand', label: 'Brand', type: 'terms', size: 20 },
                { name: 'availability', label: 'Availability', type: 'terms', size: 5 },
                { name: 'price', label: 'Price', type: 'range', ranges: [{ from: 0 }] },
              ],
              geoFields: ['location'],
            },
            types: [{ name: 'product', generate: { count: Math.ceil(items / 2), seed: 2, profile: 'stores' } }],
          },
        ],
      },
    ],
  };
}
