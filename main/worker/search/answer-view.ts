/**
 * A /5/search response as the tester shows it: results with their rank over the whole list,
 * the usual shop fields picked out (titles, prices and images go by several names), facets
 * with the labels the engine's options give them, and the body as it came for the raw view.
 */
import type { SearchAnswerView, SearchFacetView, SearchRequestView, SearchResultView } from '../../../preload/contract';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

function firstText(doc: Raw, names: string[]): string | null {
  for (const name of names) {
    const value = doc[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/** 12.5, "12.50", "12,50 EUR", "1.234,50": the number in it, or null. */
export function priceOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const digits = value.replace(/[^\d.,-]/g, '');
  if (digits === '') return null;
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  // The later separator is the decimal one; the other groups thousands.
  const normal = lastComma > lastDot ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  const number = Number(normal);
  return Number.isFinite(number) ? number : null;
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function resultView(doc: Raw, rank: number): SearchResultView {
  return {
    rank,
    id: firstText(doc, ['id']) ?? '',
    dfid: firstText(doc, ['dfid']) ?? '',
    type: firstText(doc, ['type']) ?? '',
    title: firstText(doc, ['title', 'name']),
    price: priceOf(doc.price),
    salePrice: priceOf(doc.sale_price),
    image: firstText(doc, ['image_link', 'image', 'image_url']),
    link: firstText(doc, ['link', 'url']),
    score: numberOrNull(doc.dfscore ?? doc._score ?? doc.score),
    fields: doc,
  };
}

type Bucket = SearchFacetView['buckets'][number];

function termsBuckets(terms: Raw): Bucket[] {
  const buckets = Array.isArray(terms.buckets) ? terms.buckets.filter(isRecord) : [];
  return buckets.map((bucket) => ({ key: String(bucket.key), count: numberOrNull(bucket.doc_count) ?? 0 }));
}

function rangeBuckets(range: Raw): Bucket[] {
  const buckets = Array.isArray(range.buckets) ? range.buckets.filter(isRecord) : [];
  return buckets.map((bucket) => {
    const stats = isRecord(bucket.stats) ? bucket.stats : {};
    const view: Bucket = { key: String(bucket.key), count: numberOrNull(bucket.doc_count) ?? 0 };
    const from = numberOrNull(bucket.from);
    const to = numberOrNull(bucket.to);
    const min = numberOrNull(stats.min);
    const max = numberOrNull(stats.max);
    if (from !== null) view.from = from;
    if (to !== null) view.to = to;
    if (min !== null) view.min = min;
    if (max !== null) view.max = max;
    return view;
  });
}

export function facetViews(raw: unknown, labels: Map<string, string | null>): SearchFacetView[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).flatMap(([name, facet]): SearchFacetView[] => {
    if (!isRecord(facet)) return [];
    const label = labels.get(name) ?? null;
    if (isRecord(facet.range))
      return [{ name, label, kind: 'range', buckets: rangeBuckets(facet.range), missing: null }];
    if (isRecord(facet.terms)) {
      const missing = isRecord(facet.missing) ? numberOrNull(facet.missing.doc_count) : null;
      return [{ name, label, kind: 'terms', buckets: termsBuckets(facet.terms), missing }];
    }
    return [];
  });
}

export interface AnswerContext {
  request: SearchRequestView;
  status: number;
  tookMs: number;
  /** What was asked, for the ranks when the answer leaves them out. */
  page: number;
  rpp: number;
  labels: Map<string, string | null>;
}

export function answerView(body: unknown, context: AnswerContext): SearchAnswerView {
  const raw = isRecord(body) ? body : {};
  const page = numberOrNull(raw.page) ?? context.page;
  const rpp = numberOrNull(raw.results_per_page) ?? context.rpp;
  const results = Array.isArray(raw.results) ? raw.results.filter(isRecord) : [];
  return {
    request: context.request,
    status: context.status,
    tookMs: context.tookMs,
    // The document's own sample sends total as text ("6").
    total: numberOrNull(raw.total) ?? results.length,
    totalFound: numberOrNull(raw.total_found),
    maxScore: numberOrNull(raw.max_score),
    queryName: typeof raw.query_name === 'string' ? raw.query_name : null,
    page,
    rpp,
    results: results.map((doc, index) => resultView(doc, (page - 1) * rpp + index + 1)),
    facets: facetViews(raw.facets, context.labels),
    appliedFilter: raw.filter ?? null,
    raw: body,
  };
}
