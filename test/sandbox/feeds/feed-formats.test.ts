/**
 * Feed formats a catalog manager uploads, each processed into items as a client then reads
 * them: header-row CSV/TXT with `|`, tab, `,` or `;`, "%%" lists, ">" category paths,
 * UTF-8 with or without a BOM, Windows-1252, Google Shopping XML, gzip. The format comes
 * from the content: file names are never trusted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  control,
  gzip,
  items,
  logMessages,
  processFeeds,
  setSources,
  startFeedSandbox,
  writeFeed,
  type FeedSandbox,
} from './harness';

let t: FeedSandbox;
beforeAll(async () => {
  t = await startFeedSandbox();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  // Each test starts from an empty product type with no feeds.
  await setSources(t, []);
  await processFeeds(t, '?force=true');
});

async function processOne(name: string, content: string | Buffer) {
  await setSources(t, [await writeFeed(t, name, content)]);
  const task = await processFeeds(t, '?force=true');
  return { task, items: await items(t) };
}

describe('CSV and TXT', () => {
  it.each([
    ['pipes', '|'],
    ['tabs', '\t'],
    ['commas', ','],
    ['semicolons', ';'],
  ])('a header row with %s', async (_name, d) => {
    const feed = [`id${d}title${d}brand`, `P1${d}Red shirt${d}Acme`, `P2${d}Blue shirt${d}Bolt`].join('\n');
    const { task, items: found } = await processOne('feed.txt', feed);
    expect(task.state).toBe('SUCCESS');
    expect(Object.fromEntries(found)).toEqual({
      P1: { id: 'P1', title: 'Red shirt', brand: 'Acme' },
      P2: { id: 'P2', title: 'Blue shirt', brand: 'Bolt' },
    });
  });

  it('quoted cells keep their delimiters, quotes and line breaks', async () => {
    const feed = 'id,title,description\nQ1,"Shirt, red","He said ""hi""\nand left"\nQ2,Plain,Text\n';
    const { items: found } = await processOne('feed.csv', feed);
    expect(found.get('Q1')).toEqual({ id: 'Q1', title: 'Shirt, red', description: 'He said "hi"\nand left' });
    expect(found.get('Q2')).toEqual({ id: 'Q2', title: 'Plain', description: 'Text' });
  });

  it('" %% " separates the values of a list, ">" category paths stay whole, prices become numbers', async () => {
    const feed = [
      'id|title|categories|sizes|price|sale_price',
      'L1|Boots|Shoes > Boots %% Outdoor>Hiking|38 %% 39 %% 40|59.90|49,90 EUR',
      'L2|Cap|Accessories|M|12|',
    ].join('\n');
    const { items: found } = await processOne('feed.csv', feed);
    expect(found.get('L1')).toEqual({
      id: 'L1',
      title: 'Boots',
      categories: ['Shoes > Boots', 'Outdoor > Hiking'],
      sizes: ['38', '39', '40'],
      price: 59.9,
      sale_price: 49.9,
    });
    // An empty cell leaves the field out.
    expect(found.get('L2')).toEqual({ id: 'L2', title: 'Cap', categories: 'Accessories', sizes: 'M', price: 12 });
  });

  it('UTF-8 with a BOM: the BOM is not part of the first column name', async () => {
    const { items: found } = await processOne('bom.csv', Buffer.from('\ufeffid;title\nU1;Café crème\n', 'utf8'));
    expect(found.get('U1')).toEqual({ id: 'U1', title: 'Café crème' });
  });

  it('Windows-1252, as spreadsheets on Windows save it, euro sign and curly quotes included', async () => {
    // "Café €5 “best”" in Windows-1252: é = E9, € = 80, “ = 93, ” = 94.
    const bytes = Buffer.concat([
      Buffer.from('id|title\nW1|Caf'),
      Buffer.from([0xe9, 0x20, 0x80]),
      Buffer.from('5 '),
      Buffer.from([0x93]),
      Buffer.from('best'),
      Buffer.from([0x94, 0x0a]),
    ]);
    const { items: found } = await processOne('legacy.txt', bytes);
    expect(found.get('W1')).toEqual({ id: 'W1', title: 'Café €5 “best”' });
  });

  it('Windows-1252 bytes late in a long file are still read as Windows-1252', async () => {
    const rows = Array.from({ length: 3000 }, (_, n) => `R${n}|Plain row ${n}`);
    const bytes = Buffer.concat([
      Buffer.from(`id|title\n${rows.join('\n')}\nLATE|Jalape`),
      Buffer.from([0xf1, 0x6f, 0x0a]),
    ]);
    const { items: found } = await processOne('late.txt', bytes);
    expect(found.size).toBe(3001);
    expect(found.get('LATE')).toEqual({ id: 'LATE', title: 'Jalapeño' });
  });

  it('CRLF line endings and a missing final newline', async () => {
    const { items: found } = await processOne('crlf.csv', 'id,title\r\nC1,One\r\nC2,Two');
    expect([...found.keys()].sort()).toEqual(['C1', 'C2']);
    expect(found.get('C2')).toEqual({ id: 'C2', title: 'Two' });
  });

  it('line numbers in the log count physical lines: blank ones, and a quoted cell spanning several', async () => {
    const feed = '\n\nid|title\nM1|"two\nlines"\n\n|no id here\nM4|ok\n';
    const { items: found } = await processOne('lines.csv', feed);
    expect([...found.keys()].sort()).toEqual(['M1', 'M4']);
    expect(await logMessages(t)).toContain("Item does not have key field: 'id' at line number: 7");
  });
});

const GOOGLE_SHOPPING = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
    <title>Example shop</title>
    <link>https://shop.example.com</link>
    <item>
      <g:id>G1</g:id>
      <title>Tom &amp; Jerry mug</title>
      <link>https://shop.example.com/g1</link>
      <description><![CDATA[A <b>big</b> mug]]></description>
      <g:price>12.99 EUR</g:price>
      <g:sale_price>9.99 EUR</g:sale_price>
      <g:availability>in stock</g:availability>
      <g:product_type>Home &gt; Kitchen &gt; Mugs</g:product_type>
      <g:additional_image_link>https://shop.example.com/g1-a.jpg</g:additional_image_link>
      <g:additional_image_link>https://shop.example.com/g1-b.jpg</g:additional_image_link>
      <g:shipping>
        <g:country>ES</g:country>
        <g:price>3.50 EUR</g:price>
      </g:shipping>
    </item>
    <item>
      <g:id>G2</g:id>
      <title>Caf\u00e9 cup</title>
      <g:price>4 EUR</g:price>
    </item>
    <item>
      <title>No id at all</title>
    </item>
  </channel>
</rss>
`;

const G1 = {
  id: 'G1',
  title: 'Tom & Jerry mug',
  link: 'https://shop.example.com/g1',
  description: 'A <b>big</b> mug',
  price: 12.99,
  sale_price: 9.99,
  availability: 'in stock',
  product_type: 'Home > Kitchen > Mugs',
  additional_image_link: ['https://shop.example.com/g1-a.jpg', 'https://shop.example.com/g1-b.jpg'],
  shipping: { country: 'ES', price: 3.5 },
};

describe('Google Shopping XML', () => {
  it('RSS 2.0 items with g: fields: prices as numbers, repeated fields as lists, nested fields as objects', async () => {
    const { task, items: found } = await processOne('google.xml', GOOGLE_SHOPPING);
    expect(task.state).toBe('SUCCESS');
    expect(found.get('G1')).toEqual(G1);
    expect(found.get('G2')).toEqual({ id: 'G2', title: 'Café cup', price: 4 });
    expect(found.size).toBe(2);
    expect(await logMessages(t)).toContain("Item does not have key field: 'id' at line number: 27");
  });

  it('Atom entries', async () => {
    const atom = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Shop</title>
  <entry><g:id>A1</g:id><title>Atom item</title><link href="https://shop.example.com/a1"/><g:price>1.50 USD</g:price></entry>
</feed>`;
    const { items: found } = await processOne('atom.xml', atom);
    expect(found.get('A1')).toEqual({ id: 'A1', title: 'Atom item', link: 'https://shop.example.com/a1', price: 1.5 });
  });

  it('XML with leading blank lines and no declaration is still XML', async () => {
    const { items: found } = await processOne('feed.txt', `\n\n  ${GOOGLE_SHOPPING.replace(/^<\?xml[^>]*>\s*/, '')}`);
    expect(found.get('G1')).toEqual(G1);
  });
});

describe('gzip, and formats told by content rather than name', () => {
  it('a .gz CSV', async () => {
    const { items: found } = await processOne('feed.csv.gz', gzip('id|title\nZ1|Zipped\n'));
    expect(Object.fromEntries(found)).toEqual({ Z1: { id: 'Z1', title: 'Zipped' } });
  });

  it('gzipped Google Shopping XML named .csv', async () => {
    const { items: found } = await processOne('misnamed.csv', gzip(GOOGLE_SHOPPING));
    expect(found.get('G1')).toEqual(G1);
  });

  it('plain CSV named .xml.gz, and XML named .csv', async () => {
    expect((await processOne('plain.xml.gz', 'id,title\nN1,Not zipped\n')).items.get('N1')).toEqual({
      id: 'N1',
      title: 'Not zipped',
    });
    expect((await processOne('really-xml.csv', GOOGLE_SHOPPING)).items.get('G1')).toEqual(G1);
  });

  it('a gzipped Windows-1252 TXT with tabs', async () => {
    const bytes = Buffer.concat([Buffer.from('id\ttitle\nT1\tPi'), Buffer.from([0xf1, 0x61, 0x0a])]);
    const { items: found } = await processOne('legacy.txt.gz', gzip(bytes));
    expect(found.get('T1')).toEqual({ id: 'T1', title: 'Piña' });
  });
});

describe('types', () => {
  it('types.sources set when the type is created (POST types) or seeded are processed too', async () => {
    const csv = await writeFeed(t, 'created.csv', 'id|title\nK1|Created\n');
    expect(
      (
        await fetch(`${t.url}/v1/${t.hashid}/types`, {
          method: 'POST',
          headers: { Authorization: `Token ${t.token}` },
          body: JSON.stringify({ name: 'created', sources: [csv] }),
        })
      ).status,
    ).toBe(201);
    expect((await processFeeds(t, '?force=true')).state).toBe('SUCCESS');
    expect([...(await items(t, 'created')).keys()]).toEqual(['K1']);

    const seeded = (await control(t, '/seed', {
      accounts: [{ engines: [{ name: 'Seeded', types: [{ name: 'product', sources: [csv] }] }] }],
    })) as { accounts: Array<{ apiKey: string; engines: Array<{ hashid: string }> }> };
    const other: FeedSandbox = {
      ...t,
      hashid: seeded.accounts[0]?.engines[0]?.hashid ?? '',
      token: seeded.accounts[0]?.apiKey.split('-')[1] ?? '',
    };
    expect((await processFeeds(other)).state).toBe('SUCCESS');
    expect([...(await items(other)).keys()]).toEqual(['K1']);
  });

  it('a type with several sources holds the items of all of them', async () => {
    await setSources(t, [
      await writeFeed(t, 'one.csv', 'id|title\nS1|One\n'),
      await writeFeed(t, 'two.xml', '<rss><channel><item><g:id>S2</g:id><title>Two</title></item></channel></rss>'),
    ]);
    expect((await processFeeds(t)).state).toBe('SUCCESS');
    expect([...(await items(t)).keys()].sort()).toEqual(['S1', 'S2']);
  });
});
