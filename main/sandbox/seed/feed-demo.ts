/**
 * "Feed demo": the Sandbox account's engine whose products come from a feed file, so a new
 * user can process a feed, watch it run, and see what a bad feed does (feed-demo-csv.ts
 * holds the file's scenarios).
 */
import type { EngineSeedSpec } from './seed';

export const FEED_DEMO_ENGINE = 'Feed demo';
export const FEED_DEMO_FILE = 'feed-demo.csv';
export const FEED_DEMO_ITEMS = 300;
/** Not the Fashion store's seed (1): a catalog of its own. */
export const FEED_DEMO_SEED = 3;

/** The engine with its `product` items already indexed from the healthy feed at `feedFile`. */
export function feedDemoEngine(feedFile: string): EngineSeedSpec {
  return {
    name: FEED_DEMO_ENGINE,
    site_url: 'https://feed-demo.example.com/',
    language: 'en',
    currency: 'EUR',
    options: {
      facets: [
        { name: 'brand', label: 'Brand', type: 'terms', size: 20 },
        { name: 'categories', label: 'Category', type: 'terms', size: 30 },
        { name: 'price', label: 'Price', type: 'range', ranges: [{ from: 0 }] },
      ],
    },
    types: [
      {
        name: 'product',
        sources: [feedFile],
        generate: { count: FEED_DEMO_ITEMS, seed: FEED_DEMO_SEED, profile: 'shop' },
      },
    ],
  };
}
