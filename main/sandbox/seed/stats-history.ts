/**
 * A past for the stats: weeks of searches, clicks, API and feed requests before today, so
 * the app's stats page has something to show on a new sandbox. Written as one event row
 * per day, kind and term (or clicked item) with its `amount`, which the stats sum: a
 * 60-day history of two engines is a few tens of thousands of rows, not a million.
 * Deterministic: the same seed gives the same figures for the same dates.
 */
import { z } from 'zod';
import { dayOf } from '../clock';
import type { SandboxContext } from '../context';
import { sfc32Randomizer } from '../catalog/random';
import type { Engine } from '../store/records';
import { searchesOn, splitCount, zipfWeights } from './daily-volume';
import { misspellingsOf, searchTermsOf, type SearchTerms } from './search-terms';

export const historySchema = z
  .object({
    /** Days before today (today itself is left to live traffic). */
    days: z.number().int().min(1).max(400).default(60),
    seed: z.number().int().default(1),
    /** An average weekday's searches; weekends are busier. */
    searches_per_day: z.number().int().min(0).max(100_000).default(450),
    /** Whose words visitors search for (the sample catalog's profiles). */
    profile: z.enum(['shop', 'stores']).default('shop'),
    /** Days of the week (0 = Sunday) the shop's feed ran: they have parser requests. */
    feed_weekdays: z.array(z.number().int().min(0).max(6)).default([0, 1, 2, 3, 4, 5, 6]),
  })
  .strict();

export type StatsHistorySpec = z.output<typeof historySchema>;

const DAY_MS = 86_400_000;
/** Items read to find what searches match and what gets clicked: enough for realism, cheap on a million-item engine. */
const SAMPLE_ITEMS = 2_000;
const CLICKABLE_ITEMS = 300;
/** Between words; "t-shirt", "harlow & reed" keep their hyphen and ampersand. */
const WORD_BREAK = /[^\p{L}\p{N}&-]+/u;
const MISSPELLED_SHARE = 0.05;
const UNSOLD_SHARE = 0.03;
/** Queries per search: later pages and refinements of the same search. */
const QUERIES_PER_SEARCH: readonly [number, number] = [2.2, 2.8];
const CLICK_RATE: readonly [number, number] = [0.08, 0.15];
const API_PER_DAY: readonly [number, number] = [2, 6];

interface Product {
  type: string;
  id: string;
  title: string;
  link: string | null;
  brand: string | null;
  /** The words of its title, brand, colour, categories and description, as a search would find them. */
  words: Set<string>;
}

interface EventRow {
  kind: 'query' | 'click' | 'api' | 'parser';
  term?: string | null;
  total?: number | null;
  queryName?: string | null;
  itemType?: string | null;
  itemId?: string | null;
  amount: number;
  detail?: string | null;
  query?: string | null;
}

type Random = () => number;

function between(random: Random, [low, high]: readonly [number, number]): number {
  return low + (high - low) * random();
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((entry) => typeof entry === 'string').join(' ');
  return null;
}

function sampleProducts(ctx: SandboxContext, engine: Engine): Product[] {
  const rows = ctx.db
    .prepare('SELECT type, id, doc FROM items WHERE engine_id = ? ORDER BY rowid LIMIT ?')
    .all(engine.id, SAMPLE_ITEMS) as Array<{ type: string; id: string; doc: string }>;
  return rows.map(({ type, id, doc }) => {
    const fields = JSON.parse(doc) as Record<string, unknown>;
    const title = textOf(fields.title) ?? id;
    const brand = textOf(fields.brand);
    const text = [title, brand, textOf(fields.color), textOf(fields.categories), textOf(fields.description)]
      .join(' ')
      .toLowerCase();
    return { type, id, title, link: textOf(fields.link), brand, words: new Set(text.split(WORD_BREAK)) };
  });
}

/** Results a term finds (every word, as `match_and`): its matches in the sample, scaled to the engine's size. */
function totalsOf(terms: readonly string[], products: readonly Product[], itemCount: number): Map<string, number> {
  const scale = products.length > 0 ? itemCount / products.length : 0;
  const found = (term: string) => {
    const words = term.split(WORD_BREAK);
    return products.filter((product) => words.every((word) => product.words.has(word))).length;
  };
  return new Map(terms.map((term) => [term, Math.round(found(term) * scale)]));
}

/**
 * Visitors search most for what the shop has most of: terms ranked by their results, with
 * a random lift so the ranking is not just the catalog's shape. Terms that find nothing
 * (a brand the sample lacks) go last and show up as no-results.
 */
function byPopularity(terms: readonly string[], totals: Map<string, number>, random: Random): string[] {
  const scored = terms.map((term) => ({ term, score: Math.sqrt(totals.get(term) ?? 0) * (0.5 + random()) }));
  return scored.sort((a, b) => b.score - a.score).map(({ term }) => term);
}

