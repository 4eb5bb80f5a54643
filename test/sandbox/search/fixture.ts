/**
 * A sandbox with a small, hand-written catalog whose every search answer can be worked out
 * by reading it, plus helpers to call Search v5 over HTTP.
 */
import { startSandbox, type Sandbox, type SeedSpec } from '../../../main/sandbox/index';

export const TOKEN = 'searchtoken0123456789abcdef0123456789abcd';
export const HASHID = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const BIG_HASHID = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
export const OTHER_TOKEN = 'othertoken0123456789abcdef0123456789abcd';
export const OTHER_HASHID = 'cccccccccccccccccccccccccccccccc';
export const ALLOWED_ORIGIN = 'https://allowed.example.com';

const link = (id: string) => `https://shop.example.com/p/${id.toLowerCase()}`;
const image = (id: string) => `https://shop.example.com/img/${id.toLowerCase()}.jpg`;

function product(id: string, fields: Record<string, unknown>) {
  return { id, link: link(id), image_link: image(id), ...fields };
}

/** Madrid, Barcelona, Paris, London: distances from Madrid are about 0, 505, 1053 and 1264 km. */
export const PRODUCTS = [
  product('P1', {
    title: 'Blue Linen Shirt',
    description: 'A light top for summer days',
    brand: 'Acme',
    color: 'blue',
    categories: ['Men > Shirts', 'Sale'],
    price: 19.99,
    location: '40.4168,-3.7038',
  }),
  product('P2', {
    title: 'Red Wool Sweater',
    description: 'Warm knit for winter',
    brand: 'Acme',
    color: 'red',
    categories: ['Men > Knitwear'],
    price: 49.5,
    location: '41.3874,2.1686',
  }),
  product('P3', {
    title: 'Green Cotton Shirt',
    description: 'Soft organic cotton',
    brand: 'Borealis',
    color: 'green',
    categories: ['Women > Shirts'],
    price: 5,
    location: '48.8566,2.3522',
  }),
  product('P4', {
    title: 'Blue Denim Jacket',
    description: 'Wear it over a shirt',
    brand: 'Borealis',
    color: ['blue', 'navy'],
    categories: ['Men > Jackets', 'Sale'],
    price: '120',
    location: '51.5074,-0.1278',
  }),
  product('P5', {
    title: 'Leather Boots',
    description: 'Sturdy boots for rain',
    brand: 'Cobalt',
    color: 'brown',
    categories: ['Men > Shoes'],
    price: 89,
  }),
  product('P6', {
    title: 'Shirt Dress',
    description: 'Easy summer dress',
    brand: 'Cobalt',
    color: 'blue',
    categories: ['Women > Dresses'],
    price: 35,
    df_manual_boost: 3,
  }),
  product('P7', {
    title: 'Kitten Heels',
    description: 'Classic evening shoes',
    color: 'black',
    categories: ['Women > Shoes'],
    price: 60,
  }),
  product('P8', {
    title: 'Phone Case',
    description: 'Slim cover',
    brand: 'Acme',
    color: 'Blue',
    categories: ['Accessories'],
    price: 12,
  }),
];

export const PAGES = [
  { id: 'about', title: 'About our shirt makers', link: 'https://shop.example.com/about' },
  { id: 'returns', title: 'Returns policy', link: 'https://shop.example.com/returns' },
];

export const SEED: SeedSpec = {
  accounts: [
    {
      zone: 'eu1',
      token: TOKEN,
      engines: [
        {
          name: 'Shop',
          hashid: HASHID,
          site_url: 'https://shop.example.com/',
          language: 'es',
          currency: 'EUR',
          allowed_origins: [ALLOWED_ORIGIN],
          options: {
            facets: [
              { name: 'brand', label: 'Brand', type: 'terms', size: 2 },
              { name: 'color', label: 'Color', type: 'terms', size: 20 },
              { name: 'categories', label: 'Category', type: 'terms', size: 20 },
              { name: 'price', label: 'Price', type: 'range', ranges: [{ to: 50 }, { from: 50 }] },
            ],
            layerSortOptions: [{ field: 'price', sort: 'asc', label: 'Cheapest' }],
            geoFields: ['location'],
          },
          types: [
            { name: 'product', items: PRODUCTS },
            { name: 'page', items: PAGES },
          ],
        },
        {
          name: 'Big',
          hashid: BIG_HASHID,
          currency: 'USD',
          language: 'en',
          types: [
            {
              name: 'product',
              items: Array.from({ length: 1_050 }, (_, n) => ({ id: `B${n}`, title: `Widget ${n}`, price: n })),
            },
          ],
        },
      ],
    },
    {
      zone: 'eu1',
      token: OTHER_TOKEN,
      engines: [{ name: 'Someone else', hashid: OTHER_HASHID, types: [{ name: 'product', items: PRODUCTS }] }],
    },
  ],
};

export interface FacetBody {
  doc_count: number;
  missing?: { doc_count: number };
  terms?: {
    buckets: Array<{ key: unknown; doc_count: number }>;
    doc_count_error_upper_bound: number;
    sum_other_doc_count: number;
  };
  range?: { buckets: Array<Record<string, unknown> & { key: string; doc_count: number }> };
}

export interface SearchSandbox {
  sandbox: Sandbox;
  url: string;
  token: string;
  /** GET a /5 path with a raw query string, authorized with the token unless headers say otherwise. */
  get(path: string, query?: string, headers?: Record<string, string>): Promise<Response>;
  /** GET /5/search on the small engine and return the JSON (expects 200). */
  search(query: string, hashid?: string): Promise<SearchBody>;
  close(): Promise<void>;
}

export interface SearchBody {
  results: Array<Record<string, unknown> & { id: string; dfid: string; type: string }>;
  total: number;
  total_found: number;
  page: number;
  results_per_page: number;
  query: string;
  hashid: string;
  query_name: string;
  max_score: number;
  query_counter?: number;
  facets: Record<string, FacetBody>;
  filter?: Record<string, unknown>;
}

export async function startSearchSandbox(config: Parameters<typeof startSandbox>[0] = {}): Promise<SearchSandbox> {
  const sandbox = await startSandbox({ seed: SEED, ...config });
  const get = (path: string, query = '', headers: Record<string, string> = { Authorization: TOKEN }) =>
    fetch(`${sandbox.url}/5${path}${query ? `?${query}` : ''}`, { headers });
  return {
    sandbox,
    url: sandbox.url,
    token: TOKEN,
    get,
    async search(query: string, hashid = HASHID) {
      const response = await get('/search', `hashid=${hashid}&${query}`);
      const body = (await response.json()) as SearchBody;
      if (response.status !== 200)
        throw new Error(`search ${query} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    },
    close: () => sandbox.close(),
  };
}

export const ids = (body: SearchBody) => body.results.map((result) => result.id);
export const sortedIds = (body: SearchBody) => ids(body).sort();
