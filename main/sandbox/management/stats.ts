/**
 * Stats (management-api-v1.md "Statistics"): daily aggregates, and the four top lists,
 * which answer 202 "being generated" the first time a period is asked for and 200 once it
 * is ready (`statsGenerationMs` later, on the sandbox clock).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dayOf } from '../clock';
import type { SandboxContext } from '../context';
import { v1Error } from '../http/errors';
import { baseUrl } from '../http/urls';
import type { Engine } from '../store/records';
import { engineOf } from './guard';
import { pageParams, paged } from './pagination';

const DAY_MS = 86_400_000;

export interface Period {
  from: string;
  to: string;
}

function parseDay(value: unknown, name: string): string | null {
  if (value === undefined || value === '') return null;
  const match = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  const day = match ? `${match[1]}-${match[2]}-${match[3]}` : null;
  if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || dayOf(Date.parse(`${day}T00:00:00Z`)) !== day) {
    throw v1Error(400, `Wrong "${name}" date: use the YYYYMMDD format.`);
  }
  return day;
}

/** `from`/`to` as YYYYMMDD; by default the last 15 days, today included. */
export function periodOf(request: FastifyRequest, now: number): Period {
  const query = request.query as { from?: unknown; to?: unknown };
  const to = parseDay(query.to, 'to') ?? dayOf(now);
  const from = parseDay(query.from, 'from') ?? dayOf(Date.parse(`${to}T00:00:00Z`) - 14 * DAY_MS);
  if (from > to) throw v1Error(400, 'The "from" date must not be after the "to" date.');
  return { from, to };
}

function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${period.from}T00:00:00Z`); dayOf(at) <= period.to; at += DAY_MS) days.push(dayOf(at));
  return days;
}

// Every count sums `amount` (1 for a live event): the seeded stats history stores a day's
// repeats of a term or a click as one row.
function aggregates(ctx: SandboxContext, engine: Engine, period: Period) {
  const rows = ctx.db
    .prepare(
      `SELECT day,
              sum(CASE WHEN kind = 'query' THEN amount ELSE 0 END) AS queries,
              sum(CASE WHEN kind = 'query' AND detail = 'new' THEN amount ELSE 0 END) AS searches,
              sum(CASE WHEN kind = 'click' THEN amount ELSE 0 END) AS clicks,
              sum(CASE WHEN kind = 'api' THEN amount ELSE 0 END) AS api,
              sum(CASE WHEN kind = 'parser' THEN amount ELSE 0 END) AS parser
         FROM events WHERE engine_id = ? AND day BETWEEN ? AND ?
        GROUP BY day`,
    )
    .all(engine.id, period.from, period.to) as Array<{
    day: string;
    queries: number;
    searches: number;
    clicks: number;
    api: number;
    parser: number;
  }>;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return daysOf(period).map((date) => {
    const row = byDay.get(date);
    const queries = row?.queries ?? 0;
    const api = row?.api ?? 0;
    const parser = row?.parser ?? 0;
    return {
      date,
      searches: row?.searches ?? 0,
      clicks: row?.clicks ?? 0,
      api,
      parser,
      queries,
      requests: queries + api + parser,
    };
  });
}

type TopKind = 'searches' | 'clicked' | 'opportunities' | 'noresults';

const TOP_SQL: Record<TopKind, string> = {
  searches: `SELECT lower(trim(term)) AS term, sum(amount) AS count FROM events
              WHERE engine_id = ? AND kind = 'query' AND day BETWEEN ? AND ? AND trim(coalesce(term, '')) != ''
              GROUP BY 1 ORDER BY count DESC, term`,
  opportunities: `SELECT lower(trim(term)) AS term, sum(amount) AS count FROM events
              WHERE engine_id = ? AND kind = 'query' AND day BETWEEN ? AND ? AND query_name IN ('fuzzy', 'phonetic_text')
                AND trim(coalesce(term, '')) != ''
              GROUP BY 1 ORDER BY count DESC, term`,
  noresults: `SELECT lower(trim(term)) AS term, sum(amount) AS count FROM events
              WHERE engine_id = ? AND kind = 'query' AND day BETWEEN ? AND ? AND total = 0 AND trim(coalesce(term, '')) != ''
              GROUP BY 1 ORDER BY count DESC, term`,
  // A click event keeps the item's title (term) and link (detail) as they were when clicked.
  clicked: `SELECT max(term) AS term, max(detail) AS url, sum(amount) AS count FROM events
              WHERE engine_id = ? AND kind = 'click' AND day BETWEEN ? AND ?
              GROUP BY item_type, item_id ORDER BY count DESC, term`,
};

function topList(ctx: SandboxContext, engine: Engine, kind: TopKind, period: Period) {
  const rows = ctx.db.prepare(TOP_SQL[kind]).all(engine.id, period.from, period.to) as Array<{
    term: string | null;
    count: number;
    url?: string | null;
  }>;
  return rows.map((row) =>
    kind === 'clicked'
      ? { count: row.count, term: row.term ?? '', ...(row.url ? { url: row.url } : {}) }
      : { count: row.count, term: row.term ?? '' },
  );
}

/** 202 until the period's report is ready; the first request for a period starts it. */
function reportReady(ctx: SandboxContext, engine: Engine, kind: TopKind, period: Period): boolean {
  const now = ctx.clock.now();
  const row = ctx.db
    .prepare('SELECT ready_at FROM stats_reports WHERE engine_id = ? AND kind = ? AND from_day = ? AND to_day = ?')
    .get(engine.id, kind, period.from, period.to) as { ready_at: number } | undefined;
  if (!row) {
    ctx.db
      .prepare('INSERT INTO stats_reports (engine_id, kind, from_day, to_day, ready_at) VALUES (?, ?, ?, ?, ?)')
      .run(engine.id, kind, period.from, period.to, now + ctx.config.statsGenerationMs);
    return false;
  }
  return row.ready_at <= now;
}

function beingGenerated(request: FastifyRequest, reply: FastifyReply) {
  const [path, query = ''] = request.url.split('?', 2);
  const url = `${baseUrl(request)}${path}?${query}`;
  return reply
    .status(202)
    .header('link', `<${url}>`)
    .send({ url, message: 'Your stats request is being processed. Please check this url again later.' });
}

export function registerStatsRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/:hashid/stats', (request) => {
    const engine = engineOf(ctx, request);
    const period = periodOf(request, ctx.clock.now());
    const { page, size } = pageParams(request, 10);
    return paged(request, aggregates(ctx, engine, period), page, size, 'aggregates', {
      start: period.from,
      end: period.to,
    });
  });

  for (const kind of ['searches', 'clicked', 'opportunities', 'noresults'] as const) {
    app.get(`/:hashid/stats/top_${kind}`, (request, reply) => {
      const engine = engineOf(ctx, request);
      const period = periodOf(request, ctx.clock.now());
      if (!reportReady(ctx, engine, kind, period)) return beingGenerated(request, reply);
      const { page, size } = pageParams(request, 10);
      return paged(request, topList(ctx, engine, kind, period), page, size, kind, {
        start: period.from,
        end: period.to,
      });
    });
  }
}
