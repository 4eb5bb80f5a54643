import { describe, expect, it } from 'vitest';
import { newSessionId } from '../../../renderer/pages/search/events/session-id';
import { readSearchMemory, rememberSearch } from '../../../renderer/pages/search/search-memory';
import { availableColumns, cellText, nextRow } from '../../../renderer/pages/search/results/result-columns';

function memoryStorage(initial: string | null = null) {
  let value = initial;
  return {
    getItem: () => value,
    setItem: (_key: string, next: string) => {
      value = next;
    },
  };
}

describe('the Search page remembers where the user was', () => {
  it('keeps the engine, the tab, the columns per engine and the store id, each part on its own', () => {
    const storage = memoryStorage();
    rememberSearch({ engine: 'abc', tab: 'compare' }, storage);
    rememberSearch({ columns: { abc: ['brand', 'color'] } }, storage);
    rememberSearch({ store: 'store-1' }, storage);
    expect(readSearchMemory(storage)).toEqual({
      engine: 'abc',
      tab: 'compare',
      columns: { abc: ['brand', 'color'] },
      store: 'store-1',
    });
  });

  it('starts fresh on garbage, and drops parts that are not what they should be', () => {
    expect(readSearchMemory(memoryStorage('{oops'))).toEqual({ engine: null, tab: 'search', columns: {}, store: '' });
    const odd = JSON.stringify({ engine: 3, tab: 'elsewhere', columns: { a: 'brand', b: ['x'] }, store: null });
    expect(readSearchMemory(memoryStorage(odd))).toEqual({
      engine: null,
      tab: 'search',
      columns: { b: ['x'] },
      store: '',
    });
  });
});

describe('the tester’s shopper session', () => {
  it('is 32 hex digits, the most the visit endpoint takes, and new each time', () => {
    const first = newSessionId();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(newSessionId()).not.toBe(first);
  });
});

describe('result columns', () => {
  it('offers every field the answer carries beyond what each row shows, sorted', () => {
    const result = {
      rank: 1,
      id: '1',
      dfid: 'd',
      type: 'product',
      title: 't',
      price: 1,
      salePrice: null,
      image: null,
      link: null,
      score: null,
      fields: { id: '1', title: 't', price: 1, color: 'Red', brand: 'Acme', image_link: 'x' },
    };
    expect(availableColumns([result], ['size'])).toEqual(['brand', 'color', 'size']);
  });

  it('reads lists, objects and long text in a cell', () => {
    expect(cellText(['a', 'b'])).toBe('a, b');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(undefined)).toBe('–');
    expect(cellText('x'.repeat(10), 5)).toBe('xxxx…');
  });

  it('arrow keys stop at the first and last result', () => {
    expect(nextRow('ArrowDown', 2, 3)).toBe(2);
    expect(nextRow('ArrowUp', 0, 3)).toBe(0);
    expect(nextRow('End', 0, 3)).toBe(2);
    expect(nextRow('x', 0, 3)).toBeNull();
    expect(nextRow('ArrowDown', 0, 0)).toBeNull();
  });
});
