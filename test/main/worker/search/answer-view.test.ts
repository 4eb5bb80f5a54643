/** The document's own sample answers and options, read as the tester shows them. */
import { describe, expect, it } from 'vitest';
import { answerView, priceOf } from '../../../../main/worker/search/answer-view';
import { facetLabels, optionsParts } from '../../../../main/worker/search/options-view';
import { fieldOfMessage } from '../../../../main/worker/search/search-errors';

const request = { url: 'u', curl: 'c', params: [] };

// search-api-v5.md "Response with facets", trimmed to one facet of each kind.
const documentAnswer = {
  query: 'chair',
  total: '6',
  results: [{ id: '1', dfid: 'h@product@1', type: 'product', title: 'Chair', price: '84,08', image_url: 'i.jpg' }],
  facets: {
    color: {
      doc_count: 6,
      missing: { doc_count: 1 },
      terms: {
        buckets: [
          { key: 'Green', doc_count: 2 },
          { key: 'Blue', doc_count: 2 },
        ],
      },
    },
    price: {
      doc_count: 6,
      range: {
        buckets: [
          { doc_count: 6, key: '0.0-*', from: 0, stats: { from: 0, count: 6, min: 30, max: 94.9000015258789 } },
        ],
      },
    },
  },
  filter: { terms: { color: ['Green'] } },
};

// search-api-v5.md "The response to expect" of /5/options.
const documentOptions = {
  currency: { thousand: '.', symbol: '&euro;', precision: 2, label: 'Euro', format: '%v %s', decimal: ',' },
  layerSortOptions: [{ field: 'color', sort: 'asc', label: 'Color' }],
  facets: [
    { name: 'brand', label: 'Brand', type: 'terms', size: 20 },
    { name: 'price', label: 'My Price', type: 'range', ranges: [{ from: 0 }] },
  ],
  some_internal_use_option: 'nop',
};

describe('the document’s sample answer', () => {
  it('reads total sent as text, terms with the missing count, and a range with its stats', () => {
    const view = answerView(documentAnswer, {
      request,
      status: 200,
      tookMs: 5,
      page: 2,
      rpp: 10,
      labels: new Map([['price', 'My Price']]),
    });
    expect(view.total).toBe(6);
    expect(view.results[0]).toMatchObject({ rank: 11, title: 'Chair', price: 84.08, image: 'i.jpg', score: null });
    expect(view.facets).toEqual([
      {
        name: 'color',
        label: null,
        kind: 'terms',
        buckets: [
          { key: 'Green', count: 2 },
          { key: 'Blue', count: 2 },
        ],
        missing: 1,
      },
      {
        name: 'price',
        label: 'My Price',
        kind: 'range',
        buckets: [{ key: '0.0-*', count: 6, from: 0, min: 30, max: 94.9000015258789 }],
        missing: null,
      },
    ]);
    expect(view.appliedFilter).toEqual({ terms: { color: ['Green'] } });
  });

  it('reads prices however the feed wrote them', () => {
    expect([priceOf(12.5), priceOf('12.50'), priceOf('1.234,50 EUR'), priceOf('1,234.50'), priceOf('free')]).toEqual([
      12.5,
      12.5,
      1234.5,
      1234.5,
      null,
    ]);
  });
});

describe('the document’s sample options', () => {
  it('give the currency symbol as text, the facets with their kinds and the sort options', () => {
    const parts = optionsParts(documentOptions, 'EUR');
    expect(parts).toEqual({
      currency: { code: 'EUR', symbol: '€', format: '%v %s' },
      facets: [
        { name: 'brand', label: 'Brand', kind: 'terms' },
        { name: 'price', label: 'My Price', kind: 'range' },
      ],
      sortOptions: [{ field: 'color', order: 'asc', label: 'Color' }],
      geoFields: [],
    });
    expect(facetLabels(parts).get('price')).toBe('My Price');
  });

  it('read an odd or empty answer as no options rather than failing', () => {
    expect(optionsParts('nonsense', null)).toEqual({ currency: null, facets: [], sortOptions: [], geoFields: [] });
  });
});

describe('the field a server message is about', () => {
  it.each([
    ['filter[price] has an unknown operator "foo"', 'filters'],
    ['exclude[geo_distance] takes {distance: "200km"}', 'excludes'],
    ["query can't be longer than 200 characters; it has 201.", 'query'],
    ['rpp must be a whole number from 1 to 100; got "0".', 'rpp'],
    ['filter_execution must be one of and, or; got "x".', 'filterExecution'],
    ["You can't fetch more than 1000 search results in total", 'page'],
    ['sort: the order of price must be asc or desc.', 'sort'],
    ['Invalid token', null],
  ])('%s → %s', (message, field) => {
    expect(fieldOfMessage(message)).toBe(field);
  });
});
