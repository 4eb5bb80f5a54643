/**
 * The raw material of the stats: one row per search, click, cart change, API or parser
 * request. Management stats (aggregates, top lists) are computed from these.
 */
import { dayOf } from '../clock';
import type { SandboxContext } from '../context';

export type EventKind =
  | 'query' // a /5/search request counted in stats (no nostats)
  | 'click'
  | 'api' // a management API request about the engine
  | 'parser' // a feed processed into the engine
  | 'add_to_cart'
  | 'remove_from_cart'
  | 'clear_cart'
  | 'checkout'
  | 'init' // a search session started (/5/stats/init)
  | 'img_display'
  | 'img_click'
  | 'visit';

export interface EventInput {
  engineId: number;
  kind: EventKind;
  term?: string | null;
  total?: number | null;
  queryName?: string | null;
  /** For clicks: the search the clicked result came from. */
  query?: string | null;
  itemType?: string | null;
  itemId?: string | null;
  sessionId?: string | null;
  amount?: number;
  /** For queries: 'new' when it starts a search (no query_counter, or 1); else free-form JSON. */
  detail?: string | null;
}

export function recordEvent(ctx: SandboxContext, event: EventInput): void {
  const at = ctx.clock.now();
  ctx.db
    .prepare(
      `INSERT INTO events (engine_id, at, day, kind, term, total, query_name, item_type, item_id, session_id, amount, detail, query)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      event.engineId,
      at,
      dayOf(at),
      event.kind,
      event.term ?? null,
      event.total ?? null,
      event.queryName ?? null,
      event.itemType ?? null,
      event.itemId ?? null,
      event.sessionId ?? null,
      event.amount ?? 1,
      event.detail ?? null,
      event.query ?? null,
    );
}
