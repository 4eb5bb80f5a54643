/**
 * The catalog a new user meets: one account with two engines, a fashion shop and an outdoor
 * shop with store locations, a few thousand products between them. The app's Sandbox
 * account also asks for the Feed demo engine and a stats history; tests that only need a
 * catalog do not pay for either.
 */
import { join } from 'node:path';
import { FEED_DEMO_FILE, feedDemoEngine } from './feed-demo';
import type { EngineSeedSpec, SeedSpec } from './seed';
import type { StatsHistorySpec } from './stats-history';

export interface DefaultSeedOptions {
  token?: string;
  /** Products in the Fashion store (the Outdoor shop gets half). */
  items?: number;
  /** Adds the Feed demo engine, its source the file `feed-demo.csv` in this folder (written by the caller). */
  feedsDir?: string;
  /** Adds 60 days of search stats before today to the Fashion store and the Outdoor shop. */
  history?: boolean;
}

/** Fashion has a nightly feed; the Outdoor shop's runs on Mondays and Thursdays. */
const HISTORY: Record<'fashion' | 'outdoor', Partial<StatsHistorySpec>> = {
  fashion: { days: 60, seed: 1, searches_per_day: 450, profile: 'shop' },
  outdoor: { days: 60, seed: 2, searches_per_day: 160, profile: 'stores', feed_weekdays: [1, 4] },
};

export function defaultSeed(options: DefaultSeedOptions = {}): SeedSpec {
  const items = options.items ?? 3_000;
  const history = (which: keyof typeof HISTORY) => (options.history ? { stats_history: HISTORY[which] } : {});
  const feedDemo: EngineSeedSpec[] = options.feedsDir ? [feedDemoEngine(join(options.feedsDir, FEED_DEMO_FILE))] : [];
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
            ...history('fashion'),
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
            ...history('outdoor'),
          },
          ...feedDemo,
        ],
      },
    ],
  };
}
