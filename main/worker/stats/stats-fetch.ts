/**
 * Reads one stats part whole: every page (`?page=N`, 100 rows each, the most the API
 * gives), and for top lists the 202 "being generated" answers asked again with backoff
 * until they turn 200. Priorities: the first request of a part is what the user is
 * waiting for (interactive, unless the caller says otherwise); further pages and 202
 * re-checks go at background priority, behind any push or mirror, so reading stats never
 * slows a sync.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { StatsDay, StatsRange, StatsTopEntry, StatsTopKind } from '../../../preload/contract';
import type { DoofinderClient } from '../doofinder/client';
import { statsAggregates, statsTopList, type DailyAggregate, type TopEntry } from '../doofinder/management-v1';
import type { Priority } from '../doofinder/rate-limiter';
import { daysOf, normalDay } from './calendar';

const PAGE_SIZE = 100;
/** 5,000 terms is more than anyone reads; the part says when a list was cut there. */
export const MAX_PAGES = 50;

export interface PartCall {
  signal: AbortSignal;
  /** Of the part's first request; the rest go at background priority. */
  firstPriority?: Priority;
}

const priorityOf = (requestIndex: number, call: PartCall): Priority =>
  requestIndex === 0 ? (call.firstPriority ?? 'interactive') : 'background';

const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function dayOf(row: DailyAggregate): StatsDay {
  return {
    date: normalDay(String(row.date)),
    searches: number(row.searches),
    queries: number(row.queries),
    clicks: number(row.clicks),
    requests: number(row.requests),
    api: number(row.api),
    parser: number(row.parser),
  };
}

const zeroDay = (date: string): StatsDay => ({
  date,
  searches: 0,
  queries: 0,
  clicks: 0,
  requests: 0,
  api: 0,
  parser: 0,
});

/** Every day of the range, in order; days the API left out (no activity) are zeros, so a chart does not skip them. */
export async function fetchAggregates(
  client: DoofinderClient,
  engine: string,
  range: StatsRange,
  call: PartCall,
): Promise<StatsDay[]> {
  const byDay = new Map<string, StatsDay>();
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await statsAggregates(
      client,
      engine,
      { from: range.from, to: range.to, page, rpp: PAGE_SIZE },
      { priority: priorityOf(page - 1, call), signal: call.signal },
    );
    const rows = Array.isArray(answer.aggregates) ? answer.aggregates : [];
    for (const row of rows) byDay.set(normalDay(String(row.date)), dayOf(row));
    if (!answer.next || rows.length === 0) break;
  }
  return daysOf(range).map((date) => byDay.get(date) ?? zeroDay(date));
}

export interface RecheckPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Generating for longer than this ends in an error that says so (Doofinder may never finish). */
  giveUpAfterMs: number;
}

export const defaultRecheck: RecheckPolicy = { firstDelayMs: 2_000, maxDelayMs: 30_000, giveUpAfterMs: 30 * 60_000 };

export interface TopListCall extends PartCall {
  recheck?: RecheckPolicy;
  /** A 202: Doofinder's message and when the list is asked for again. */
  onGenerating(message: string, nextCheckAt: Date): void;
}

export interface TopListResult {
  rows: StatsTopEntry[];
  /** The list's length as Doofinder counts it. */
  total: number;
  /** Stopped at MAX_PAGES with more to read. */
  capped: boolean;
}

export class StillGenerating extends Error {
  constructor(minutes: number) {
    super(`Doofinder was still generating this list after ${minutes} minutes; refresh to ask again.`);
    this.name = 'StillGenerating';
  }
}

const entryOf = (entry: TopEntry): StatsTopEntry => ({
  term: String(entry.term ?? ''),
  count: number(entry.count),
  url: typeof entry.url === 'string' && entry.url !== '' ? entry.url : null,
});

const GENERATING = 'Doofinder is generating these stats.';

/** Every page of a top list, waiting out 202s (2 s, 4 s, 8 s… at most 30 s apart). */
export async function fetchTopList(
  client: DoofinderClient,
  engine: string,
  kind: StatsTopKind,
  range: StatsRange,
  call: TopListCall,
): Promise<TopListResult> {
  const recheck = call.recheck ?? defaultRecheck;
  const rows: StatsTopEntry[] = [];
  let requests = 0;
  let waited = 0;
  let waits = 0;
  for (let page = 1; ;) {
    const answer = await statsTopList(
      client,
      engine,
      kind,
      { from: range.from, to: range.to, page, rpp: PAGE_SIZE },
      { priority: priorityOf(requests++, call), signal: call.signal },
    );
    if (!answer.ready) {
      if (waited >= recheck.giveUpAfterMs) throw new StillGenerating(Math.round(waited / 60_000));
      const delay = Math.min(recheck.maxDelayMs, recheck.firstDelayMs * 2 ** waits++);
      call.onGenerating(answer.message || GENERATING, new Date(Date.now() + delay));
      await sleep(delay, undefined, { signal: call.signal });
      waited += delay;
      continue;
    }
    rows.push(...answer.entries.map(entryOf));
    if (!answer.next || answer.entries.length === 0) return { rows, total: answer.count, capped: false };
    if (page >= MAX_PAGES) return { rows, total: answer.count, capped: true };
    page += 1;
  }
}
