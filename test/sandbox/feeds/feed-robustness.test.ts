/**
 * Malformed and random feed files never crash the sandbox or corrupt its state: each ends
 * its task with a FAILURE message or log lines, the engine can be written to afterwards,
 * and a feed that fails leaves the type as it was.
 */
import { Faker, en } from '@faker-js/faker';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  gzip,
  itemCount,
  items,
  logMessages,
  processFeeds,
  setSources,
  startFeedSandbox,
  v1,
  writeFeed,
  writeStatus,
  type FeedSandbox,
} from './harness';

const GOOD = 'id|title|price\nK1|Kept one|10\nK2|Kept two|20\n';

let t: FeedSandbox;
beforeAll(async () => {
  t = await startFeedSandbox();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await setSources(t, [await writeFeed(t, 'good.csv', GOOD)]);
  expect((await processFeeds(t, '?force=true')).state).toBe('SUCCESS');
});

function randomBytes(seed: number, length: number, min = 0): Buffer {
  const faker = new Faker({ locale: [en], seed });
  return Buffer.from(Array.from({ length }, () => faker.number.int({ min, max: 255 })));
}

/** After any feed: the task is over, the engine takes writes, and the API answers. */
async function expectHealthy(): Promise<void> {
  expect(['SUCCESS', 'FAILURE']).toContain(((await v1(t, 'GET', '/tasks/process')).json as { state: string }).state);
  expect(await writeStatus(t)).toBe(201);
  expect((await v1(t, 'GET', '/logs')).status).toBe(200);
  const found = await items(t);
  expect(found.size).toBe(await itemCount(t));
}

async function processContent(name: string, content: string | Buffer) {
  await setSources(t, [await writeFeed(t, name, content)]);
  return processFeeds(t);
}

const manyRows = (count: number) => Array.from({ length: count }, (_, n) => `R${n},Row ${n}`).join('\n');

describe('malformed feeds fail with a clear message and leave the type as it was', () => {
  it.each<[string, string, () => string | Buffer, string]>([
    ['binary junk', 'junk.csv', () => randomBytes(1, 4096), 'it is not a text feed (binary data'],
    ['binary junk without a zero byte', 'junk.txt', () => randomBytes(2, 4096, 1), 'it looks like binary data'],
    [
      'a truncated gzip',
      'feed.csv.gz',
      () => gzip(`id,title\n${manyRows(5000)}`).subarray(0, 2000),
      'the gzip data is truncated or corrupt',
    ],
    [
      'gzip magic then garbage',
      'feed.gz',
      () => Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(3, 500)]),
      'the gzip data is truncated or corrupt',
    ],
    [
      'a quote left open in a 9 MB feed',
      'open.csv',
      () => `id,title\nQ1,"never closed\n${manyRows(700_000)}`,
      'line 2 is longer than 8 MB (is a quote left open?)',
    ],
    [
      'a 9 MB line',
      'long.csv',
      () => `id,title\nL1,${'x'.repeat(9 * 1024 * 1024)}\nL2,ok\n`,
      'line 2 is longer than 8 MB',
    ],
    ['a 9 MB header line', 'longhead.csv', () => 'id'.padEnd(9 * 1024 * 1024, 'x'), 'line 1 is longer than 8 MB'],
    [
      'a header without an id column',
      'noid.csv',
      () => 'sku|title\nS1|Shirt\n',
      "its header row (line 1) has no 'id' column; it has: sku, title",
    ],
    ['prose', 'prose.txt', () => new Faker({ locale: [en], seed: 4 }).lorem.paragraphs(20), "has no 'id' column"],
    [
      'XML that is not well-formed at all',
      'bad.xml',
      () => `<rss>${'<a><b></a>&bogus;'.repeat(200)}</rss>`,
      'it is not well-formed XML (',
    ],
  ])('%s', async (_name, file, content, reason) => {
    const task = await processContent(file, content());
    expect(task.state).toBe('FAILURE');
    expect(task.message).toContain(reason);
    expect((await logMessages(t))[0]).toBe(task.message);
    expect(Object.fromEntries(await items(t))).toEqual({
      K1: { id: 'K1', title: 'Kept one', price: 10 },
      K2: { id: 'K2', title: 'Kept two', price: 20 },
    });
    await expectHealthy();
  });
});

