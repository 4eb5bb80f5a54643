import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, type SearchSandbox, startSearchSandbox } from './fixture';

let box: SearchSandbox;
beforeAll(async () => {
  box = await startSearchSandbox();
});
afterAll(() => box.close());

const order = async (query: string) => ids(await box.search(`query=&type=product&rpp=100&${query}`));

const CHEAPEST_FIRST = ['P3', 'P8', 'P1', 'P6', 'P2', 'P7', 'P5', 'P4'];

describe('sort', () => {
  it('reads every form the clients send, comparing prices as numbers', async () => {
    expect(await order('sort[0][price]=asc')).toEqual(CHEAPEST_FIRST);
    expect(await order('sort[][price]=asc')).toEqual(CHEAPEST_FIRST);
    expect(await order('sort[price]=asc')).toEqual(CHEAPEST_FIRST);
    expect(await order('sort=price')).toEqual(CHEAPEST_FIRST);
    expect(await order('sort[price]=desc')).toEqual([...CHEAPEST_FIRST].reverse());
  });

  it('puts items without the field last in either order', async () => {
    expect((await order('sort[brand]=asc')).at(-1)).toBe('P7');
    expect((await order('sort[brand]=desc')).at(-1)).toBe('P7');
  });

  it('sorts by several fields in the order given, ties by score', async () => {
    expect(await order('sort[0][brand]=asc&sort[1][price]=desc')).toEqual([
      'P2',
      'P1',
      'P8',
      'P4',
      'P3',
      'P5',
      'P6',
      'P7',
    ]);
    // Same brand and no second field: the boosted P6 comes before P5.
    expect((await order('sort[brand]=desc')).slice(0, 2)).toEqual(['P6', 'P5']);
  });

  it('sorts a list by its lowest value ascending and its highest descending', async () => {
    const colors = await order('sort[color]=desc');
    // P4 holds ["blue", "navy"]: "navy" is its highest.
    expect(colors.indexOf('P4')).toBeLessThan(colors.indexOf('P3'));
    const ascending = await order('sort[color]=asc');
    expect(ascending.indexOf('P4')).toBeLessThan(ascending.indexOf('P5'));
  });

  it('takes dfscore as the relevance', async () => {
    const relevance = ids(await box.search('query=shirt&type=product'));
    expect(ids(await box.search('query=shirt&type=product&sort[dfscore]=desc'))).toEqual(relevance);
    expect(ids(await box.search('query=shirt&type=product&sort[0][dfscore]=asc'))).toEqual([...relevance].reverse());
  });

  it('sorts by distance to a point, without the point last', async () => {
    const fromLondon = ['P4', 'P3', 'P2', 'P1'];
    expect(
      (await order('sort[_geo_distance][location]=51.5,-0.12&sort[_geo_distance][order]=asc')).slice(0, 4),
    ).toEqual(fromLondon);
    expect(
      (await order('sort[0][_geo_distance][location]=51.5,-0.12&sort[0][_geo_distance][order]=desc')).slice(0, 4),
    ).toEqual([...fromLondon].reverse());
    expect(
      (await order('sort[][_geo_distance][location]=51.5,-0.12&sort[][_geo_distance][order]=desc')).slice(0, 4),
    ).toEqual([...fromLondon].reverse());
    expect((await order('sort[_geo_distance][location]=51.5,-0.12')).slice(4).sort()).toEqual(['P5', 'P6', 'P7', 'P8']);
  });

  it('pages through a sorted list without overlap', async () => {
    const first = ids(await box.search('query=&type=product&rpp=3&page=1&sort[price]=asc'));
    const second = ids(await box.search('query=&type=product&rpp=3&page=2&sort[price]=asc'));
    expect([...first, ...second]).toEqual(CHEAPEST_FIRST.slice(0, 6));
  });
});
