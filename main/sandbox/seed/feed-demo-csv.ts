/**
 * The Feed demo engine's feed file, in each scenario the app lets a user try: the same
 * products as the seed (healthy), with a few rows a feed parser must skip (bad-rows), none
 * at all (empty), and a shop that lost most of its products and a column (lost-products).
 * Deterministic: a scenario is the same bytes every time, so processing it twice answers
 * "No changes".
 */
import Papa from 'papaparse';
import { generateItems } from '../catalog/generate';
import type { ItemDoc } from '../store/records';
import { FEED_DEMO_ITEMS, FEED_DEMO_SEED } from './feed-demo';

export const FEED_SCENARIOS = ['healthy', 'bad-rows', 'empty', 'lost-products'] as const;
export type FeedScenario = (typeof FEED_SCENARIOS)[number];

const COLUMNS = [
  'id',
  'title',
  'description',
  'link',
  'image_link',
  'price',
  'sale_price',
  'brand',
  'categories',
  'availability',
  'color',
  'size',
  'gtin',
  'mpn',
] as const;

/** Products kept by lost-products: two in five, spread over the whole catalog. */
const KEPT_WHEN_LOST = new Set([0, 2]);

function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  // The feed format's list separator (main/sandbox/feeds/README.md).
  if (Array.isArray(value)) return value.map(String).join('%%');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function rowOf(item: ItemDoc, columns: readonly string[]): string[] {
  return columns.map((column) => cellOf(item[column]));
}

function demoProducts(start = 0, count = FEED_DEMO_ITEMS): ItemDoc[] {
  return [...generateItems({ count, seed: FEED_DEMO_SEED, profile: 'shop', start })];
}

/**
 * Three rows a shop's export typically gets wrong, each skipped with a WARNING "… at line
 * number: N": no id, a row cut short, a price that is not a number. They are extra
 * products, so the good 300 are all still indexed and the run succeeds.
 */
function brokenRows(): Array<{ after: number; row: string[] }> {
  const [noId, cutShort, badPrice] = demoProducts(FEED_DEMO_ITEMS, 3) as [ItemDoc, ItemDoc, ItemDoc];
  return [
    { after: 40, row: rowOf({ ...noId, id: '' }, COLUMNS) },
    { after: 110, row: rowOf(cutShort, COLUMNS).slice(0, 5) },
    { after: 200, row: rowOf({ ...badPrice, price: 'price on request' }, COLUMNS) },
  ];
}

function rowsFor(scenario: FeedScenario): { columns: readonly string[]; rows: string[][] } {
  if (scenario === 'empty') return { columns: COLUMNS, rows: [] };
  const products = demoProducts();
  if (scenario === 'lost-products') {
    const columns = COLUMNS.filter((column) => column !== 'brand');
    const kept = products.filter((_, index) => KEPT_WHEN_LOST.has(index % 5));
    return { columns, rows: kept.map((item) => rowOf(item, columns)) };
  }
  const rows = products.map((item) => rowOf(item, COLUMNS));
  if (scenario === 'bad-rows') {
    // From the last position backwards, so each insertion leaves the earlier positions alone.
    for (const { after, row } of brokenRows().reverse()) rows.splice(after, 0, row);
  }
  return { columns: COLUMNS, rows };
}

/** One CSV line as written: papaparse quotes what needs quoting; a short row stays short. */
function lineOf(cells: readonly string[]): string {
  return Papa.unparse([[...cells]], { newline: '\n' });
}

/** The feed file's text for a scenario: comma-separated, a header row, one product a line. */
export function feedDemoCsv(scenario: FeedScenario): string {
  const { columns, rows } = rowsFor(scenario);
  return [columns, ...rows].map(lineOf).join('\n') + '\n';
}