function shuffledHead<T>(values: readonly T[], count: number, random: Random): T[] {
  const pool = [...values];
  const head: T[] = [];
  while (head.length < count && pool.length > 0) {
    head.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return head;
}

interface Material {
  terms: SearchTerms;
  totals: Map<string, number>;
  clickable: Product[];
  itemCount: number;
}

function searchRows(material: Material, searches: number, random: Random): EventRow[] {
  const { terms, totals } = material;
  const misspelled = Math.round(searches * MISSPELLED_SHARE);
  const unsold = Math.round(searches * UNSOLD_SHARE);
  const ratio = between(random, QUERIES_PER_SEARCH);
  const groups = [
    { list: terms.popular, count: searches - misspelled - unsold, kind: 'popular' },
    { list: terms.misspelled, count: misspelled, kind: 'misspelled' },
    { list: terms.unsold, count: unsold, kind: 'unsold' },
  ] as const;
  const rows: EventRow[] = [];
  for (const group of groups) {
    const counts = splitCount(group.count, zipfWeights(group.list.length), random);
    group.list.forEach((term, index) => {
      const started = counts[index] ?? 0;
      if (started === 0) return;
      const found = group.kind === 'unsold' ? 0 : (totals.get(term) ?? 1 + Math.floor(random() * 40));
      // Like a live search: with nothing found, the last query type tried is reported.
      const queryName = group.kind === 'misspelled' ? 'fuzzy' : found === 0 ? 'phonetic_text' : 'match_and';
      const search = { kind: 'query', term, total: found, queryName } as const;
      rows.push({ ...search, amount: started, detail: 'new' });
      const followUps = Math.floor(started * (ratio - 1) + random());
      if (followUps > 0) rows.push({ ...search, amount: followUps });
    });
  }
  return rows;
}

function clickRows(material: Material, searches: number, random: Random): EventRow[] {
  const { clickable } = material;
  const clicks = Math.round(searches * between(random, CLICK_RATE));
  const counts = splitCount(clicks, zipfWeights(clickable.length), random);
  return clickable.flatMap((product, index): EventRow[] => {
    const amount = counts[index] ?? 0;
    if (amount === 0) return [];
    return [
      {
        kind: 'click',
        term: product.title,
        detail: product.link,
        itemType: product.type,
        itemId: product.id,
        query: product.brand?.toLowerCase() ?? null,
        amount,
      },
    ];
  });
}

function dayRows(material: Material, spec: StatsHistorySpec, day: string, searches: number, random: Random) {
  const rows = [...searchRows(material, searches, random), ...clickRows(material, searches, random)];
  rows.push({ kind: 'api', amount: Math.round(between(random, API_PER_DAY)) });
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (spec.feed_weekdays.includes(weekday) && material.itemCount > 0) {
    rows.push({ kind: 'parser', amount: material.itemCount });
  }
  return rows;
}

function insertAll(ctx: SandboxContext, engine: Engine, days: Array<{ day: string; rows: EventRow[] }>): void {
  const insert = ctx.db.prepare(
    `INSERT INTO events (engine_id, at, day, kind, term, total, query_name, item_type, item_id, amount, detail, query)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  ctx.db.transaction(() => {
    for (const { day, rows } of days) {
      // Midday: the day's events belong to that day in every time zone a test runs in.
      const at = Date.parse(`${day}T12:00:00Z`);
      for (const row of rows) {
        insert.run(
          engine.id,
          at,
          day,
          row.kind,
          row.term ?? null,
          row.total ?? null,
          row.queryName ?? null,
          row.itemType ?? null,
          row.itemId ?? null,
          row.amount,
          row.detail ?? null,
          row.query ?? null,
        );
      }
    }
  })();
}

export function seedStatsHistory(ctx: SandboxContext, engine: Engine, spec: StatsHistorySpec): void {
  const randomizer = sfc32Randomizer();
  const random: Random = () => randomizer.next();
  randomizer.seed([spec.seed, spec.profile === 'shop' ? 1 : 2]);
  const words = searchTermsOf(spec.profile, random);
  const products = sampleProducts(ctx, engine);
  const itemCount = ctx.items.count(engine.id);
  const totals = totalsOf(words.popular, products, itemCount);
  const popular = byPopularity(words.popular, totals, random);
  const material: Material = {
    terms: { ...words, popular, misspelled: misspellingsOf(popular, random) },
    totals,
    clickable: shuffledHead(products, CLICKABLE_ITEMS, random),
    itemCount,
  };
  const today = Date.parse(`${dayOf(ctx.clock.now())}T00:00:00Z`);
  const days: Array<{ day: string; rows: EventRow[] }> = [];
  for (let index = 0; index < spec.days; index += 1) {
    const at = today - (spec.days - index) * DAY_MS;
    const day = dayOf(at);
    // Each date its own stream: a day's figures do not depend on how many days came before it.
    randomizer.seed([spec.seed, spec.profile === 'shop' ? 1 : 2, at / DAY_MS]);
    const searches = searchesOn(day, { index, of: spec.days }, spec.searches_per_day, random);
    days.push({ day, rows: dayRows(material, spec, day, searches, random) });
  }
  insertAll(ctx, engine, days);
}
