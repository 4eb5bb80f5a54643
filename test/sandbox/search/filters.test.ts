import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchSandbox, sortedIds, startSearchSandbox } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox();
});
afterAll(() => box.close());

/** Item ids an empty-query search with these extra parameters finds among products. */
const found = async (query: string) => sortedIds(await box.search(`query=&type=product&rpp=100&${query}`));

describe('filter with terms', () => {
  it('reads every bracket form the clients send', async () => {
    const expected = ['P1', 'P4', 'P6'];
    expect(await found('filter[color][]=blue')).toEqual(expected);
    expect(await found('filter[color][0]=blue')).toEqual(expected);
    expect(await found('filter[color]=blue')).toEqual(expected);
    expect(await found('filter%5Bcolor%5D%5B%5D=blue')).toEqual(expected);
  });

  it('matches case-sensitively, the whole value or any element of a stored list', async () => {
    expect(await found('filter[color][]=Blue')).toEqual(['P8']);
    expect(await found('filter[color][]=navy')).toEqual(['P4']);
    expect(await found('filter[color][]=blu')).toEqual([]);
    expect(await found(`filter[categories][]=${encodeURIComponent('Men > Shirts')}`)).toEqual(['P1']);
    expect(await found('filter[categories][]=Men')).toEqual([]);
  });

  it('works on any field, the id included; a field no item has matches nothing', async () => {
    expect(await found('filter[id][]=P1&filter[id][]=P3')).toEqual(['P1', 'P3']);
    expect(await found('filter[flavour][]=mint')).toEqual([]);
    expect(await found('exclude[flavour][]=mint')).toHaveLength(8);
  });

  it('takes values of one field as alternatives, and requires every field', async () => {
    expect(await found('filter[color][]=blue&filter[color][]=red')).toEqual(['P1', 'P2', 'P4', 'P6']);
    expect(await found('filter[color][]=blue&filter[color][]=red&filter[brand][]=Acme')).toEqual(['P1', 'P2']);
  });

  it('requires every value of a field with filter_execution=and', async () => {
    expect(await found('filter[color][]=blue&filter[color][]=navy&filter_execution=and')).toEqual(['P4']);
    expect(await found('filter[color][]=blue&filter[color][]=red&filter_execution=and')).toEqual([]);
  });

  it('applies to text searches too, and is echoed under filter.terms', async () => {
    const body = await box.search('query=shirt&filter[color][]=green');
    expect(body.results.map((result) => result.id)).toEqual(['P3']);
    expect(body.filter).toEqual({ terms: { color: ['green'] } });
  });
});

describe('filter with ranges', () => {
  it('compares numbers as numbers, even when sent or stored as text', async () => {
    // "5" > "19.99" as text; P4 stores its price as the string "120".
    expect(await found('filter[price][lt]=10')).toEqual(['P3']);
    expect(await found('filter[price][gte]=100')).toEqual(['P4']);
  });

  it('merges the document form filter[price][][gte]=…&filter[price][][lt]=…', async () => {
    expect(await found('filter[price][][gte]=19.99&filter[price][][lt]=49.5')).toEqual(['P1', 'P6']);
  });

  it('knows gt and lte', async () => {
    expect(await found('filter[price][gt]=19.99&filter[price][lte]=49.5')).toEqual(['P2', 'P6']);
  });

  it('takes from/to (what the npm client sends) as inclusive ends, an empty end as open', async () => {
    expect(await found('filter[price][from]=12&filter[price][to]=35')).toEqual(['P1', 'P6', 'P8']);
    expect(await found('filter[price][from]=89&filter[price][to]=')).toEqual(['P4', 'P5']);
  });

  it('is echoed under filter.range', async () => {
    const body = await box.search('query=&filter[price][gte]=4.36&filter[color][]=blue');
    expect(body.filter).toEqual({ terms: { color: ['blue'] }, range: { price: { gte: 4.36 } } });
  });
});

describe('filter by geo distance', () => {
  it('keeps items within the distance of the point, in the document form too', async () => {
    const near = 'filter[geo_distance][distance]=600km&filter[geo_distance][location]=40.4168,-3.7038';
    expect(await found(near)).toEqual(['P1', 'P2']);
    const documentForm = 'filter[geo_distance][][distance]=1100km&filter[geo_distance][][location]=40.4168,-3.7038';
    expect(await found(documentForm)).toEqual(['P1', 'P2', 'P3']);
    expect(await found('filter[geo_distance][distance]=300mi&filter[geo_distance][location]=40.4168,-3.7038')).toEqual([
      'P1',
    ]);
  });

  it('is echoed under its own key', async () => {
    const body = await box.search(
      'query=&filter[geo_distance][distance]=200km&filter[geo_distance][location]=40,-70&filter[color][]=blue',
    );
    expect(body.filter).toEqual({
      terms: { color: ['blue'] },
      geo_distance: { distance: '200km', location: '40,-70' },
    });
    expect(body.total).toBe(0);
  });
});

describe('exclude', () => {
  it('drops items matching any excluded value of any excluded field by default', async () => {
    expect(await found('exclude[color][]=blue&exclude[color][]=red')).toEqual(['P3', 'P5', 'P7', 'P8']);
    expect(await found('exclude[color][]=blue&exclude[brand][]=Cobalt')).toEqual(['P2', 'P3', 'P7', 'P8']);
  });

  it('drops only items matching every excluded field with exclude_execution=and', async () => {
    expect(await found('exclude[color][]=blue&exclude[brand][]=Cobalt&exclude_execution=and')).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P7',
      'P8',
    ]);
  });

  it('takes ranges and geo distances', async () => {
    expect(await found('exclude[price][][gte]=20&exclude[price][][lt]=100')).toEqual(['P1', 'P3', 'P4', 'P8']);
    expect(
      await found('exclude[geo_distance][][distance]=600km&exclude[geo_distance][][location]=40.4168,-3.7038'),
    ).toEqual(['P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
  });

  it('combines with filters and is not echoed as a filter', async () => {
    const body = await box.search('query=&type=product&filter[color][]=blue&exclude[brand][]=Cobalt');
    expect(sortedIds(body)).toEqual(['P1', 'P4']);
    expect(body.filter).toEqual({ terms: { color: ['blue'] } });
  });
});
