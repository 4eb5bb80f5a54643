/**
 * Every example request of management-api-v1.md (test/fixtures/doofinder/management-*.json)
 * replayed against the sandbox: same status, and an answer of the same shape (keys and
 * JSON types; ids, URLs and numbers differ). Each example not replayed here fails the run.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordEvent } from '../../../main/sandbox/stats/events';
import { engineByHashid } from '../../../main/sandbox/store/engines';
import {
  advanceClock,
  api,
  body,
  fixture,
  reseed,
  shapeDifferences,
  startTestSandbox,
  type Answer,
  type Example,
  type TestSandbox,
} from './harness';

const FILES = [
  'management-searchengines.json',
  'management-types.json',
  'management-items.json',
  'management-stats.json',
];
let t: TestSandbox;
let hashid: string;

beforeAll(async () => {
  t = await startTestSandbox({ config: { statsGenerationMs: 1_000 } });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
  hashid = t.a.hashids[0] ?? '';
});

interface Replay {
  /** What must exist before the example's request makes sense. */
  setup?: () => Promise<void>;
  /** The request body when the document shows only the answer. */
  body?: unknown;
  /** Keys the sandbox adds to the example's answer on purpose (each a documented choice). */
  allowExtra?: string[];
  /** Answers whose shape is another example's (the document shows none). */
  shapeOf?: string;
}

const client = () => api(t, t.a);
const put = (id: string, item: object) => client().put(`/v1/${hashid}/items/product/${id}`, { body: item });
/** The document's ids and URLs with this sandbox's. */
function fill(path: string, scrollId = ''): string {
  return path
    .replaceAll('{hashid}', hashid)
    .replaceAll('{type1},{type2}', 'product,article')
    .replaceAll('{type}', 'product')
    .replaceAll('{item_id}', 'AAX023')
    .replaceAll('{scroll_id}', scrollId);
}

function recordQueries(): void {
  const { ctx } = t.sandbox;
  const engineId = engineByHashid(ctx.db, hashid)?.id ?? 0;
  for (const term of ['lightsaber', 'r2d2']) {
    recordEvent(ctx, { engineId, kind: 'query', term, total: 0, queryName: 'fuzzy', detail: 'new' });
  }
  recordEvent(ctx, {
    engineId,
    kind: 'click',
    term: 'Red lightsaber',
    detail: 'http://x/443',
    itemType: 'product',
    itemId: '443',
  });
}

async function generated(kind: string): Promise<void> {
  recordQueries();
  await client().get(`/v1/${hashid}/stats/top_${kind}`);
  await advanceClock(t, 1_000);
}

/** How each example is replayed, by file and name. */
const REPLAYS: Record<string, Record<string, Replay>> = {
  'management-searchengines.json': {
    list: {},
    create: {},
    get: {},
    put: {},
    patch: { shapeOf: 'get' },
    delete: {},
  },
  'management-types.json': {
    list: {},
    get: {
      setup: async () =>
        void (await client().put(`/v1/${hashid}/types/product`, { body: { sources: ['http://f/x.xml'] } })),
    },
    create: {},
    put: { shapeOf: 'get' },
    'delete-one': {},
    'delete-list': {},
    'delete-all': {},
  },
  'management-items.json': {
    get: {
      setup: async () => void (await put('AAX023', { title: 't', link: 'http://l', categories: ['a'] })),
      allowExtra: ['url'],
    },
    create: { allowExtra: ['df_url'] },
    'create-bulk': { allowExtra: ['df_url'] },
    'create-bulk-unindexed': {
      setup: async () => void (await put('D', { 'date-fin-promo': '2024-01-01' })),
      body: [{ id: 'OK1' }, { id: 'XXX2', 'date-fin-promo': 'soon' }],
    },
    put: { setup: async () => void (await put('AAX023', { title: 'old' })), allowExtra: ['df_url'] },
    // The second item of the example answer has no df_manual_boost/df_indexed_text; stored items always do.
    'put-bulk': { allowExtra: ['df_url', 'df_manual_boost', 'df_indexed_text'] },
    'put-bulk-unindexed': {
      setup: async () => void (await put('D', { 'date-fin-promo': '2024-01-01' })),
      body: [{ id: 'badid2', 'date-fin-promo': 'soon' }],
    },
    patch: { setup: async () => void (await put('AAX023', { title: 'old', price: 1 })), allowExtra: ['url'] },
    'patch-bulk': {
      setup: async () => {
        await put('AX1', { title: 'a' });
        await put('AX2', { price: 1 });
      },
    },
    'patch-bulk-unindexed': {
      setup: async () => void (await put('badid2', { 'date-fin-promo': '2024-01-01' })),
      body: [
        { id: 'XXX2', title: 'missing' },
        { id: 'badid2', 'date-fin-promo': 'soon' },
      ],
    },
    delete: { setup: async () => void (await put('AAX023', { title: 'x' })) },
    'delete-bulk': {
      setup: async () => {
        await put('AAX023', { title: 'x' });
        await put('AAX024', { title: 'y' });
      },
    },
    'scroll-first': { allowExtra: ['df_url', 'price'] },
    // "The response always include a scroll_id parameter", though this example leaves it out.
    'scroll-next': { allowExtra: ['df_url', 'price', 'scroll_id'] },
  },
  'management-stats.json': {
    aggregates: {},
    ...Object.fromEntries(
      ['searches', 'clicked', 'opportunities', 'noresults'].flatMap((kind) => [
        [`top_${kind}-generating`, {}],
        [`top_${kind}`, { setup: () => generated(kind) }],
      ]),
    ),
  },
};

async function replay(example: Example, how: Replay): Promise<Answer> {
  await how.setup?.();
  let scrollId = '';
  if (example.request.path.includes('{scroll_id}')) {
    scrollId = body<{ scroll_id: string }>(
      await client().get(fill(example.request.path.split('?')[0] ?? '')),
    ).scroll_id;
  }
  const given =
    example.request.body === undefined
      ? undefined
      : (JSON.parse(fill(JSON.stringify(example.request.body))) as unknown);
  const payload = how.body ?? given;
  return client().request(example.request.method, fill(example.request.path, encodeURIComponent(scrollId)), {
    body: payload,
  });
}

describe.each(FILES)('%s', (file) => {
  const examples = fixture(file);

  it('has a replay for every example, and every replay an example', () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(REPLAYS[file] ?? {}).sort());
  });

  it.each(Object.keys(examples))('%s', async (name) => {
    const example = examples[name] as Example;
    const how = REPLAYS[file]?.[name] ?? {};
    const answer = await replay(example, how);
    expect(answer.status).toBe(example.response.status);
    const shape = how.shapeOf ? examples[how.shapeOf]?.response.body : example.response.body;
    if (shape === undefined) expect(answer.text).toBe('');
    else expect(shapeDifferences(shape, answer.json, { allowExtra: how.allowExtra })).toEqual([]);
    for (const header of Object.keys(example.response.headers ?? {})) {
      expect(answer.headers.get(header)).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/v1\/[a-f0-9]{32}\/stats\/top_\w+\?>$/);
    }
  });
});

describe('management-errors.json', () => {
  it('lists each documented status with its messages', () => {
    const errors = fixture('management-errors.json') as unknown as Record<string, { messages: string[] }>;
    expect(Object.keys(errors).sort()).toEqual(['400', '401', '405', '406', '409', '413', '429']);
    // The per-status checks live in limits.test.ts; this keeps the list from rotting silently.
    expect(errors['406']?.messages).toHaveLength(6);
  });
});