describe('damage inside an otherwise good feed is logged, the rest is indexed', () => {
  it('a quote left open near the end of a small feed', async () => {
    const task = await processContent('late-quote.csv', 'id,title\nA1,Fine\nA2,"open\nA3,Swallowed\n');
    expect(task.state).toBe('SUCCESS');
    expect([...(await items(t)).keys()]).toEqual(['A1']);
    expect(await logMessages(t)).toContain(
      'A quoted cell is never closed (the rest of the file would be one cell) at line number: 3',
    );
    await expectHealthy();
  });

  it('text after a closing quote', async () => {
    await processContent('quotes.csv', 'id,title\nB1,"a"b\n');
    expect(await logMessages(t)).toContain(
      'A quoted cell is never closed (the rest of the file would be one cell) at line number: 2',
    );
    await expectHealthy();
  });

  it('XML errors inside items, an item nested absurdly deep, a truncated last item', async () => {
    const deep = `${'<x>'.repeat(100_000)}deep${'</x>'.repeat(100_000)}`;
    const xml = [
      '<rss><channel>',
      '<item><g:id>X1</g:id><title>Good &amp; fine</title></item>',
      `<item><g:id>X2</g:id>${deep}</item>`,
      '<item><g:id>X3</g:id><title>Unescaped & ampersand</title></item>',
      '<item><g:id>X4</g:id><title>Cut off',
    ].join('\n');
    const task = await processContent('damaged.xml', xml);
    expect(task.state).toBe('SUCCESS');
    expect([...(await items(t)).keys()].sort()).toEqual(['X1', 'X3']);
    const messages = await logMessages(t);
    expect(messages).toContain('Item nests elements more than 8 levels deep at line number: 3');
    expect(messages).toContain('The feed ends inside this item at line number: 5');
    expect(messages.some((msg) => msg.startsWith('XML error: ') && msg.endsWith('at line number: 4'))).toBe(true);
    await expectHealthy();
  });

  it('2 MB cells in a price column and around a %% list', async () => {
    const feed = `id|sale_price|sizes\nD1|${'9'.repeat(2_000_000)}x|${' '.repeat(2_000_000)}%%M\nD2|12|S\n`;
    const task = await processContent('patterns.csv', feed);
    expect(task.state).toBe('SUCCESS');
    const found = await items(t);
    expect(found.get('D1')?.sizes).toEqual(['M']);
    expect(found.get('D2')).toEqual({ id: 'D2', sale_price: 12, sizes: 'S' });
    await expectHealthy();
  });

  it('a NUL byte past the first 8 KB', async () => {
    const content = Buffer.concat([
      Buffer.from(`id,title\n${manyRows(1000)}\nZ1,zero`),
      Buffer.from([0]),
      Buffer.from('\n'),
    ]);
    expect((await processContent('late-nul.csv', content)).state).toBe('SUCCESS');
    await expectHealthy();
  });
});

describe('random damage', () => {
  const CSV = `id|title|categories|price\n${Array.from({ length: 60 }, (_, n) => `P${n}|Product "${n}"|A > B %% C|${n}.5`).join('\n')}\n`;
  const XML = `<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0"><channel>${Array.from(
    { length: 40 },
    (_, n) => `<item><g:id>G${n}</g:id><title>Item ${n}</title><g:price>${n}.99 EUR</g:price></item>`,
  ).join('\n')}</channel></rss>`;
  const SPICE = ['"', '|', '\n', '\r\n', '%%', '>', '<', '&', '</item>', '<item>', '\u0000', '\ufffd', ',', ';', '\t'];

  function mutate(faker: Faker, original: Buffer): Buffer {
    let bytes = Buffer.from(original);
    const edits = faker.number.int({ min: 1, max: 8 });
    for (let edit = 0; edit < edits; edit += 1) {
      const at = faker.number.int({ min: 0, max: Math.max(0, bytes.length - 1) });
      switch (faker.number.int({ min: 0, max: 4 })) {
        case 0:
          bytes[at] = faker.number.int({ min: 0, max: 255 });
          break;
        case 1:
          bytes = Buffer.concat([
            bytes.subarray(0, at),
            Buffer.from(faker.helpers.arrayElement(SPICE)),
            bytes.subarray(at),
          ]);
          break;
        case 2:
          bytes = bytes.subarray(0, at);
          break;
        case 3:
          bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + faker.number.int({ min: 1, max: 50 }))]);
          break;
        default:
          bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.max(0, at - 200), at), bytes.subarray(at)]);
      }
    }
    return bytes;
  }

  it('200 seeded mutations of CSV, XML and gzip feeds: every task finishes and the sandbox stays sound', async () => {
    const faker = new Faker({ locale: [en], seed: 20_240_607 });
    const originals = [Buffer.from(CSV), Buffer.from(XML), gzip(CSV), gzip(XML)];
    const states = { SUCCESS: 0, FAILURE: 0 };
    for (let round = 0; round < 200; round += 1) {
      const original = originals[round % originals.length] as Buffer;
      // Damage gzip feeds either before or after compression.
      const damaged = round % 8 === 2 ? gzip(mutate(faker, Buffer.from(CSV))) : mutate(faker, original);
      const task = await processContent(`fuzz-${round % 3}.feed`, damaged);
      expect(['SUCCESS', 'FAILURE'], `round ${round}: ${task.message}`).toContain(task.state);
      expect(task.message).not.toMatch(/unexpectedly/);
      states[task.state as keyof typeof states] += 1;
      if (round % 20 === 0) await expectHealthy();
    }
    // The mutations are mild enough that many feeds still go through, and harsh enough that some do not.
    expect(states.SUCCESS).toBeGreaterThan(20);
    expect(states.FAILURE).toBeGreaterThan(5);
    await expectHealthy();
  }, 120_000);
});
