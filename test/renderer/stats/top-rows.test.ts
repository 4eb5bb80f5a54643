import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, filterTop, nextSort, ranked, sortTop } from '../../../renderer/pages/stats/top-rows';

const rows = ranked([
  { term: 'tienda de campaña', count: 40, url: null },
  { term: 'Botas', count: 25, url: null },
  { term: 'saco', count: 25, url: 'https://shop.example/saco-dormir' },
  { term: 'anorak', count: 3, url: null },
]);

describe('a top list sorted and filtered as its table shows it', () => {
  it('keeps Doofinder’s order (and rank) by default', () => {
    expect(sortTop(rows, DEFAULT_SORT).map((row) => row.rank)).toEqual([1, 2, 3, 4]);
  });

  it('sorts by count both ways, ties keeping Doofinder’s order', () => {
    expect(sortTop(rows, { key: 'count', descending: false }).map((row) => row.term)).toEqual([
      'anorak',
      'Botas',
      'saco',
      'tienda de campaña',
    ]);
    expect(sortTop(rows, { key: 'count', descending: true }).map((row) => row.term)).toEqual([
      'tienda de campaña',
      'Botas',
      'saco',
      'anorak',
    ]);
  });

  it('sorts terms alphabetically whatever their case', () => {
    expect(sortTop(rows, { key: 'term', descending: false }).map((row) => row.term)).toEqual([
      'anorak',
      'Botas',
      'saco',
      'tienda de campaña',
    ]);
  });

  it('filters on the term or the url, ignoring case and accents, and keeps each row’s rank', () => {
    expect(filterTop(rows, 'CAMPANA').map((row) => row.rank)).toEqual([1]);
    expect(filterTop(rows, 'dormir').map((row) => row.term)).toEqual(['saco']);
    expect(filterTop(rows, '  ')).toHaveLength(4);
    expect(filterTop(rows, 'kayak')).toEqual([]);
  });

  it('clicking a header flips it; another column starts with counts high to low', () => {
    expect(nextSort(DEFAULT_SORT, 'count')).toEqual({ key: 'count', descending: true });
    expect(nextSort({ key: 'count', descending: true }, 'count')).toEqual({ key: 'count', descending: false });
    expect(nextSort({ key: 'count', descending: true }, 'term')).toEqual({ key: 'term', descending: false });
  });
});
